import { z } from 'zod';
import type { Evidence } from '#domain/finding.ts';
import type { IndicatorNode, IndicatorTree } from '#domain/indicator-tree.ts';
import { nameIndex } from '#domain/indicator-names.ts';
import { formatInterval, overlaps, sum, type Interval } from '#domain/quantity.ts';
import type { SelfEvaluation, StatedScore } from '#domain/self-evaluation.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import {
  at,
  failed,
  NO_SELF_EVALUATION,
  orNothing,
  PASSED,
  scoreInterval,
  selfEvaluationOf,
  showFigure,
  sourceEvidence,
  traced,
} from './self-eval-support.ts';

/**
 * Sub-scores add up at every level of the indicator system and to the total (scoring-frameworks.md C1, C3).
 * The tree comes from the indicator system files; the system is the one of the report's scope whose names
 * match most of the stated scores. An indicator whose own score is not stated stands for the sum of its
 * children when all of those are stated, so a report that prints only level-2 scores is still summed.
 */

/** The tree whose names match most stated scores (at least two), among those of the report's scope. */
export function pickTree(
  trees: readonly IndicatorTree[],
  se: SelfEvaluation,
): { tree: IndicatorTree; placed: Map<string, StatedScore> } | undefined {
  let best: { tree: IndicatorTree; placed: Map<string, StatedScore> } | undefined;
  for (const tree of trees.filter((t) => t.scope === se.scope)) {
    const index = nameIndex(tree.nodes.map((n) => ({ id: n.id, name: n.name, aliases: n.aliases })));
    const placed = new Map<string, StatedScore>();
    for (const s of se.scores) {
      if (s.total) continue;
      const hit = index.match(s.indicator);
      if (hit && !placed.has(hit.id)) placed.set(hit.id, s);
    }
    if (placed.size >= 2 && (!best || placed.size > best.placed.size)) best = { tree, placed };
  }
  return best;
}

/** A node's value: its stated score, or the sum of its children's values when every one is known. */
function valueOf(
  node: IndicatorNode,
  children: ReadonlyMap<string, IndicatorNode[]>,
  placed: ReadonlyMap<string, StatedScore>,
): { interval: Interval; scores: StatedScore[] } | undefined {
  const own = placed.get(node.id);
  if (own) return { interval: scoreInterval(own.score), scores: [own] };
  const kids = children.get(node.id) ?? [];
  if (!node.aggregate || kids.length === 0) return undefined;
  const parts = kids.map((k) => valueOf(k, children, placed));
  if (parts.some((p) => !p)) return undefined;
  const known = parts.filter((p): p is NonNullable<typeof p> => p !== undefined);
  return { interval: sum(known.map((p) => p.interval)), scores: known.flatMap((p) => p.scores) };
}

function showScore(i: Interval): string {
  return `${formatInterval(i, 2)}分`;
}

const scoreSumsOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const picked = pickTree(ctx.indicatorTrees ?? [], se);
    if (!picked) {
      return [
        notApplicable({
          zh: '报告列出的得分无法对应到任何已知的指标体系',
          en: 'the stated scores match no known indicator system',
        }),
      ];
    }
    const { tree, placed } = picked;
    const children = new Map<string, IndicatorNode[]>();
    for (const n of tree.nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
    const results: RuleResult[] = [];
    const check = (
      stated: StatedScore,
      parts: { interval: Interval; scores: StatedScore[] }[],
      what: { zh: string; en: string },
    ): void => {
      traced(ctx, stated.score, ...parts.flatMap((p) => p.scores.map((s) => s.score)));
      const total = sum(parts.map((p) => p.interval));
      if (overlaps(total, scoreInterval(stated.score))) {
        results.push(PASSED);
        return;
      }
      const names = parts.flatMap((p) => p.scores).map((s) => `${s.indicator}${showFigure(s.score)}`);
      const evidence: Evidence[] = [stated, ...parts.flatMap((p) => p.scores)].map((s) =>
        sourceEvidence(s.source),
      );
      results.push(
        failed(
          {
            zh: `${what.zh}“${stated.indicator}”得分${showFigure(stated.score)}（${at(stated.source).zh}）不等于其下各项得分之和${showScore(total)}（${names.join('＋')}；${tree.name.zh}）`,
            en: `${what.en}“${stated.indicator}” ${showFigure(stated.score)} (${at(stated.source).en}) is not the sum of its parts, ${showScore(total)} (${names.join(' + ')}; ${tree.name.en})`,
          },
          evidence,
          showScore(total),
          showFigure(stated.score),
        ),
      );
    };
    for (const node of tree.nodes) {
      const stated = placed.get(node.id);
      const kids = children.get(node.id) ?? [];
      if (!stated || !node.aggregate || kids.length === 0) continue;
      const parts = kids.map((k) => valueOf(k, children, placed));
      if (parts.some((p) => !p)) continue;
      check(
        stated,
        parts.filter((p): p is NonNullable<typeof p> => p !== undefined),
        { zh: '', en: '' },
      );
    }
    const roots = tree.nodes.filter((n) => !n.parent);
    const rootValues = roots.map((r) => valueOf(r, children, placed));
    const known = rootValues.filter((p): p is NonNullable<typeof p> => p !== undefined);
    for (const total of se.scores.filter((s) => s.total)) {
      if (known.length === roots.length) check(total, known, { zh: '总分', en: 'the total ' });
    }
    return orNothing(
      results,
      '报告未列出可相加核对的各级得分',
      'the report states no scores that can be summed',
    );
  },
});

export const selfEvalTreeOperators: Record<string, Operator> = {
  'se-score-sums': scoreSumsOp,
};
