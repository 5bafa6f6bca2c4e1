import { z } from 'zod';
import { FINDING_CATEGORIES, SEVERITIES } from '#domain/finding.ts';
import { SelfEvalCaseSchema } from './self-eval-case.ts';

export const LocalizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const SeveritySchema = z.enum(SEVERITIES);
export const CategorySchema = z.enum(FINDING_CATEGORIES);

/**
 * One rule as written in a ruleset file. `op` names an entry of the operator table; the remaining keys
 * are that operator's parameters, validated by the operator's own schema.
 */
export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'rule ids look like fa.t1.income-sum'),
    op: z.string().min(1),
    category: CategorySchema,
    severity: SeveritySchema,
    title: LocalizedSchema,
    /** Document kinds the rule applies to; all when absent. */
    kinds: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());
export type Rule = z.infer<typeof RuleSchema>;

/** A tiny document for a rule's own test case: tables as {table: {rowKey: {column: "printed"}}}. */
export const CaseDocumentSchema = z.object({
  kind: z.string().default('final-accounts'),
  fiscalYear: z.number().int().optional(),
  org: z.string().optional(),
  tables: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))).default({}),
  /** Tables declared empty by a note. */
  emptyTables: z.array(z.string()).default([]),
  /** Claims: free-form, validated by the claim builder used in tests. */
  claims: z.array(z.record(z.string(), z.unknown())).default([]),
  lines: z.array(z.string()).default([]),
  codes: z.array(z.object({ table: z.string(), code: z.string(), label: z.string() })).default([]),
  /** A self-evaluation's extracted content (kind self-evaluation). */
  selfEvaluation: SelfEvalCaseSchema.optional(),
});

export const RuleCaseSchema = z.object({
  name: z.string(),
  document: CaseDocumentSchema,
  prior: CaseDocumentSchema.optional(),
  /** Other documents of the same organisation (a self-evaluation's 部门决算). */
  related: z.array(CaseDocumentSchema).default([]),
  /** Expected status per rule id; findings count optional. */
  expect: z.record(z.string(), z.enum(['passed', 'failed', 'not-applicable'])),
});
export type RuleCase = z.infer<typeof RuleCaseSchema>;

export const RulesetFileSchema = z.object({
  rules: z.array(RuleSchema).min(1),
  cases: z.array(RuleCaseSchema).min(1, 'every rule file carries at least one test case'),
});
export type RulesetFile = z.infer<typeof RulesetFileSchema>;
