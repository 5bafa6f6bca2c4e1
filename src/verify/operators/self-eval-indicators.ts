import { z } from 'zod';
import type { Evidence } from '#domain/finding.ts';
import { intervalOf, isMoney, overlaps, valueIn, type Interval } from '#domain/quantity.ts';
import type { IndicatorGroup, IndicatorRow, Quantity } from '#domain/self-evaluation.ts';
import { subjectKey } from '#domain/indicator-names.ts';
import { defineOperator, type Operator, type RuleResult } from '../operator.ts';
import {
  at,
  failed,
  interval,
  NO_SELF_EVALUATION,
  ONE,
  orNothing,
  PASSED,
  ratio,
  selfEvaluationOf,
  showFigure,
  showPercent,
  sourceEvidence,
  traced,
} from './self-eval-support.ts';

/**
 * Indicator tables of a self-evaluation: a completion rate follows from the actual value and the target
 * (over-achievement may be capped at 100 %), one table caps over-achievement either always or never, and
 * the counts the text states ("15项产出指标") match the rows.
 */

function rowLabel(r: IndicatorRow): { zh: string; en: string } {
  const n = r.index === undefined ? '' : `第${r.index}行`;
  return {
    zh: `${r.table}${n}“${r.name}”（${at(r.source).zh}）`,
    en: `${r.table} row ${r.index ?? '?'} “${r.name}” (${at(r.source).en})`,
  };
}

function quantityInterval(q: Quantity): Interval {
  return interval(q.value);
}

function comparable(a: Quantity, b: Quantity): boolean {
  const kind = (q: Quantity): string =>
    isMoney(q.value.unit) ? 'money' : q.value.unit === 'percent' ? 'percent' : 'count';
  return kind(a) === kind(b);
}

function targetValue(q: Quantity): Interval {
  const v = isMoney(q.value.unit) ? valueIn(q.value, 'yuan') : q.value.value;
  return { lo: v, hi: v };
}

/** actual / target × 100 for rows whose target is to be reached or exceeded; undefined when not computable. */
function achieved(r: IndicatorRow): Interval | undefined {
  const t = r.target;
  if (!t?.quantity || !r.actual || !['ge', 'gt', 'eq'].includes(t.comparator)) return undefined;
  if (!comparable(t.quantity, r.actual)) return undefined;
  // A target is set, not measured: "8万以上" is 80,000 exactly.
  return ratio(quantityInterval(r.actual), targetValue(t.quantity));
}

const HUNDRED: Interval = { lo: 100n * ONE, hi: 100n * ONE };

// ---- se-indicator-rate --------------------------------------------------------------------------------

const indicatorRateOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const r of se.indicators) {
      const rate = r.completionRate;
      const a = achieved(r);
      if (!rate || !a) continue;
      traced(ctx, rate);
      const printed = intervalOf(rate);
      const capped = a.hi >= HUNDRED.lo && overlaps(printed, HUNDRED);
      if (overlaps(a, printed) || capped) {
        results.push(PASSED);
        continue;
      }
      results.push(
        failed(
          {
            zh: `${rowLabel(r).zh}：完成率${showFigure(rate)}与实际完成值${r.actual?.value.text ?? ''}${r.actual?.measure ?? ''}÷年度指标值${r.target?.text ?? ''}＝${showPercent(a)}不符`,
            en: `${rowLabel(r).en}: completion rate ${showFigure(rate)} is not actual ${r.actual?.value.text ?? ''}${r.actual?.measure ?? ''} / target ${r.target?.text ?? ''} = ${showPercent(a)}`,
          },
          [sourceEvidence(r.source)],
          showPercent(a),
          showFigure(rate),
        ),
      );
    }
    return orNothing(
      results,
      '指标表中没有可由实际值和指标值计算完成率的行',
      'no indicator row has an actual value, a numeric target and a rate',
    );
  },
});

// ---- se-indicator-capping: one convention per table ----------------------------------------------------

const indicatorCappingOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const tables = new Map<string, IndicatorRow[]>();
    for (const r of se.indicators) tables.set(r.table, [...(tables.get(r.table) ?? []), r]);
    const results: RuleResult[] = [];
    for (const [table, rows] of tables) {
      // Printed above 100 %: this table does not cap.
      const uncapped = rows.filter((r) => r.completionRate && intervalOf(r.completionRate).lo > HUNDRED.hi);
      // Clearly over-achieved, printed as 100 %: this table caps.
      const capped = rows.filter((r) => {
        const a = achieved(r);
        return (
          a !== undefined &&
          r.completionRate !== undefined &&
          a.lo > HUNDRED.hi + ONE / 2n &&
          overlaps(intervalOf(r.completionRate), HUNDRED)
        );
      });
      if (uncapped.length === 0 && capped.length === 0) continue;
      if (uncapped.length === 0 || capped.length === 0) {
        results.push(PASSED);
        continue;
      }
      const names = (rs: IndicatorRow[]): string => rs.map((r) => r.index ?? r.name).join('、');
      const evidence: Evidence[] = [...capped, ...uncapped].map((r) => sourceEvidence(r.source));
      results.push(
        failed(
          {
            zh: `${table}超额完成的指标口径不一：第${names(capped)}行超额完成但完成率记为100%，第${names(uncapped)}行完成率按实际计算超过100%`,
            en: `${table} treats over-achievement inconsistently: rows ${names(capped)} exceed their targets but print 100 %, rows ${names(uncapped)} print rates above 100 %`,
          },
          evidence,
          '统一口径',
          `封顶 ${capped.length} 行，不封顶 ${uncapped.length} 行`,
        ),
      );
    }
    return orNothing(results, '指标表中没有超额完成的行', 'no indicator row is over-achieved');
  },
});

// ---- se-indicator-counts: "15项产出指标" = 15 rows -------------------------------------------------------

const GROUP_WORDS: readonly [RegExp, IndicatorGroup][] = [
  [/^产出指标$/u, 'output'],
  [/^效益指标$/u, 'outcome'],
  [/^满意度指标$/u, 'satisfaction'],
  [/^成本指标$/u, 'cost'],
];

/** 二级指标 names compared without their 指标 suffix: 社会效益指标 = 社会效益. */
function level2Key(s: string): string {
  return subjectKey(s).replace(/指标$/u, '');
}

const indicatorCountsOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const c of se.counts) {
      const subject = subjectKey(c.subject);
      const group = GROUP_WORDS.find(([re]) => re.test(subject))?.[1];
      const rows = group
        ? se.indicators.filter((r) => r.group === group)
        : se.indicators.filter((r) => r.level2 !== undefined && level2Key(r.level2) === level2Key(subject));
      const sameGroupListed = group
        ? rows.length > 0
        : se.indicators.some((r) => r.level2 !== undefined) && /指标$/u.test(subject);
      if (!sameGroupListed) continue;
      if (rows.length === c.count) {
        results.push(PASSED);
        continue;
      }
      results.push(
        failed(
          {
            zh: `报告称有${c.count}项${c.subject}（${at(c.source).zh}），指标表中列出${rows.length}行`,
            en: `the report states ${c.count} ${c.subject} (${at(c.source).en}); the indicator tables list ${rows.length} rows`,
          },
          [sourceEvidence(c.source), ...rows.slice(0, 3).map((r) => sourceEvidence(r.source))],
          String(rows.length),
          String(c.count),
        ),
      );
    }
    return orNothing(
      results,
      '报告未列出可与指标表核对的指标个数',
      'no stated count can be compared with indicator rows',
    );
  },
});

export const selfEvalIndicatorOperators: Record<string, Operator> = {
  'se-indicator-rate': indicatorRateOp,
  'se-indicator-capping': indicatorCappingOp,
  'se-indicator-counts': indicatorCountsOp,
};
