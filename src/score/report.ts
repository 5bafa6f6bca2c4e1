import type { LocalizedText } from '#domain/finding.ts';
import type { Figure, Interval } from '#domain/quantity.ts';
import type { Comparator, EvaluationScope, StatedGrade } from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';
import type { MatchHow } from '#domain/indicator-names.ts';
import type { Grade, IndicatorKind, MappingStatus } from './system.schema.ts';

/**
 * What the engine concluded about one indicator.
 *
 * - reproduced: the engine's own score (a sum, a recomputation, or full marks inside the observed region)
 *   meets the stated score within printing precision;
 * - differs: a sum, or a recomputation under an official mapping, cannot meet the stated score;
 * - cannot-verify: the stated score stands unverified: no official mapping for the value, or no figures;
 * - accepted-as-stated: evidence or manual judgement the engine cannot judge; the stated score stands, and any
 *   deduction has its stated reason;
 * - unsupported: full marks where the figures fall short, or a deduction without a stated reason;
 * - no-evidence: the report gives neither a score nor figures for it, nor a score for anything above it;
 * - not-stated: no score stated for it; what could be recomputed is shown, and a stated score above covers it;
 * - not-applicable: dropped (its points go to its siblings) or declared not applicable.
 */
export const INDICATOR_STATUSES = [
  'reproduced',
  'differs',
  'cannot-verify',
  'accepted-as-stated',
  'unsupported',
  'no-evidence',
  'not-stated',
  'not-applicable',
] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** A score the report states, as matched to an indicator. */
export interface StatedRef {
  /** The indicator as the report names it. */
  printed: string;
  how: MatchHow | 'total';
  score: Figure;
  /** The interval the printed score stands for. */
  interval: Interval;
  points?: Figure;
  deduction?: Figure;
  reason?: string;
  source: SourceRef;
}

/** A figure the engine used, with where it was printed. */
export interface InputUsed {
  name: string;
  figure: Figure;
  source: SourceRef;
}

/** The value of a computed indicator (percent). */
export interface ComputedValue {
  interval: Interval;
  /** The formula, e.g. "执行数 ÷ 全年预算数 × 100%". */
  how: LocalizedText;
  inputs: InputUsed[];
  /** Where the value lies relative to the full-marks region, when the mapping has one. */
  region?: 'inside' | 'outside';
}

export type ScoreBasis = 'recomputed' | 'stated';

export type TargetFunction = 'positive' | 'equal' | 'reverse-ratio' | 'reverse-linear' | 'qualitative';
export type QualitativeOutcome = 'met' | 'partly-met' | 'not-met';

/** One indicator row scored by the target functions. */
export interface TargetResult {
  index?: number;
  name: string;
  level2?: string;
  target?: string;
  comparator?: Comparator;
  actual?: Figure;
  completionRate?: Figure;
  /** The row's share of the indicator's points. */
  weight: Interval;
  fn?: TargetFunction;
  /** What the score was computed from. */
  basis?: 'actual' | 'completion-rate' | 'outcome';
  outcome?: QualitativeOutcome;
  /** Whether the target was met: yes, no, or not decidable at printed precision. */
  met?: 'yes' | 'no' | 'unknown';
  recomputed?: Interval;
  printedScore?: Figure;
  status: IndicatorStatus;
  notes: LocalizedText[];
  source: SourceRef;
}

export interface IndicatorResult {
  id: string;
  parent?: string;
  level: number;
  name: LocalizedText;
  kind: IndicatorKind;
  /** Points the indicator carries here (rescaled when a sibling was dropped). */
  points: Interval;
  /** Points in the system file. */
  systemPoints: bigint;
  mappingStatus?: MappingStatus;
  stated?: StatedRef;
  value?: ComputedValue;
  /** The engine's own score. */
  recomputed?: Interval;
  /** A candidate mapping's score: shown only, never used for a conclusion. */
  candidate?: Interval;
  /** Aggregates: some part of the recomputed sum rests on stated scores. */
  fromStated?: boolean;
  /** The score the parent sums: recomputed where available, else stated. */
  used?: { score: Interval; basis: ScoreBasis };
  status: IndicatorStatus;
  notes: LocalizedText[];
  targets?: TargetResult[];
}

export interface TotalResult {
  points: bigint;
  stated?: StatedRef;
  recomputed?: Interval;
  /** True when some part of the recomputed total rests on stated scores. */
  fromStated: boolean;
  status: IndicatorStatus;
  notes: LocalizedText[];
}

export interface GradeResult {
  stated?: StatedGrade;
  /** Grades the total (recomputed, else stated) allows at printed precision. */
  possible: Grade[];
  status: 'reproduced' | 'differs' | 'not-stated';
  notes: LocalizedText[];
}

export interface UnmatchedScore {
  printed: string;
  score: Figure;
  reason: LocalizedText;
  source: SourceRef;
}

export type UnsupportedReason = 'deduction-without-reason' | 'full-marks-short' | 'no-evidence';

/** One entry of "what the evidence cannot support". */
export interface Unsupported {
  indicator: string;
  /** Index of the target row, for a row's own printed score. */
  row?: number;
  reason: UnsupportedReason;
  message: LocalizedText;
  source?: SourceRef;
}

export interface SystemSummary {
  id: string;
  version: string;
  name: LocalizedText;
  status: 'official' | 'official-unverified' | 'reconstructed';
  statusNote: LocalizedText;
  scope: EvaluationScope;
  jurisdiction: LocalizedText;
  years: { from: number; to?: number };
  totalPoints: bigint;
  scoreDecimals: number;
}

export interface ScoreReport {
  system: SystemSummary;
  evaluationScope: EvaluationScope;
  /** Every indicator of the system, parents before children, in the file's order. */
  indicators: IndicatorResult[];
  total: TotalResult;
  grade: GradeResult;
  unmatched: UnmatchedScore[];
  cannotSupport: Unsupported[];
  warnings: LocalizedText[];
}
