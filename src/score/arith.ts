import {
  FIXED_SCALE,
  divCeil,
  divFloor,
  formatFixed,
  formatInterval,
  halfStep,
  parseFigure,
  point,
  type Figure,
  type Interval,
} from '#domain/quantity.ts';

/** One unit at the fixed scale of Figure values (10^12). */
export const ONE = 10n ** BigInt(FIXED_SCALE);
export const HUNDRED = 100n * ONE;
export const ZERO: Interval = point(0n);

/** A decimal written in a data file ("19.81", "0.8", 20) as a value at the fixed scale; undefined if it is not one. */
export function parseDecimal(v: string | number): bigint | undefined {
  // A YAML number passes through its shortest decimal form, which is exact for the short decimals data files hold.
  return parseFigure(typeof v === 'number' ? String(v) : v, 'none')?.value;
}

/** A decimal from trusted code (a literal); throws when it is not one. */
export function dec(text: string): bigint {
  const v = parseDecimal(text);
  if (v === undefined) throw new Error(`not a decimal: ${text}`);
  return v;
}

/**
 * The interval a printed score stands for. Reports drop trailing zeros ("97" next to "19.81"), so a score is
 * never read as coarser than `minDecimals`: "97" with minDecimals 2 stands for [96.995, 97.005].
 */
export function scoreInterval(f: Figure, minDecimals: number): Interval {
  const h = halfStep(Math.max(f.decimals, minDecimals));
  return { lo: f.value - h, hi: f.value + h };
}

export function minB(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxB(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** x·y/z for values at the fixed scale, rounded down and up. */
export function mulDiv(x: bigint, y: bigint, z: bigint): Interval {
  const num = x * y;
  return { lo: divFloor(num, z), hi: divCeil(num, z) };
}

/** An interval scaled by the exact fraction num/den (den > 0), widened outward to the fixed scale. */
export function scale(a: Interval, num: bigint, den: bigint): Interval {
  const x = a.lo * num;
  const y = a.hi * num;
  const lo = x < y ? x : y;
  const hi = x < y ? y : x;
  return { lo: divFloor(lo, den), hi: divCeil(hi, den) };
}

/** Whether `a` lies entirely below `b`. */
export function below(a: Interval, b: Interval): boolean {
  return a.hi < b.lo;
}

/** The smallest interval holding every value of the given intervals. */
export function hull(items: readonly Interval[]): Interval | undefined {
  const [first, ...rest] = items;
  if (!first) return undefined;
  return rest.reduce((h, x) => ({ lo: minB(h.lo, x.lo), hi: maxB(h.hi, x.hi) }), first);
}

/** A fixed-scale value printed as a plain decimal without trailing zeros ("19.81", "-0.13", "100"). */
export function plainDecimal(v: bigint): string {
  const s = formatFixed(v, FIXED_SCALE, false);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * An interval for people: one value when the interval is no wider than the rounding of that value
 * ([11.995, 12.005] is "12.00"), else a range ("19.93～20.00").
 */
export function formatRounded(i: Interval, decimals: number): string {
  const step = 10n ** BigInt(FIXED_SCALE - Math.min(decimals, FIXED_SCALE));
  const h = halfStep(decimals);
  const centre = divFloor(divFloor(i.lo + i.hi, 2n) + step / 2n, step) * step;
  if (i.lo >= centre - h && i.hi <= centre + h) return formatFixed(centre, decimals);
  return formatInterval(i, decimals);
}
