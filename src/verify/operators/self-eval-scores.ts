import { z } from 'zod';
import {
  exactFigure,
  formatFixed,
  intervalOf,
  overlaps,
  sub,
  type Figure,
  type Interval,
} from '#domain/quantity.ts';
import type { SelfEvaluation, StatedScore } from '#domain/self-evaluation.ts';
import type { EvalContext } from '../context.ts';
import { pickTree } from './self-eval-tree.ts';
import { defineOperator, type Operator, type RuleResult } from '../operator.ts';
import {
  at,
  exact,
  failed,
  NO_SELF_EVALUATION,
  ONE,
  orNothing,
  PASSED,
  rateHolds,
  ratio,
  scoreInterval,
  selfEvaluationOf,
  showFigure,
  showPercent,
  sourceEvidence,
  traced,
} from './self-eval-support.ts';

/**
 * Stated scores of a self-evaluation, whatever indicator system they follow: a score lies between 0 and its
 * points, its 得分率 and 扣分 follow from it, a score below full points gives a reason, the total is stated
 * once, its grade matches its band, and it covers the scope the report is about. Sums over the indicator
 * tree need the system and live with the scoring rules.
 */

function label(s: StatedScore): { zh: string; en: string } {
  return { zh: `“${s.indicator}”（${at(s.source).zh}）`, en: `“${s.indicator}” (${at(s.source).en})` };
}

// ---- se-score-bounds ----------------------------------------------------------------------------------

const scoreBoundsOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const s of se.scores) {
      if (!s.points) continue;
      traced(ctx, s.score);
      const score = scoreInterval(s.score);
      const points = exact(s.points);
      if (score.lo <= points.hi && score.hi >= 0n) {
        results.push(PASSED);
        continue;
      }
      results.push(
        failed(
          {
            zh: `${label(s).zh}得分${showFigure(s.score)}超出指标分值${showFigure(s.points)}`,
            en: `${label(s).en}: score ${showFigure(s.score)} exceeds its points ${showFigure(s.points)}`,
          },
          [sourceEvidence(s.source)],
          `0～${showFigure(s.points)}`,
          showFigure(s.score),
        ),
      );
    }
    return orNothing(results, '报告未同时列出分值与得分', 'no score is stated with its points');
  },
});

// ---- se-score-rate: 得分率 = score / points; 扣分 = points − score --------------------------------------

const scoreRateOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const s of se.scores) {
      if (!s.points) continue;
      const score = scoreInterval(s.score);
      const points = exact(s.points);
      if (s.rate) {
        traced(ctx, s.score, s.rate);
        const holds = rateHolds(score, points, s.rate);
        if (holds === true) results.push(PASSED);
        else if (holds === false) {
          const computed = ratio(score, points);
          results.push(
            failed(
              {
                zh: `${label(s).zh}得分率${showFigure(s.rate)}与得分${showFigure(s.score)}÷分值${showFigure(s.points)}＝${computed ? showPercent(computed) : '—'}不符`,
                en: `${label(s).en}: score rate ${showFigure(s.rate)} is not score ${showFigure(s.score)} / points ${showFigure(s.points)} = ${computed ? showPercent(computed) : '—'}`,
              },
              [sourceEvidence(s.source)],
              computed ? showPercent(computed) : undefined,
              showFigure(s.rate),
            ),
          );
        }
      }
      if (s.deduction) {
        traced(ctx, s.score, s.deduction);
        const lost = sub(points, score);
        if (overlaps(lost, intervalOf(s.deduction))) results.push(PASSED);
        else
          results.push(
            failed(
              {
                zh: `${label(s).zh}扣${showFigure(s.deduction)}，但分值${showFigure(s.points)}与得分${showFigure(s.score)}相差${showPoints(lost)}`,
                en: `${label(s).en}: ${showFigure(s.deduction)} deducted, but points ${showFigure(s.points)} minus score ${showFigure(s.score)} is ${showPoints(lost)}`,
              },
              [sourceEvidence(s.source)],
              showPoints(lost),
              showFigure(s.deduction),
            ),
          );
      }
    }
    return orNothing(results, '报告未列出得分率或扣分', 'no score rate or deduction is stated');
  },
});

function showPoints(i: Interval): string {
  const mid = (i.lo + i.hi) / 2n;
  const whole = mid / ONE;
  const cents = ((mid % ONE) * 100n + ONE / 2n) / ONE;
  return cents === 0n ? `${whole}分` : `${whole}.${cents.toString().padStart(2, '0')}分`;
}

// ---- se-deduction-reason: below full points needs a reason ---------------------------------------------

/**
 * A score below its points must say why: its own reason, or (for a dimension whose indicators follow it)
 * a reason stated for a later score inside its section. A score's section runs until the next score whose
 * points are at least its own.
 */
const deductionReasonOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    const pointsOf = treePoints(ctx, se);
    se.scores.forEach((s, i) => {
      const full = pointsOf(s);
      if (!full || s.total) return;
      const short = scoreInterval(s.score).hi < full.value;
      if (!short) return;
      if (s.reason || s.deduction) {
        results.push(PASSED);
        return;
      }
      const rest = se.scores.slice(i + 1);
      const end = rest.findIndex((t) => (pointsOf(t)?.value ?? -1n) >= full.value);
      const section = end < 0 ? rest : rest.slice(0, end);
      if (section.some((t) => t.reason !== undefined)) {
        results.push(PASSED);
        return;
      }
      results.push(
        failed(
          {
            zh: `${label(s).zh}得分${showFigure(s.score)}低于分值${showFigure(full)}，但报告未说明扣分原因`,
            en: `${label(s).en}: score ${showFigure(s.score)} is below its points ${showFigure(full)} and no reason is given`,
          },
          [sourceEvidence(s.source)],
        ),
      );
    });
    return orNothing(results, '报告中没有低于分值的得分', 'no score is below its points');
  },
});

/**
 * A score's points: as stated, or else the points of the indicator it names in the applicable indicator
 * system (002 prints "采购管理…得分8.99分" without the 10 points).
 */
function treePoints(ctx: EvalContext, se: SelfEvaluation): (s: StatedScore) => Figure | undefined {
  const picked = pickTree(ctx.indicatorTrees ?? [], se);
  const byScore = new Map<StatedScore, Figure>();
  if (picked) {
    const nodes = new Map(picked.tree.nodes.map((n) => [n.id, n]));
    for (const [id, s] of picked.placed) {
      const n = nodes.get(id);
      if (n)
        byScore.set(s, {
          ...exactFigure(n.points, 'point'),
          text: formatFixed(n.points, 2).replace(/\.?0+$/u, ''),
        });
    }
  }
  return (s) => s.points ?? byScore.get(s);
}

// ---- se-total: stated once, in its grade band, for the report's scope ----------------------------------

const BandSchema = z.object({ grade: z.string(), min: z.number() });

const totalOp = defineOperator({
  params: z.object({ bands: z.array(BandSchema).min(1) }),
  run(_rule, p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const totals = se.scores.filter((s) => s.total);
    const [head] = totals;
    if (!head) return orNothing([], '报告未列出自评总分', 'the report states no total score');
    const results: RuleResult[] = [];
    if (totals.length > 1) traced(ctx, ...totals.map((t) => t.score));
    for (const other of totals.slice(1)) {
      if (overlaps(scoreInterval(other.score), scoreInterval(head.score))) results.push(PASSED);
      else
        results.push(
          failed(
            {
              zh: `自评总分前后不一致：${at(head.source).zh}为${showFigure(head.score)}，${at(other.source).zh}为${showFigure(other.score)}`,
              en: `the total score is stated twice with different values: ${showFigure(head.score)} (${at(head.source).en}) and ${showFigure(other.score)} (${at(other.source).en})`,
            },
            [sourceEvidence(head.source), sourceEvidence(other.source)],
            showFigure(head.score),
            showFigure(other.score),
          ),
        );
    }
    if (se.grade) {
      const bands = [...p.bands].sort((a, b) => b.min - a.min);
      const score = scoreInterval(head.score);
      const possible = bands.filter((b, i) => {
        const lo = BigInt(Math.round(b.min * 100)) * (ONE / 100n);
        const upper = i === 0 ? undefined : BigInt(Math.round((bands[i - 1]?.min ?? 0) * 100)) * (ONE / 100n);
        return score.hi >= lo && (upper === undefined || score.lo < upper);
      });
      if (possible.some((b) => b.grade === se.grade?.grade)) results.push(PASSED);
      else
        results.push(
          failed(
            {
              zh: `自评等级“${se.grade.grade}”（${at(se.grade.source).zh}）与总分${showFigure(head.score)}对应的等级“${possible.map((b) => b.grade).join('/')}”不符`,
              en: `grade “${se.grade.grade}” (${at(se.grade.source).en}) does not match the band of the total ${showFigure(head.score)}: “${possible.map((b) => b.grade).join('/')}”`,
            },
            [sourceEvidence(se.grade.source), sourceEvidence(head.source)],
            possible.map((b) => b.grade).join('/'),
            se.grade.grade,
          ),
        );
    }
    return orNothing(
      results,
      '报告只列出一次总分且未列出等级',
      'the total is stated once and no grade is stated',
    );
  },
});

const SCOPE_NAMES = {
  department: { zh: '部门整体支出', en: 'whole-department spending' },
  project: { zh: '项目支出', en: 'project spending' },
} as const;

const totalScopeOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const results: RuleResult[] = [];
    for (const s of se.scores.filter((x) => x.total && x.statedScope)) {
      if (s.statedScope === se.scope) {
        results.push(PASSED);
        continue;
      }
      const stated = SCOPE_NAMES[s.statedScope ?? se.scope];
      const report = SCOPE_NAMES[se.scope];
      results.push(
        failed(
          {
            zh: `报告为${report.zh}绩效自评，但自评分数${showFigure(s.score)}（${at(s.source).zh}）是针对${stated.zh}给出的`,
            en: `the report evaluates ${report.en}, but its score ${showFigure(s.score)} (${at(s.source).en}) is stated for ${stated.en}`,
          },
          [sourceEvidence(s.source)],
          report.zh,
          stated.zh,
        ),
      );
    }
    return orNothing(results, '总分未注明评价范围', 'no total names the scope it covers');
  },
});

export const selfEvalScoreOperators: Record<string, Operator> = {
  'se-score-bounds': scoreBoundsOp,
  'se-score-rate': scoreRateOp,
  'se-deduction-reason': deductionReasonOp,
  'se-total': totalOp,
  'se-total-scope': totalScopeOp,
};
