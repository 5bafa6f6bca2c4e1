/**
 * Printed figures as exact decimals, and the intervals they stand for.
 *
 * No floating point: a value is a bigint at a fixed scale of 10^-12 of its unit. A printed figure
 * "1,940.68" with 2 displayed decimals stands for every value in [1,940.675, 1,940.685]; arithmetic on
 * such intervals tells whether a relation between printed figures can hold at all.
 */

export const FIXED_SCALE = 12;
const ONE = 10n ** BigInt(FIXED_SCALE);

/** 'point' is a score (分). */
export const UNITS = ['yuan', 'wan-yuan', 'yi-yuan', 'percent', 'count', 'point', 'none'] as const;
export type Unit = (typeof UNITS)[number];

/** How many yuan one unit is worth, for money units. */
const YUAN_PER_UNIT: Partial<Record<Unit, bigint>> = {
  yuan: 1n,
  'wan-yuan': 10_000n,
  'yi-yuan': 100_000_000n,
};

export function isMoney(unit: Unit): boolean {
  return YUAN_PER_UNIT[unit] !== undefined;
}

/** A number as printed in a document: exact value, displayed decimals and unit. */
export interface Figure {
  /** The characters as printed (after width normalisation), e.g. "3,193.39"; "" for a blank cell. */
  text: string;
  /** Value × 10^12, in `unit`. */
  value: bigint;
  /** Digits printed after the decimal point; sets the rounding interval. */
  decimals: number;
  unit: Unit;
  /** A blank or dash printed where the template means zero. */
  blank?: boolean;
}

/** Closed interval [lo, hi], both × 10^12. */
export interface Interval {
  lo: bigint;
  hi: bigint;
}

const NUMBER_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a printed number (thousands separators allowed). Returns undefined for anything that is not one.
 * Blanks and dashes are handled by the caller, who knows whether the template means zero there.
 */
export function parseFigure(text: string, unit: Unit): Figure | undefined {
  const t = text.trim();
  const m = NUMBER_RE.exec(t);
  if (!m) return undefined;
  const [, sign, intPart = '', frac = ''] = m;
  if (frac.length > FIXED_SCALE) return undefined;
  const digits = intPart.replaceAll(',', '') + frac.padEnd(FIXED_SCALE, '0');
  const magnitude = BigInt(digits);
  return { text: t, value: sign === '-' ? -magnitude : magnitude, decimals: frac.length, unit };
}

/** A zero printed as blank or dash, with the precision its table uses. */
export function blankFigure(unit: Unit, decimals: number, text = ''): Figure {
  return { text, value: 0n, decimals, unit, blank: true };
}

/** An exact figure (no rounding interval), e.g. a count or a value computed by gongkai itself. */
export function exactFigure(value: bigint, unit: Unit): Figure {
  return { text: formatFixed(value, 2), value, decimals: FIXED_SCALE, unit };
}

/** Half of one unit in the last displayed digit, × 10^12. */
export function halfStep(decimals: number): bigint {
  if (decimals >= FIXED_SCALE) return 0n;
  return (5n * 10n ** BigInt(FIXED_SCALE - decimals)) / 10n;
}

/** Factor that converts `from` to `to`, as a fraction num/den; undefined when not convertible. */
function conversion(from: Unit, to: Unit): { num: bigint; den: bigint } | undefined {
  if (from === to) return { num: 1n, den: 1n };
  const f = YUAN_PER_UNIT[from];
  const t = YUAN_PER_UNIT[to];
  if (f === undefined || t === undefined) return undefined;
  return { num: f, den: t };
}

/** The interval a printed figure stands for, expressed in `unit` (defaults to its own). */
export function intervalOf(fig: Figure, unit: Unit = fig.unit): Interval {
  const c = conversion(fig.unit, unit);
  if (!c) throw new Error(`cannot convert ${fig.unit} to ${unit}`);
  const h = halfStep(fig.decimals);
  return {
    lo: divFloor((fig.value - h) * c.num, c.den),
    hi: divCeil((fig.value + h) * c.num, c.den),
  };
}

/** The exact value of a figure converted to `unit`; rounding toward zero only below 10^-12. */
export function valueIn(fig: Figure, unit: Unit): bigint {
  const c = conversion(fig.unit, unit);
  if (!c) throw new Error(`cannot convert ${fig.unit} to ${unit}`);
  return (fig.value * c.num) / c.den;
}

export function point(value: bigint): Interval {
  return { lo: value, hi: value };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function sum(items: readonly Interval[]): Interval {
  return items.reduce(add, point(0n));
}

export function widen(a: Interval, by: bigint): Interval {
  return { lo: a.lo - by, hi: a.hi + by };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** Whether some value of `a` can be ≤ some value of `b`. */
export function canBeLessOrEqual(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi;
}

/**
 * The percentage a/b × 100 as an interval, for b strictly positive.
 * Returns undefined when b's interval reaches zero (the ratio is unbounded).
 */
export function percentOf(a: Interval, b: Interval): Interval | undefined {
  if (b.lo <= 0n) return undefined;
  const hundred = 100n * ONE;
  const candidates = [
    divFloor(a.lo * hundred, b.hi),
    divFloor(a.lo * hundred, b.lo),
    divFloor(a.hi * hundred, b.hi),
    divFloor(a.hi * hundred, b.lo),
  ];
  const lo = candidates.reduce((m, v) => (v < m ? v : m));
  const hi = candidates.reduce((m, v) => (v > m ? v : m)) + 1n;
  return { lo, hi };
}

export function abs(a: Interval): Interval {
  if (a.lo >= 0n) return a;
  if (a.hi <= 0n) return { lo: -a.hi, hi: -a.lo };
  return { lo: 0n, hi: a.hi > -a.lo ? a.hi : -a.lo };
}

export function divFloor(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function divCeil(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n === b < 0n ? q + 1n : q;
}

/** Rounds half away from zero (ROUND_HALF_UP on magnitudes) to `decimals` and prints with separators. */
export function formatFixed(value: bigint, decimals: number, thousands = true): string {
  const d = Math.min(decimals, FIXED_SCALE);
  const step = 10n ** BigInt(FIXED_SCALE - d);
  const neg = value < 0n;
  const mag = neg ? -value : value;
  // Negative decimals round to tens, hundreds…: 742,000 at -3 prints "742,000".
  const rounded = d < 0 ? ((mag + step / 2n) / step) * 10n ** BigInt(-d) : (mag + step / 2n) / step;
  if (d < 0) return formatFixed((neg ? -rounded : rounded) * ONE, 0, thousands);
  const s = rounded.toString().padStart(d + 1, '0');
  const intPart = s.slice(0, s.length - d);
  const frac = d > 0 ? '.' + s.slice(s.length - d) : '';
  const grouped = thousands ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : intPart;
  return (neg && rounded !== 0n ? '-' : '') + grouped + frac;
}

/** Prints an interval for a message: a single value when it is a point at that precision. */
export function formatInterval(a: Interval, decimals: number): string {
  const lo = formatFixed(a.lo, decimals);
  const hi = formatFixed(a.hi, decimals);
  return lo === hi ? lo : `${lo}～${hi}`;
}

export function unitLabel(unit: Unit): string {
  switch (unit) {
    case 'yuan':
      return '元';
    case 'wan-yuan':
      return '万元';
    case 'yi-yuan':
      return '亿元';
    case 'percent':
      return '%';
    case 'point':
      return '分';
    case 'count':
    case 'none':
      return '';
  }
}
