import type { Comparator, IndicatorTarget } from '#domain/self-evaluation.ts';
import { parseQuantity, scanText } from './quantities.ts';

/**
 * An indicator's target value (年度指标值) as printed: a comparator from a sign or a word right before the
 * number (≥, >=, 不低于, 低于, 至少 …) or after it (以上, 以下, 以内), a bare number meaning "equal to", and
 * a text without a number (or with several) meaning a qualitative target.
 */

const BEFORE: readonly [string, Comparator][] = [
  ['>=', 'ge'],
  ['=>', 'ge'],
  ['≥', 'ge'],
  ['<=', 'le'],
  ['=<', 'le'],
  ['≤', 'le'],
  ['>', 'gt'],
  ['<', 'lt'],
  ['=', 'eq'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不小于', 'ge'],
  ['不高于', 'le'],
  ['不超过', 'le'],
  ['不多于', 'le'],
  ['不大于', 'le'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['小于', 'lt'],
  ['高于', 'gt'],
  ['超过', 'gt'],
  ['大于', 'gt'],
  ['多于', 'gt'],
  ['达到', 'ge'],
  ['至少', 'ge'],
  ['最少', 'ge'],
  ['至多', 'le'],
  ['最多', 'le'],
];

const AFTER: readonly [string, Comparator][] = [
  ['及以上', 'ge'],
  ['以上', 'ge'],
  ['及以下', 'le'],
  ['以下', 'le'],
  ['以内', 'le'],
];

/** The comparator printed right before the number ("不低于5次", "≥80%"), wherever the number stands. */
function comparatorBefore(text: string): Comparator | undefined {
  return BEFORE.find(([word]) => text.endsWith(word))?.[1];
}

/**
 * Reads a target cell; `text` keeps the printed form (markup already removed). A cell with several numbers
 * ("慰问人数不少于100人,宣传用品不少于20000份") is qualitative: no one number is the target.
 */
export function parseTarget(text: string): IndicatorTarget {
  const printed = text.trim();
  const t = scanText(printed);
  const token = parseQuantity(t, { cell: true });
  if (!token) return { text: printed, comparator: 'qualitative' };
  const before = comparatorBefore(t.slice(0, token.start));
  const after = AFTER.find(([word]) => t.slice(token.end).startsWith(word))?.[1];
  return { text: printed, comparator: before ?? after ?? 'eq', quantity: token.quantity };
}
