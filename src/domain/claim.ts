import type { Figure } from './quantity.ts';
import type { SourceRef } from './source.ts';

/** What a stated amount is compared with. Amounts of different bases are never compared with each other. */
export const CLAIM_BASES = [
  'prior-final', // 上年决算数
  'initial-budget', // 年初预算数
  'full-year-budget', // 全年预算 / 调整后预算
  'budget', // 预算 without qualifier
  'total', // 占… share of a total
] as const;
export type ClaimBase = (typeof CLAIM_BASES)[number];

export type Direction = 'increase' | 'decrease' | 'flat';

/**
 * One statement of the narrative that carries a number: "基本支出2,036.26万元，比上年决算数减少189.43万元，
 * 下降8.5%" is one claim with subject 基本支出, value 2,036.26 万元, base prior-final, direction decrease,
 * change amount 189.43 and change percent 8.5.
 */
export interface Claim {
  id: string;
  /** The thing the number is about, as the text names it, normalised (e.g. "一般公共预算财政拨款收入"). */
  subject: string;
  /** Headings above the sentence, outermost first. */
  section: string[];
  value?: Figure;
  /** For shares and completion rates: the percentage stated. */
  percent?: Figure;
  base?: ClaimBase;
  /** The base amount when the sentence states it (完成全年预算10.55万元的64.3%). */
  baseValue?: Figure;
  direction?: Direction;
  /** The direction word as printed (增加/减少/持平/增长/下降). */
  directionWord?: string;
  changeAmount?: Figure;
  changePercent?: Figure;
  /** The sentence uses the "--（基数为0，不可比）" form. */
  notComparable?: boolean;
  source: SourceRef;
  /** The whole sentence. */
  sentence: string;
}
