import type { z } from 'zod';
import type { Evidence, LocalizedText, Severity } from '#domain/finding.ts';
import type { EvalContext } from './context.ts';
import type { Rule } from './rule.schema.ts';

/** What one concrete check of a rule found. A rule expands to as many results as it has instances. */
export interface RuleResult {
  status: 'passed' | 'failed' | 'not-applicable';
  /** For failures, and for passes worth a note (a rounding difference): what to report. */
  report?: {
    severity?: Severity;
    message: LocalizedText;
    expected?: string;
    reported?: string;
    evidence: Evidence[];
  };
  reason?: LocalizedText;
}

/** An entry of the operator table: how to read a rule's parameters and how to run it. */
export interface Operator<P = unknown> {
  params: z.ZodType<P>;
  run(rule: Rule, params: P, ctx: EvalContext): RuleResult[];
}

export function defineOperator<P>(op: Operator<P>): Operator<unknown> {
  return op;
}

export function notApplicable(reason: LocalizedText): RuleResult {
  return { status: 'not-applicable', reason };
}
