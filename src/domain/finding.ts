import type { TableId } from './table.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CATEGORIES = [
  'table-sum',
  'cross-table',
  'narrative',
  'prior-year',
  'completeness',
  'classification',
  'hygiene',
  // self-evaluations
  'score', // stated scores: sums, bounds, grade, deductions
  'budget-execution', // budget figures, adjustments, execution rates
  'indicator', // indicator rows: completion rates, counts, capping
  'restatement', // one metric stated twice with different values
  'magnitude', // units and orders of magnitude
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export interface Evidence {
  page: number;
  line: number;
  text: string;
  table?: TableId;
  row?: string;
  column?: number;
  claim?: string;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: FindingCategory;
  message: LocalizedText;
  expected?: string;
  reported?: string;
  evidence: Evidence[];
}

/** How each rule instance came out. A rule that cannot run is counted, with its reason, never as passed. */
export interface CheckOutcome {
  ruleId: string;
  status: 'passed' | 'failed' | 'not-applicable';
  reason?: LocalizedText;
}

export interface CheckSummary {
  run: number;
  passed: number;
  failed: number;
  notApplicable: number;
}

export function summarize(outcomes: readonly CheckOutcome[]): CheckSummary {
  let passed = 0;
  let failed = 0;
  let notApplicable = 0;
  for (const o of outcomes) {
    if (o.status === 'passed') passed++;
    else if (o.status === 'failed') failed++;
    else notApplicable++;
  }
  return { run: passed + failed, passed, failed, notApplicable };
}
