import { z } from 'zod';
import { CLAIM_BASES } from '#domain/claim.ts';
import { FINDING_CATEGORIES, SEVERITIES } from '#domain/finding.ts';
import { UNITS } from '#domain/quantity.ts';
import { BUDGET_MEASURES, SPENDING_PARTS } from '#domain/self-evaluation.ts';

/** The JSON that `gongkai check --format json` prints; published as docs/check-output.schema.json. */
const Localized = z.object({ zh: z.string(), en: z.string() });

export const FigureJson = z
  .object({
    text: z.string().describe('as printed, after width normalisation; "" for a blank cell'),
    value: z.string().describe('exact decimal value in `unit`, e.g. "3193.39"'),
    decimals: z.number().int().describe('displayed decimals; the value stands for ±½ of the last digit'),
    unit: z.enum(UNITS),
    blank: z.boolean().optional().describe('printed blank or as a dash where the template means zero'),
  })
  .meta({ id: 'Figure' });

const Source = z.object({ page: z.number().int(), line: z.number().int(), text: z.string() });

export const TableJson = z
  .object({
    id: z.enum(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']),
    title: z.string(),
    printedNumber: z.string().optional(),
    unit: FigureJson.shape.unit,
    pages: z.array(z.number().int()),
    declaredEmpty: z.boolean(),
    columns: z.array(z.object({ number: z.number().int(), label: z.string() })),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        code: z.string().optional(),
        lineNo: z.number().int().optional(),
        source: Source,
        cells: z.array(z.object({ column: z.number().int(), figure: FigureJson, source: Source })),
      }),
    ),
    source: Source,
  })
  .meta({ id: 'Table' });

export const ClaimJson = z
  .object({
    id: z.string(),
    subject: z.string(),
    section: z.array(z.string()),
    value: FigureJson.optional(),
    percent: FigureJson.optional(),
    base: z.enum(CLAIM_BASES).optional(),
    baseValue: FigureJson.optional(),
    direction: z.enum(['increase', 'decrease', 'flat']).optional(),
    directionWord: z.string().optional(),
    changeAmount: FigureJson.optional(),
    changePercent: FigureJson.optional(),
    notComparable: z.boolean().optional(),
    source: Source,
    sentence: z.string(),
  })
  .meta({ id: 'Claim' });

export const FindingJson = z
  .object({
    ruleId: z.string(),
    severity: z.enum(SEVERITIES),
    category: z.enum(FINDING_CATEGORIES),
    message: z.string().describe('in the language chosen with --lang'),
    messages: Localized,
    expected: z.string().optional(),
    reported: z.string().optional(),
    evidence: z.array(
      z.object({
        page: z.number().int(),
        line: z.number().int(),
        text: z.string(),
        table: z.string().optional(),
        row: z.string().optional(),
        column: z.number().int().optional(),
        claim: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'Finding' });

const Quantity = z.object({
  value: FigureJson.describe('in base units: "74.2万份" is 742000 with decimals -3'),
  measure: z.string().describe('measure word (人次, 项, 份 …); "" for money and percentages'),
  approx: z.enum(['over', 'under', 'about']).optional().describe('余/超/多, 近, 约'),
});

export const SelfEvaluationJson = z
  .object({
    scope: z.enum(['department', 'project']),
    budget: z.array(
      z.object({
        measure: z.enum(BUDGET_MEASURES),
        part: z.enum(SPENDING_PARTS),
        value: FigureJson,
        source: Source,
      }),
    ),
    projects: z.array(
      z.object({
        name: z.string(),
        initial: FigureJson.optional(),
        adjustment: z.object({ direction: z.enum(['increase', 'decrease']), amount: FigureJson }).optional(),
        adjusted: FigureJson.optional(),
        spent: FigureJson.optional(),
        rate: FigureJson.optional(),
        source: Source,
      }),
    ),
    indicators: z.array(
      z.object({
        group: z.enum(['output', 'outcome', 'satisfaction', 'cost']),
        table: z.string(),
        index: z.number().int().optional(),
        level2: z.string().optional(),
        name: z.string(),
        target: z
          .object({
            text: z.string(),
            comparator: z.enum(['ge', 'gt', 'eq', 'le', 'lt', 'qualitative']),
            quantity: Quantity.optional(),
          })
          .optional(),
        actual: Quantity.optional(),
        completionRate: FigureJson.optional(),
        points: FigureJson.optional(),
        score: FigureJson.optional(),
        note: z.string().optional(),
        source: Source,
      }),
    ),
    scores: z.array(
      z.object({
        indicator: z.string(),
        points: FigureJson.optional(),
        score: FigureJson,
        rate: FigureJson.optional(),
        deduction: FigureJson.optional(),
        reason: z.string().optional(),
        total: z.boolean().optional(),
        statedScope: z.enum(['department', 'project']).optional(),
        source: Source,
      }),
    ),
    grade: z.object({ grade: z.enum(['优', '良', '中', '差']), source: Source }).optional(),
    counts: z.array(z.object({ subject: z.string(), count: z.number().int(), source: Source })),
    metrics: z.array(
      z.object({ subject: z.string(), period: z.string().optional(), quantity: Quantity, source: Source }),
    ),
  })
  .meta({ id: 'SelfEvaluation' });

const Checked = z.object({
  path: z.string(),
  format: z.enum(['pdf', 'docx', 'text']),
  kind: z.enum(['final-accounts', 'budget', 'self-evaluation', 'unknown']),
  org: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  pageCount: z.number().int(),
  prior: z.string().nullable().describe('the previous-year document the 上年 figures were checked against'),
  tables: z.array(TableJson),
  claims: z.array(ClaimJson),
  selfEvaluation: SelfEvaluationJson.nullable().describe('what a 绩效自评报告 states; null for other kinds'),
  findings: z.array(FindingJson),
  checks: z.object({
    run: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    notApplicable: z.number().int(),
  }),
  notApplicable: z.array(z.object({ ruleId: z.string(), reason: z.string() })),
});

const Failed = z.object({
  path: z.string(),
  error: z.object({
    code: z.enum(['encrypted', 'corrupt', 'empty', 'unsupported', 'too-large', 'no-text']),
    message: z.string(),
  }),
});

export const CheckOutputSchema = z.object({
  documents: z.array(z.union([Checked, Failed])),
});
export type CheckOutput = z.infer<typeof CheckOutputSchema>;

export function checkOutputJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(CheckOutputSchema, { target: 'draft-2020-12' }),
    title: 'gongkai check output',
  };
}
