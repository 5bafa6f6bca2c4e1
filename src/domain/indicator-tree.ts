import type { EvaluationScope } from './self-evaluation.ts';

/**
 * The shape of an indicator system (绩效评价指标体系) that checks need: which indicator sums which, and
 * what each is worth. The full system (how each indicator is scored, with provenance) is the scoring
 * engine's; this is the part a finding can rest on whatever the unknown scoring rules turn out to be.
 */
export interface IndicatorTree {
  systemId: string;
  version: string;
  scope: EvaluationScope;
  name: { zh: string; en: string };
  /** Parents come before their children. */
  nodes: IndicatorNode[];
}

export interface IndicatorNode {
  id: string;
  parent?: string;
  name: string;
  aliases: readonly string[];
  /** Points × 10^12. */
  points: bigint;
  /** True when the indicator is the sum of its children. */
  aggregate: boolean;
}
