import { FIXED_SCALE, formatFixed } from '#domain/quantity.ts';

/**
 * The phrasing conventions of a Guangzhou-template 情况说明 (docs: shared/notes/final-accounts-template.md
 * §3.2, §5). Amounts are exact decimals in 万元 at the domain's fixed scale (10^-12); nothing here uses
 * floating point.
 *
 * - Amounts: 万元, thousands separators, two decimals as the tables print them; a zero prints "0万元".
 * - Percentages: |part| / base × 100 from the exact values, rounded half up at one decimal; a trailing ".0"
 *   is dropped everywhere (the template prints 50.2%, 8.5%, 100%, 0%, and 249% for 249.0%). So a printed
 *   percentage has one decimal unless it is a whole number.
 * - A change: 增加/减少 the amount, 增长/下降 the percentage; "与…持平" when the change prints as 0 (both
 *   values 0 included: the template's variant A, used throughout); "增长--（基数为0，不可比）" when the base
 *   prints as 0 and the amount does not. A base below 0 gives the change amount without a rate.
 * - A completion rate: "完成全年预算B万元的p%"; a budget printed as 0: "完成预算0万元的--%（基数为0，不可比）".
 * - A share: "p%" of a total; a zero total gives "0%" when the part is 0 too (the template prints
 *   “占工程支出金额的0%” for 0 of 0) and no share otherwise.
 * - Words from the dataset (reasons, purposes): printed only when they say something; blank text, bare
 *   punctuation, "无" and placeholders ("XX", "×××", 待补充) are treated as missing, so the sentence or
 *   clause that needs them is left out.
 */

/** An amount in 万元 × 10^12. */
export type Wan = bigint;

const CENT = 10n ** BigInt(FIXED_SCALE - 2);
const TENTH = 10n ** BigInt(FIXED_SCALE - 1);

function magnitude(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** The amount rounded half away from zero to 0.01 万元: what the tables print. */
export function roundCents(v: Wan): Wan {
  const cents = (magnitude(v) + CENT / 2n) / CENT;
  return (v < 0n ? -cents : cents) * CENT;
}

/** Whether the amount prints as 0 (0.00 at two decimals). */
export function printsZero(v: Wan): boolean {
  return roundCents(v) === 0n;
}

/** "3,193.39"; "0" for an amount that prints as 0.00. */
export function amountText(v: Wan): string {
  return printsZero(v) ? '0' : formatFixed(v, 2);
}

/** "3,193.39万元" / "0万元". */
export function wan(v: Wan): string {
  return `${amountText(v)}万元`;
}

/**
 * |num| / den × 100, rounded half up at one decimal, a trailing ".0" dropped ("50.2", "100", "249");
 * undefined unless den > 0.
 */
export function percentText(num: bigint, den: bigint): string | undefined {
  if (den <= 0n) return undefined;
  // floor(1000·n/den + ½) tenths of a percent, exactly.
  const tenths = (magnitude(num) * 2000n + den) / (2n * den);
  const s = formatFixed(tenths * TENTH, 1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** What a change is measured against, as the sentence names it. */
export interface ChangeBase {
  value: Wan;
  /** "上年决算数", "2022年度决算数", "年初预算数". */
  label: string;
}

export const NOT_COMPARABLE = '--（基数为0，不可比）';

/**
 * "比上年决算数减少189.43万元，下降8.5%" / "与上年决算数持平" / "比上年决算数增加5.06万元，增长--（基数为0，不可比）".
 */
export function changeText(current: Wan, base: ChangeBase): string {
  const delta = current - base.value;
  if (printsZero(delta)) return `与${base.label}持平`;
  const up = delta > 0n;
  const head = `比${base.label}${up ? '增加' : '减少'}${wan(magnitude(delta))}`;
  const rateWord = up ? '增长' : '下降';
  if (printsZero(base.value)) return `${head}，${rateWord}${NOT_COMPARABLE}`;
  const rate = percentText(delta, base.value);
  return rate === undefined ? head : `${head}，${rateWord}${rate}%`;
}

/**
 * "完成全年预算10.55万元的64.3%" / "完成预算0万元的--%（基数为0，不可比）"; undefined for a negative budget.
 * `label` names the budget: 全年预算 for the total, 预算 for its parts (the sentence has named it already).
 */
export function completionText(actual: Wan, budget: Wan, label: '全年预算' | '预算'): string | undefined {
  if (printsZero(budget)) return `完成${label}0万元的--%（基数为0，不可比）`;
  const rate = percentText(actual, budget);
  if (rate === undefined || actual < 0n) return undefined;
  return `完成${label}${wan(budget)}的${rate}%`;
}

/** "74.6%": part over total; "0%" for 0 of 0; undefined when no share can be stated. */
export function shareText(part: Wan, total: Wan): string | undefined {
  if (part < 0n) return undefined;
  if (printsZero(total)) return printsZero(part) ? '0%' : undefined;
  const rate = percentText(part, total);
  return rate === undefined ? undefined : `${rate}%`;
}

const PLACEHOLDER_RE = /[XxＸｘ×*＊]{2,}|某某|待补充|待填写/u;
const NOTHING_RE = /^[\s\p{P}\p{S}]*$/u;
/** Words that say there is nothing to say (“主要用于无” is not a sentence). */
const NONE_RE = /^(?:无|暂无|没有|不适用|略|无此项|无相关情况)$/u;
const TRAILING_PUNCT_RE = /[\s。；;，,、：:]+$/u;

/**
 * The dataset's words ready to sit inside a sentence: trimmed, closing punctuation removed; undefined
 * when there is nothing to say (empty, punctuation only, a placeholder).
 */
export function phrase(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().replace(TRAILING_PUNCT_RE, '');
  if (NOTHING_RE.test(t) || NONE_RE.test(t) || PLACEHOLDER_RE.test(t)) return undefined;
  return t;
}

/** "主要变动情况：…。" when the dataset gives a reason; undefined otherwise. */
export function reasonSentence(lead: string, reason: string | undefined): string | undefined {
  const r = phrase(reason);
  return r === undefined ? undefined : `${lead}：${r}。`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones] ?? '';
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${DIGITS[ones] ?? ''}`;
}
