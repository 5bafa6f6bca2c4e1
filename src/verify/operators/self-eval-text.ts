import { z } from 'zod';
import { intervalOf, isMoney, valueIn } from '#domain/quantity.ts';
import type { StatedMetric } from '#domain/self-evaluation.ts';
import type { EvalContext } from '../context.ts';
import { subjectKey } from '#domain/indicator-names.ts';
import { defineOperator, type Operator, type RuleResult } from '../operator.ts';
import {
  at,
  failed,
  NO_SELF_EVALUATION,
  ONE,
  orNothing,
  PASSED,
  sameValue,
  selfEvaluationOf,
  sourceEvidence,
} from './self-eval-support.ts';

/**
 * Quantities the prose of a self-evaluation states: one metric stated twice must agree; a count of things
 * is a whole number; an amount spread over a counted number of items must not come to less than a fen each.
 */

function show(m: StatedMetric): string {
  const q = m.quantity;
  return `${q.value.text}${q.measure || (q.value.unit === 'percent' ? '%' : isMoney(q.value.unit) ? (q.value.unit === 'yuan' ? '元' : '万元') : '')}`;
}

function kind(m: StatedMetric): string {
  const u = m.quantity.value.unit;
  return isMoney(u) ? 'money' : u === 'percent' ? 'percent' : `count:${m.quantity.measure}`;
}

// ---- se-restatement -----------------------------------------------------------------------------------

const restatementOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const groups = new Map<string, StatedMetric[]>();
    for (const m of se.metrics) {
      // An approximate figure ("超9.72万人次") bounds the metric; it does not state it.
      if (m.quantity.approx) continue;
      const key = `${subjectKey(m.subject)}|${m.period ?? ''}|${kind(m)}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const results: RuleResult[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const [head, ...rest] = group as [StatedMetric, ...StatedMetric[]];
      const other = rest.find((m) => !sameValue(m.quantity.value, head.quantity.value));
      if (!other) {
        results.push(PASSED);
        continue;
      }
      results.push(
        failed(
          {
            zh: `“${head.subject}”前后表述不一致：${at(head.source).zh}为${show(head)}，${at(other.source).zh}为${show(other)}`,
            en: `“${head.subject}” is stated twice with different values: ${show(head)} (${at(head.source).en}) and ${show(other)} (${at(other.source).en})`,
          },
          [sourceEvidence(head.source), sourceEvidence(other.source)],
          show(head),
          show(other),
        ),
      );
    }
    return orNothing(results, '报告未重复表述同一指标', 'no metric is stated twice');
  },
});

// ---- se-fractional-count ------------------------------------------------------------------------------

const fractionalCountOp = defineOperator({
  params: z.object({ measures: z.array(z.string().min(1)).min(1) }),
  run(_rule, p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const m of se.metrics) {
      const q = m.quantity;
      if (q.value.unit !== 'count' || !p.measures.includes(q.measure)) continue;
      if (q.value.value % ONE === 0n) {
        results.push(PASSED);
        continue;
      }
      results.push(
        failed(
          {
            zh: `“${m.subject}”为${show(m)}（${at(m.source).zh}）：${q.measure}数不应有小数，可能漏写了“万”等量级`,
            en: `“${m.subject}” is ${show(m)} (${at(m.source).en}): a number of ${q.measure} cannot be fractional; a missing 万?`,
          },
          [sourceEvidence(m.source)],
          '整数',
          show(m),
        ),
      );
    }
    return orNothing(results, '报告未列出计数', 'no count is stated');
  },
});

// ---- se-per-item --------------------------------------------------------------------------------------

/** Whether two metrics are stated in one sentence: no 。；; between them in the text. */
function sameSentence(ctx: EvalContext, a: StatedMetric, b: StatedMetric): boolean {
  if (a.source.page !== b.source.page || b.source.line < a.source.line || b.source.line - a.source.line > 4) {
    return false;
  }
  const lines = ctx.doc.lines.filter(
    (l) => l.page === a.source.page && l.line >= a.source.line && l.line <= b.source.line,
  );
  const text = lines.map((l) => l.text).join('');
  // The digits as printed: the figure's text may carry a magnitude word the line separates by a space.
  const digits = (m: StatedMetric): string => m.quantity.value.text.replace(/[^\d.,-]/gu, '');
  const from = text.indexOf(digits(a));
  const to = text.indexOf(digits(b), from + digits(a).length);
  if (from < 0 || to < 0) return false;
  return !/[。；;]/u.test(text.slice(from, to));
}

const perItemOp = defineOperator({
  params: z.object({
    /** Smallest plausible amount per counted item, in 元. */
    minYuan: z.number().positive(),
  }),
  run(_rule, p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    const min = BigInt(Math.round(p.minYuan * 1e6)) * (ONE / 1_000_000n);
    se.metrics.forEach((count, i) => {
      if (count.quantity.value.unit !== 'count' || count.quantity.value.value <= 0n) return;
      const money = se.metrics
        .slice(i + 1)
        .find((m) => isMoney(m.quantity.value.unit) && sameSentence(ctx, count, m));
      if (!money) return;
      const amount = valueIn(money.quantity.value, 'yuan');
      const per = (amount * ONE) / intervalOf(count.quantity.value).lo;
      if (per >= min) {
        results.push(PASSED);
        return;
      }
      results.push(
        failed(
          {
            zh: `${show(money)}分摊到${show(count)}（${at(count.source).zh}），每${count.quantity.measure || '项'}不足${p.minYuan}元，数量级可能有误`,
            en: `${show(money)} over ${show(count)} (${at(count.source).en}) is less than ${p.minYuan} yuan per item; an order-of-magnitude slip?`,
          },
          [sourceEvidence(count.source), sourceEvidence(money.source)],
          `≥${p.minYuan}元/${count.quantity.measure || '项'}`,
          `${show(money)}÷${show(count)}`,
        ),
      );
    });
    return orNothing(
      results,
      '报告中没有同句列出的金额与数量',
      'no amount is stated with a count in one sentence',
    );
  },
});

export const selfEvalTextOperators: Record<string, Operator> = {
  'se-restatement': restatementOp,
  'se-fractional-count': fractionalCountOp,
  'se-per-item': perItemOp,
};
