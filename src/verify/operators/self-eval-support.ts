import type { Evidence, LocalizedText } from '#domain/finding.ts';
import {
  FIXED_SCALE,
  formatInterval,
  intervalOf,
  isMoney,
  overlaps,
  percentOf,
  type Figure,
  type Interval,
} from '#domain/quantity.ts';
import type { SelfEvaluation } from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';
import type { EvalContext } from '../context.ts';
import { notApplicable, type RuleResult } from '../operator.ts';
import { showFigure } from './narrative-claims.ts';

/** Helpers shared by the self-evaluation operators (self-eval-*.ts). */

export const ONE = 10n ** BigInt(FIXED_SCALE);

export function selfEvaluationOf(ctx: EvalContext): SelfEvaluation | undefined {
  return ctx.doc.selfEvaluation;
}

export const NO_SELF_EVALUATION: RuleResult[] = [
  notApplicable({
    zh: '文档不是绩效自评报告，或未提取到自评内容',
    en: 'no self-evaluation content was extracted',
  }),
];

/** Records the figures a relation read, for mutation testing (see CellTrace). */
export function traced(ctx: EvalContext, ...figures: (Figure | undefined)[]): void {
  const set = ctx.trace?.figures;
  if (!set) return;
  for (const f of figures) if (f) set.add(f);
}

export function sourceEvidence(src: SourceRef): Evidence {
  return { page: src.page, line: src.line, text: src.text };
}

/** "第3页第12行" / "page 3, line 12". */
export function at(src: SourceRef): LocalizedText {
  return { zh: `第${src.page}页第${src.line}行`, en: `page ${src.page}, line ${src.line}` };
}

export { showFigure };

/** A money figure as an interval in 元, so that 元 and 万元 statements meet exactly. */
export function yuan(f: Figure): Interval {
  return intervalOf(f, 'yuan');
}

/**
 * Any figure as its interval in its own unit, money in 元. A count printed in full ("89460人次") is exact;
 * one printed with 万 or 亿 ("74.2万份", decimals below zero) stands for its rounding interval.
 */
export function interval(f: Figure): Interval {
  if (isMoney(f.unit)) return yuan(f);
  if (f.unit === 'count' && f.decimals >= 0 && f.value % ONE === 0n) return { lo: f.value, hi: f.value };
  return intervalOf(f);
}

/**
 * Whether two printings can be of one value. Printed at the same precision they must print the same
 * digits (one value rounds one way); at different precisions their intervals must meet.
 */
export function sameValue(a: Figure, b: Figure): boolean {
  if (a.unit === b.unit && a.decimals === b.decimals) return a.value === b.value;
  return overlaps(interval(a), interval(b));
}

/**
 * Scores are kept to two decimals (reports print 19.81, 8.99, 98.69), so a score printed "97" is 97.00 and
 * stands for [96.995, 97.005], not [96.5, 97.5]: a sum of whole-number scores is checked to the hundredth.
 */
export const SCORE_DECIMALS = 2;

export function scoreInterval(f: Figure): Interval {
  return intervalOf({ ...f, decimals: Math.max(f.decimals, SCORE_DECIMALS) });
}

/** Points an indicator is worth are set by the system, not rounded: "指标分值 3 分" is exactly 3. */
export function exact(f: Figure): Interval {
  return { lo: f.value, hi: f.value };
}

/** A/B as a percentage interval; undefined when B can be zero. */
export function ratio(a: Interval, b: Interval): Interval | undefined {
  return percentOf(a, b);
}

/** Whether a printed percentage can be produced by some values inside the two intervals. */
export function rateHolds(num: Interval, den: Interval, rate: Figure): boolean | undefined {
  const r = ratio(num, den);
  return r ? overlaps(r, intervalOf(rate)) : undefined;
}

/** A computed percentage for a message: "99.87%" or "99.86%～99.88%". */
export function showPercent(r: Interval): string {
  return `${formatInterval(r, 2)}%`;
}

/** A computed amount in 元 shown in 万元 (the reports' unit). */
export function showWan(r: Interval): string {
  const toWan = (v: bigint): bigint => v / 10_000n;
  return `${formatInterval({ lo: toWan(r.lo), hi: toWan(r.hi) }, 2)}万元`;
}

export function failed(
  message: LocalizedText,
  evidence: Evidence[],
  expected?: string,
  reported?: string,
): RuleResult {
  return { status: 'failed', report: { message, evidence, expected, reported } };
}

export const PASSED: RuleResult = { status: 'passed' };

/** The outcomes of a rule, or a single not-applicable one naming what was missing. */
export function orNothing(results: RuleResult[], zh: string, en: string): RuleResult[] {
  return results.length > 0 ? results : [notApplicable({ zh, en })];
}
