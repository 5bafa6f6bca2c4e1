import type { Claim } from '#domain/claim.ts';
import { abs, formatFixed, intervalOf, sub, type Figure, type Interval } from '#domain/quantity.ts';
import { amountOf, type Amount } from './narrative-claims.ts';

/**
 * The arithmetic of one change statement (N-8, N-9): “X万元，比上年决算数减少Δ万元，下降p%” implies a base of
 * X + Δ, and p must be reachable as Δ / base with every printed figure read as the interval it stands for.
 */

export type Sign = 1 | -1 | 0;

const UP = /增加|增长|上升|提高|上涨|增多/u;
const DOWN = /减少|下降|降低|减低|压减/u;
const FLAT = /持平|不变|相同|一致/u;

/** The sign a direction word states; undefined when the claim states none. The first word counts. */
export function signOf(claim: Claim): Sign | undefined {
  const w = claim.directionWord?.split('/')[0];
  if (w) {
    if (FLAT.test(w)) return 0;
    if (DOWN.test(w)) return -1;
    if (UP.test(w)) return 1;
  }
  switch (claim.direction) {
    case 'increase':
      return 1;
    case 'decrease':
      return -1;
    case 'flat':
      return 0;
    case undefined:
      return undefined;
  }
}

export function signWord(sign: Sign): { zh: string; en: string } {
  if (sign > 0) return { zh: '增加', en: 'an increase' };
  if (sign < 0) return { zh: '减少', en: 'a decrease' };
  return { zh: '持平', en: 'no change' };
}

/** What a change claim implies about its base amount (上年决算数 or 年初预算数). */
export interface ImpliedBase {
  sign: Sign;
  value: Amount;
  /** |Δ| as printed; zero when the claim says 持平 without an amount. */
  change?: Amount;
  /** The base as an interval (value ∓ Δ, widened by both roundings). */
  base: Interval;
  /** The base computed from the printed figures. */
  basePrinted: bigint;
}

export function impliedBase(claim: Claim): ImpliedBase | undefined {
  const sign = signOf(claim);
  if (sign === undefined || !claim.value) return undefined;
  const value = amountOf(claim.value);
  if (!value) return undefined;
  const change = claim.changeAmount ? amountOf(claim.changeAmount) : undefined;
  if (claim.changeAmount && !change) return undefined;
  if (!change) {
    if (sign !== 0) return undefined;
    return { sign, value, base: value.interval, basePrinted: value.printed };
  }
  const delta = abs(change.interval);
  const signed: Interval =
    sign < 0 ? { lo: -delta.hi, hi: -delta.lo } : sign > 0 ? delta : { lo: 0n, hi: 0n };
  const signedPrinted = BigInt(sign) * (change.printed < 0n ? -change.printed : change.printed);
  return {
    sign,
    value,
    change,
    base: sub(value.interval, signed),
    basePrinted: value.printed - signedPrinted,
  };
}

/** The printed percentage as an interval: ±½ unit of its last printed digit (100% → 99.5–100.5). */
export function percentInterval(fig: Figure): Interval {
  return intervalOf(fig, 'percent');
}

/** A percentage for a message, at the precision the document printed. */
export function showPercent(value: bigint, like: Figure | undefined): string {
  const d = like ? Math.min(like.decimals, 2) : 1;
  return `${formatFixed(value, d)}%`;
}

/** “减少/下降(增长)”: the words of one change point both ways. */
export function contradictoryWords(claim: Claim): boolean {
  const w = claim.directionWord ?? '';
  return UP.test(w) && DOWN.test(w);
}

/** How two amounts compare, as a qualitative statement words it. */
export type Rel = 'lt' | 'gt' | 'eq' | 'approx';

const REL_WORDS: readonly [RegExp, Rel][] = [
  [/基本持平|大致持平|基本一致|基本相当/u, 'approx'],
  [/小于|低于|少于/u, 'lt'],
  [/大于|高于|多于|超过/u, 'gt'],
  [/等于|持平|相等|一致|相同/u, 'eq'],
];

export function relOf(...words: (string | undefined)[]): Rel | undefined {
  const w = words.filter(Boolean).join('');
  for (const [re, rel] of REL_WORDS) if (re.test(w)) return rel;
  return undefined;
}

export const REL_TEXT: Record<Rel, { zh: string; en: string }> = {
  lt: { zh: '小于', en: 'less than' },
  gt: { zh: '大于', en: 'greater than' },
  eq: { zh: '等于', en: 'equal to' },
  approx: { zh: '基本持平于', en: 'about equal to' },
};

/** How two printed amounts actually compare. */
export function actualRel(l: bigint, r: bigint): 'lt' | 'gt' | 'eq' {
  return l < r ? 'lt' : l > r ? 'gt' : 'eq';
}

/** Whether `rel` can hold between two printed amounts; `approx` allows `nearly` percent of the right side. */
export function relationHolds(rel: Rel, l: Interval, r: Interval, nearly: bigint): boolean {
  switch (rel) {
    case 'lt':
      return l.lo < r.hi;
    case 'gt':
      return l.hi > r.lo;
    case 'eq':
      return l.lo <= r.hi && r.lo <= l.hi;
    case 'approx': {
      const slack = ((r.hi < 0n ? -r.hi : r.hi) * nearly) / 100n;
      return l.lo <= r.hi + slack && r.lo - slack <= l.hi;
    }
  }
}

/** The comparison a budget claim's direction states (“决算数小于预算数”), by word or by direction. */
export function budgetRelOf(claim: Claim): Rel | undefined {
  const byWord = relOf(claim.directionWord);
  if (byWord) return byWord;
  const sign = signOf(claim);
  if (sign === undefined) return undefined;
  return sign > 0 ? 'gt' : sign < 0 ? 'lt' : 'eq';
}
