import { z } from 'zod';
import { add, overlaps, sub, sum, type Figure } from '#domain/quantity.ts';
import {
  BUDGET_MEASURES,
  SPENDING_PARTS,
  type BudgetFigure,
  type BudgetMeasure,
  type ProjectRow,
  type SpendingPart,
} from '#domain/self-evaluation.ts';
import { defineOperator, type Operator, type RuleResult } from '../operator.ts';
import {
  at,
  failed,
  NO_SELF_EVALUATION,
  orNothing,
  PASSED,
  rateHolds,
  ratio,
  sameValue,
  selfEvaluationOf,
  showFigure,
  showPercent,
  showWan,
  sourceEvidence,
  traced,
  yuan,
} from './self-eval-support.ts';

/**
 * Budget figures of a self-evaluation (绩效自评): parts add up to their whole, one figure stated twice says
 * the same, execution rates follow from the amounts, and each project's initial budget ± adjustment gives
 * its adjusted budget and its spending gives its execution rate.
 */

const MEASURE_NAMES: Readonly<Record<BudgetMeasure, { zh: string; en: string }>> = {
  initial: { zh: '年初预算数', en: 'initial budget' },
  'full-year': { zh: '全年预算数', en: 'full-year budget' },
  executed: { zh: '执行数', en: 'spending' },
  'execution-rate': { zh: '执行率', en: 'execution rate' },
  carryover: { zh: '年末结转和结余', en: 'year-end carry-over' },
  'carryover-rate': { zh: '结转结余率', en: 'carry-over rate' },
};

const PART_NAMES: Readonly<Record<SpendingPart, { zh: string; en: string }>> = {
  total: { zh: '部门整体', en: 'whole department' },
  basic: { zh: '基本支出', en: 'basic expenditure' },
  project: { zh: '项目支出', en: 'project expenditure' },
  'general-budget': { zh: '一般公共预算财政拨款', en: 'general public budget appropriation' },
  fund: { zh: '政府性基金预算财政拨款', en: 'government fund appropriation' },
  'state-capital': { zh: '国有资本经营预算财政拨款', en: 'state capital appropriation' },
  other: { zh: '其他资金', en: 'other funds' },
};

function name(b: { measure: BudgetMeasure; part: SpendingPart }): { zh: string; en: string } {
  const part = PART_NAMES[b.part];
  const measure = MEASURE_NAMES[b.measure];
  return b.part === 'total' ? measure : { zh: `${part.zh}${measure.zh}`, en: `${part.en} ${measure.en}` };
}

function first(
  budget: readonly BudgetFigure[],
  measure: BudgetMeasure,
  part: SpendingPart,
): BudgetFigure | undefined {
  return budget.find((b) => b.measure === measure && b.part === part);
}

// ---- se-budget-sum: parts add up to the whole ----------------------------------------------------------

const MONEY_MEASURES: readonly BudgetMeasure[] = ['initial', 'full-year', 'executed', 'carryover'];

const budgetSumOp = defineOperator({
  params: z.object({
    whole: z.enum(SPENDING_PARTS).default('total'),
    parts: z.array(z.enum(SPENDING_PARTS)).min(2),
    measures: z.array(z.enum(BUDGET_MEASURES)).default([...MONEY_MEASURES]),
  }),
  run(_rule, p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const measure of p.measures) {
      const whole = first(se.budget, measure, p.whole);
      const parts = p.parts.map((part) => first(se.budget, measure, part));
      if (!whole || parts.some((x) => !x)) continue;
      const stated = parts.filter((x): x is BudgetFigure => x !== undefined);
      traced(ctx, whole.value, ...stated.map((x) => x.value));
      const total = sum(stated.map((x) => yuan(x.value)));
      if (overlaps(total, yuan(whole.value))) {
        results.push(PASSED);
        continue;
      }
      const list = stated.map((x) => `${name(x).zh}${showFigure(x.value)}`).join('＋');
      const listEn = stated.map((x) => `${name(x).en} ${showFigure(x.value)}`).join(' + ');
      results.push(
        failed(
          {
            zh: `${name(whole).zh}${showFigure(whole.value)}（${at(whole.source).zh}）不等于${list}＝${showWan(total)}`,
            en: `${name(whole).en} ${showFigure(whole.value)} (${at(whole.source).en}) is not ${listEn} = ${showWan(total)}`,
          },
          [whole, ...stated].map((x) => sourceEvidence(x.source)),
          showWan(total),
          showFigure(whole.value),
        ),
      );
    }
    return orNothing(
      results,
      '报告未同时列出合计数及其各组成部分',
      'the report does not state a whole with all its parts',
    );
  },
});

// ---- se-budget-restated: one figure, one value ---------------------------------------------------------

const budgetRestatedOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    const groups = new Map<string, BudgetFigure[]>();
    for (const b of se.budget) {
      const key = `${b.measure}/${b.part}`;
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const [head, ...rest] = group as [BudgetFigure, ...BudgetFigure[]];
      traced(ctx, ...group.map((b) => b.value));
      const other = rest.find((b) => !sameValue(b.value, head.value));
      if (!other) {
        results.push(PASSED);
        continue;
      }
      results.push(
        failed(
          {
            zh: `${name(head).zh}前后不一致：${at(head.source).zh}为${showFigure(head.value)}，${at(other.source).zh}为${showFigure(other.value)}`,
            en: `${name(head).en} is stated twice with different values: ${showFigure(head.value)} (${at(head.source).en}) and ${showFigure(other.value)} (${at(other.source).en})`,
          },
          [sourceEvidence(head.source), sourceEvidence(other.source)],
          showFigure(head.value),
          showFigure(other.value),
        ),
      );
    }
    return orNothing(results, '报告未重复列出同一预算数字', 'no budget figure is stated twice');
  },
});

// ---- se-execution-rate: rate = spending / budget -------------------------------------------------------

const executionRateOp = defineOperator({
  params: z.object({
    rate: z.enum(['execution-rate', 'carryover-rate']).default('execution-rate'),
    numerator: z.enum(BUDGET_MEASURES).default('executed'),
    denominator: z.enum(BUDGET_MEASURES).default('full-year'),
  }),
  run(_rule, p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const rate of se.budget.filter((b) => b.measure === p.rate)) {
      const num = first(se.budget, p.numerator, rate.part);
      const den = first(se.budget, p.denominator, rate.part);
      if (!num || !den) continue;
      const holds = rateHolds(yuan(num.value), yuan(den.value), rate.value);
      if (holds === undefined) continue;
      traced(ctx, rate.value, num.value, den.value);
      if (holds) {
        results.push(PASSED);
        continue;
      }
      const computed = ratio(yuan(num.value), yuan(den.value));
      results.push(
        failed(
          {
            zh: `${name(rate).zh}${showFigure(rate.value)}（${at(rate.source).zh}）与${name(num).zh}${showFigure(num.value)}÷${name(den).zh}${showFigure(den.value)}＝${computed ? showPercent(computed) : '—'}不符`,
            en: `${name(rate).en} ${showFigure(rate.value)} (${at(rate.source).en}) does not match ${name(num).en} ${showFigure(num.value)} / ${name(den).en} ${showFigure(den.value)} = ${computed ? showPercent(computed) : '—'}`,
          },
          [rate, num, den].map((x) => sourceEvidence(x.source)),
          computed ? showPercent(computed) : undefined,
          showFigure(rate.value),
        ),
      );
    }
    return orNothing(
      results,
      '报告未同时列出比率及其分子分母',
      'the report does not state a rate with both its amounts',
    );
  },
});

// ---- se-project-adjustment: initial ± adjustment = adjusted --------------------------------------------

function projectLabel(p: ProjectRow): { zh: string; en: string } {
  return { zh: `项目“${p.name}”（${at(p.source).zh}）`, en: `project “${p.name}” (${at(p.source).en})` };
}

const projectAdjustmentOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const p of se.projects) {
      if (!p.initial || !p.adjustment || !p.adjusted) continue;
      const { direction, amount } = p.adjustment;
      traced(ctx, p.initial, amount, p.adjusted);
      const computed =
        direction === 'increase' ? add(yuan(p.initial), yuan(amount)) : sub(yuan(p.initial), yuan(amount));
      if (overlaps(computed, yuan(p.adjusted))) {
        results.push(PASSED);
        continue;
      }
      const sign = direction === 'increase' ? '＋' : '－';
      const word = direction === 'increase' ? { zh: '调增', en: 'plus' } : { zh: '调减', en: 'minus' };
      results.push(
        failed(
          {
            zh: `${projectLabel(p).zh}：年初预算${showFigure(p.initial)}${word.zh}${showFigure(amount)}应为${showWan(computed)}，报告调整后预算为${showFigure(p.adjusted)}`,
            en: `${projectLabel(p).en}: initial budget ${showFigure(p.initial)} ${word.en} ${showFigure(amount)} gives ${showWan(computed)}, the report states an adjusted budget of ${showFigure(p.adjusted)}`,
          },
          [sourceEvidence(p.source)],
          `${showFigure(p.initial)}${sign}${showFigure(amount)}＝${showWan(computed)}`,
          showFigure(p.adjusted),
        ),
      );
    }
    return orNothing(results, '报告未列出带调整数的项目', 'no project is listed with its adjustment');
  },
});

// ---- se-project-rate: spending / (adjusted or initial) budget = rate -----------------------------------

const projectRateOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const p of se.projects) {
      const budget = p.adjusted ?? (p.adjustment ? undefined : p.initial);
      if (!p.spent || !p.rate || !budget) continue;
      const holds = rateHolds(yuan(p.spent), yuan(budget), p.rate);
      if (holds === undefined) continue;
      traced(ctx, p.spent, budget, p.rate);
      if (holds) {
        results.push(PASSED);
        continue;
      }
      const computed = ratio(yuan(p.spent), yuan(budget));
      results.push(
        failed(
          {
            zh: `${projectLabel(p).zh}：执行率${showFigure(p.rate)}与实际支出${showFigure(p.spent)}÷预算${showFigure(budget)}＝${computed ? showPercent(computed) : '—'}不符`,
            en: `${projectLabel(p).en}: execution rate ${showFigure(p.rate)} does not match spending ${showFigure(p.spent)} / budget ${showFigure(budget)} = ${computed ? showPercent(computed) : '—'}`,
          },
          [sourceEvidence(p.source)],
          computed ? showPercent(computed) : undefined,
          showFigure(p.rate),
        ),
      );
    }
    return orNothing(results, '报告未列出带执行率的项目', 'no project is listed with its execution rate');
  },
});

// ---- se-unit-mix: one amount in 元 among 万元 ----------------------------------------------------------

/** Amounts that belong together: one project's budget line, or the department's budget figures. */
function amountGroups(
  projects: readonly ProjectRow[],
  budget: readonly BudgetFigure[],
): {
  label: { zh: string; en: string };
  amounts: { what: string; fig: Figure; source: BudgetFigure['source'] }[];
}[] {
  const groups = projects.map((p) => ({
    label: projectLabel(p),
    amounts: [
      ['年初预算', p.initial],
      ['调整数', p.adjustment?.amount],
      ['调整后预算', p.adjusted],
      ['实际支出', p.spent],
    ]
      .filter((x): x is [string, Figure] => x[1] !== undefined)
      .map(([what, fig]) => ({ what, fig, source: p.source })),
  }));
  groups.push({
    label: { zh: '部门整体预算数字', en: 'department budget figures' },
    amounts: budget
      .filter((b) => b.value.unit !== 'percent')
      .map((b) => ({ what: name(b).zh, fig: b.value, source: b.source })),
  });
  return groups;
}

const unitMixOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const g of amountGroups(se.projects, se.budget)) {
      const nonZero = g.amounts.filter((a) => a.fig.value !== 0n);
      const wan = nonZero.filter((a) => a.fig.unit === 'wan-yuan');
      const odd = nonZero.filter((a) => a.fig.unit === 'yuan');
      if (nonZero.length < 2) continue;
      if (odd.length === 0 || wan.length === 0) {
        results.push(PASSED);
        continue;
      }
      for (const a of odd) {
        results.push(
          failed(
            {
              zh: `${g.label.zh}：${a.what}${showFigure(a.fig)}以“元”为单位，同组其他金额均以“万元”为单位，可能是元/万元错写`,
              en: `${g.label.en}: ${showFigure(a.fig)} is in yuan while the other amounts of the group are in 10,000 yuan; a unit slip?`,
            },
            [sourceEvidence(a.source)],
            `${a.fig.text}万元?`,
            showFigure(a.fig),
          ),
        );
      }
    }
    return orNothing(results, '报告中没有可比较单位的金额组', 'no group of amounts to compare units in');
  },
});

export const selfEvalBudgetOperators: Record<string, Operator> = {
  'se-budget-sum': budgetSumOp,
  'se-budget-restated': budgetRestatedOp,
  'se-execution-rate': executionRateOp,
  'se-project-adjustment': projectAdjustmentOp,
  'se-project-rate': projectRateOp,
  'se-unit-mix': unitMixOp,
};
