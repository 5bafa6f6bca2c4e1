import type { CheckOutcome, Finding } from '#domain/finding.ts';
import type { EvalContext } from './context.ts';
import { OPERATORS } from './operators/index.ts';
import type { Rule } from './rule.schema.ts';

export interface Verification {
  findings: Finding[];
  outcomes: CheckOutcome[];
}

const RULE_KEYS = new Set(['id', 'op', 'category', 'severity', 'title', 'kinds']);

/** The operator's parameters: every key of the rule that is not common to all rules. */
function ruleParams(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule).filter(([k]) => !RULE_KEYS.has(k)));
}

/** Checks that a rule names a known operator and carries valid parameters; returns the problems. */
export function validateRule(rule: Rule): string[] {
  const op = OPERATORS[rule.op];
  if (!op) return [`${rule.id}: unknown op "${rule.op}"`];
  const params = ruleParams(rule);
  const parsed = op.params.safeParse(params);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => `${rule.id}: ${i.path.join('.')}: ${i.message}`);
}

/**
 * Runs every rule against one document. Each rule instance yields an outcome; failures (and notes on
 * passes, such as rounding differences) become findings carrying the rule's id, severity and category.
 */
export function evaluate(rules: readonly Rule[], ctx: EvalContext): Verification {
  const findings: Finding[] = [];
  const outcomes: CheckOutcome[] = [];
  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(ctx.doc.kind)) continue;
    const op = OPERATORS[rule.op];
    if (!op) throw new Error(`${rule.id}: unknown op "${rule.op}"`);
    const raw = ruleParams(rule);
    const params = op.params.parse(raw);
    for (const result of op.run(rule, params, ctx)) {
      outcomes.push({ ruleId: rule.id, status: result.status, reason: result.reason });
      if (result.report) {
        findings.push({
          ruleId: rule.id,
          severity: result.report.severity ?? rule.severity,
          category: rule.category,
          message: result.report.message,
          expected: result.report.expected,
          reported: result.report.reported,
          evidence: result.report.evidence,
        });
      }
    }
  }
  return { findings, outcomes };
}
