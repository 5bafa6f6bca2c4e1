import type { LocalizedText } from '#domain/finding.ts';
import { divCeil, divFloor, intervalOf, isMoney, point, type Interval } from '#domain/quantity.ts';
import type { Comparator, IndicatorRow, Quantity } from '#domain/self-evaluation.ts';
import { HUNDRED, ONE, maxB, minB, mulDiv } from './arith.ts';
import type { QualitativeOutcome, TargetFunction } from './report.ts';

/**
 * The national per-target functions (财预〔2020〕10号 as implemented in published forms and a vendor system):
 * a row of weight w with target t and actual a scores
 *   positive (≥, >):  w if a ≥ t, else a/t·w
 *   equal (=):        t = 0: w if a ≤ 0, else 0; otherwise as positive
 *   reverse (≤, <):   w if a ≤ t, else t/a·w (ratio) or (1 − (a − t)/t)·w down to 0 at 2t (linear)
 *   qualitative:      a score inside the band of the outcome (达成 / 部分达成 / 未达成)
 * Negative actuals count as 0. Targets are exact (a set value); actuals are intervals by their printing.
 */

export interface TargetParams {
  reverse: 'ratio' | 'linear';
  /** Shares of w (fixed scale) per outcome, [from, to]. */
  qualitative: Record<QualitativeOutcome, readonly [bigint, bigint]>;
}

export interface RowScore {
  fn?: TargetFunction;
  basis?: 'actual' | 'completion-rate' | 'outcome';
  outcome?: QualitativeOutcome;
  met: 'yes' | 'no' | 'unknown';
  score?: Interval;
  notes: LocalizedText[];
}

export function functionFor(c: Comparator, reverse: TargetParams['reverse']): TargetFunction {
  switch (c) {
    case 'ge':
    case 'gt':
      return 'positive';
    case 'eq':
      return 'equal';
    case 'le':
    case 'lt':
      return reverse === 'ratio' ? 'reverse-ratio' : 'reverse-linear';
    case 'qualitative':
      return 'qualitative';
  }
}

/** Whether an exact actual meets an exact target. */
function meets(c: Comparator, a: bigint, t: bigint): boolean {
  switch (c) {
    case 'gt':
      return a > t;
    case 'ge':
    case 'eq':
      // '=' is scored as positive when t > 0, so over-achievement counts as met; t = 0 needs a ≤ 0.
      return t === 0n && c === 'eq' ? a <= 0n : a >= t;
    case 'lt':
      return a < t;
    case 'le':
      return a <= t;
    case 'qualitative':
      return false;
  }
}

/** f(a) × den as an exact fraction num/den, for an exact actual a ≥ 0, target t and weight w. */
function exactScore(fn: TargetFunction, a: bigint, t: bigint, w: bigint): { num: bigint; den: bigint } {
  switch (fn) {
    case 'positive':
      return t <= 0n || a >= t ? { num: w, den: 1n } : { num: a * w, den: t };
    case 'equal':
      if (t === 0n) return { num: a <= 0n ? w : 0n, den: 1n };
      return a >= t ? { num: w, den: 1n } : { num: a * w, den: t };
    case 'reverse-ratio':
      return a <= t ? { num: w, den: 1n } : { num: t * w, den: a };
    case 'reverse-linear':
      if (a <= t) return { num: w, den: 1n };
      if (a >= 2n * t) return { num: 0n, den: 1n };
      return { num: (2n * t - a) * w, den: t };
    case 'qualitative':
      throw new Error('qualitative rows are scored by outcome');
  }
}

/**
 * A numeric row's score over its actual interval: every function is monotone in a and in w, so the extremes
 * lie at the corners.
 */
export function scoreNumeric(
  fn: Exclude<TargetFunction, 'qualitative'>,
  c: Comparator,
  a: Interval,
  t: bigint,
  w: Interval,
): { score: Interval; met: RowScore['met'] } {
  let lo: bigint | undefined;
  let hi: bigint | undefined;
  const metAt: boolean[] = [];
  for (const av of [maxB(a.lo, 0n), maxB(a.hi, 0n)]) {
    metAt.push(meets(c, av, t));
    for (const wv of [w.lo, w.hi]) {
      const { num, den } = exactScore(fn, av, t, wv);
      const f = divFloor(num, den);
      const g = divCeil(num, den);
      lo = lo === undefined ? f : minB(lo, f);
      hi = hi === undefined ? g : maxB(hi, g);
    }
  }
  const met = metAt.every(Boolean) ? 'yes' : metAt.some(Boolean) ? 'unknown' : 'no';
  return { score: { lo: lo ?? 0n, hi: hi ?? 0n }, met };
}

const UNBOUNDED_FACTOR = 1000n;

/**
 * The actual in the target's unit, or undefined when the two cannot be compared (percent against a count,
 * different measure words).
 */
function comparableActual(actual: Quantity, target: Quantity): Interval | undefined {
  const au = actual.value.unit;
  const tu = target.value.unit;
  let a: Interval;
  // A whole number of things counted (10 visits) is exact; "8万" (decimals −4) stands for a range.
  if (au === 'count' && tu === 'count' && actual.value.decimals === 0) a = point(actual.value.value);
  else if (au === tu) a = intervalOf(actual.value);
  else if (isMoney(au) && isMoney(tu)) a = intervalOf(actual.value, tu);
  else return undefined;
  if (actual.measure && target.measure && actual.measure !== target.measure) return undefined;
  // 超/余/多: at least the number; 近: at most. Far enough out to reach the capped or zero end of any function.
  if (actual.approx === 'over')
    a = { lo: a.lo, hi: (a.hi + maxB(target.value.value, 1n)) * UNBOUNDED_FACTOR };
  if (actual.approx === 'under') a = { lo: 0n, hi: a.hi };
  return a;
}

const OUTCOME_WORDS: [RegExp, QualitativeOutcome][] = [
  [/未达成|未完成|未达到|未实现/, 'not-met'],
  [/部分达成|部分完成|基本完成|基本达成/, 'partly-met'],
  [/达成|已完成|均已完成|全部完成|已达到|已实现|完成/, 'met'],
];

/** The outcome of a qualitative row: from a completion rate printed at 100% or more, else the note's words. */
function qualitativeOutcome(
  row: IndicatorRow,
): { outcome: QualitativeOutcome; from: LocalizedText } | undefined {
  if (row.completionRate && row.completionRate.value >= HUNDRED)
    return {
      outcome: 'met',
      from: {
        zh: `完成率印为 ${row.completionRate.text}%`,
        en: `completion rate printed ${row.completionRate.text}%`,
      },
    };
  const note = row.note ?? '';
  for (const [re, outcome] of OUTCOME_WORDS) {
    const m = re.exec(note);
    if (m) return { outcome, from: { zh: `说明中写“${m[0]}”`, en: `the note says “${m[0]}”` } };
  }
  return undefined;
}

const OUTCOME_LABEL: Record<QualitativeOutcome, LocalizedText> = {
  met: { zh: '达成', en: 'met' },
  'partly-met': { zh: '部分达成', en: 'partly met' },
  'not-met': { zh: '未达成', en: 'not met' },
};

/** Scores one indicator row of weight w. */
export function scoreRow(row: IndicatorRow, w: Interval, params: TargetParams): RowScore {
  const target = row.target;
  if (!target) {
    return {
      met: 'unknown',
      notes: [{ zh: '未印年度指标值，无法计分', en: 'no target printed; the row cannot be scored' }],
    };
  }
  const fn = functionFor(target.comparator, params.reverse);
  if (fn === 'qualitative') {
    const o = qualitativeOutcome(row);
    if (!o)
      return {
        fn,
        met: 'unknown',
        notes: [
          {
            zh: '定性指标未写明达成情况（达成／部分达成／未达成），无法计分',
            en: 'a qualitative target without its outcome (met / partly met / not met) cannot be scored',
          },
        ],
      };
    const [from, to] = params.qualitative[o.outcome];
    const lo = mulDiv(w.lo, from, ONE).lo;
    const hi = mulDiv(w.hi, to, ONE).hi;
    return {
      fn,
      basis: 'outcome',
      outcome: o.outcome,
      met: o.outcome === 'met' ? 'yes' : 'no',
      score: { lo, hi },
      notes: [
        {
          zh: `定性指标按“${OUTCOME_LABEL[o.outcome].zh}”档计分（${o.from.zh}）`,
          en: `qualitative target scored in the “${OUTCOME_LABEL[o.outcome].en}” band (${o.from.en})`,
        },
      ],
    };
  }
  const t = target.quantity?.value.value;
  const a = row.actual && target.quantity ? comparableActual(row.actual, target.quantity) : undefined;
  if (t !== undefined && a !== undefined) {
    const { score, met } = scoreNumeric(fn, target.comparator, a, t, w);
    const notes: LocalizedText[] = [];
    if (row.actual?.approx === 'about')
      notes.push({ zh: '实际值为约数，按所印数值计', en: 'the actual is approximate; taken as printed' });
    return { fn, basis: 'actual', met, score, notes };
  }
  return fromCompletionRate(row, fn, w);
}

/** Without a comparable actual, a printed completion rate (actual ÷ target) stands in: said so in a note. */
function fromCompletionRate(
  row: IndicatorRow,
  fn: Exclude<TargetFunction, 'qualitative'>,
  w: Interval,
): RowScore {
  const r = row.completionRate;
  if (!r) {
    return {
      fn,
      met: 'unknown',
      notes: [
        {
          zh: '实际完成值无法与指标值比较，且未印完成率，无法计分',
          en: 'no actual comparable with the target and no completion rate: the row cannot be scored',
        },
      ],
    };
  }
  const used: LocalizedText = {
    zh: `未取得可比的实际值，按所印完成率 ${r.text}% 计分`,
    en: `no comparable actual; scored from the printed completion rate ${r.text}%`,
  };
  // A rate printed at 100% or more is the report's statement that the target was met.
  if (r.value >= HUNDRED)
    return { fn, basis: 'completion-rate', met: 'yes', score: point(w.hi), notes: [used] };
  if (fn === 'reverse-ratio' || fn === 'reverse-linear') {
    return {
      fn,
      basis: 'completion-rate',
      met: 'no',
      notes: [
        used,
        {
          zh: '反向指标的完成率口径不明，未达标时无法据完成率计分',
          en: 'for a ≤ target the completion rate has no agreed definition; a shortfall cannot be scored from it',
        },
      ],
    };
  }
  const rate = intervalOf(r);
  const share = { lo: maxB(rate.lo, 0n), hi: minB(rate.hi, HUNDRED) };
  const score = { lo: mulDiv(w.lo, share.lo, HUNDRED).lo, hi: mulDiv(w.hi, share.hi, HUNDRED).hi };
  return { fn, basis: 'completion-rate', met: rate.hi < HUNDRED ? 'no' : 'unknown', score, notes: [used] };
}
