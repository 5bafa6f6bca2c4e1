import { z } from 'zod';
import { TABLE_IDS } from '#domain/table.ts';

/**
 * A department-year dataset: everything a 部门决算公开 is written from. Amounts are strings as they are to be
 * printed ("3193.39", two decimals, in the dataset's unit), so a figure keeps its precision from the finance
 * system to the page. Published as docs/dataset.schema.json.
 */

const Amount = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'an amount is digits with an optional decimal part, no separators: "3193.39"')
  .describe('an amount as printed, without thousands separators');

const Count = z.number().int().min(0);

const Text = z.string().min(1);

/** One printed row of a table: its key (行次, 科目编码 or "total"), label and cells by 栏次. */
export const DatasetRowSchema = z.strictObject({
  key: z.string().min(1).describe('行次 ("1"), 功能/经济分类科目编码 ("2010301") or "total"'),
  label: z.string().describe('项目 / 科目名称 as printed; "" takes the template label'),
  cells: z.record(z.string().regex(/^\d+$/, 'cells are keyed by 栏次'), Amount),
});
export type DatasetRow = z.infer<typeof DatasetRowSchema>;

export const DatasetTableSchema = z.union([
  z.strictObject({
    rows: z.array(DatasetRowSchema).min(1),
    note: Text.optional().describe('a note printed under the table (注：…)'),
  }),
  /** A table the department has nothing to report in: printed empty with the note. */
  z.strictObject({ empty: z.literal(true), note: Text }),
]);
export type DatasetTable = z.infer<typeof DatasetTableSchema>;

/** A change the narrative explains: what moved and why. */
const Reason = Text.describe('主要变动情况 / 原因, in the department’s words');

/**
 * The previous year's figures the narrative compares with, by the narrative's own item names. A missing
 * figure means the sentence states the amount without a comparison.
 */
export const PRIOR_ITEMS = [
  'income.general-budget',
  'income.fund',
  'income.state-capital',
  'income.higher-level',
  'income.operations',
  'income.business',
  'income.affiliates',
  'income.other',
  'expenditure.basic',
  'expenditure.project',
  'expenditure.to-higher',
  'expenditure.business',
  'expenditure.to-affiliates',
  'three-public.total',
  'three-public.abroad',
  'three-public.vehicles',
  'three-public.vehicle-purchase',
  'three-public.vehicle-running',
  'three-public.reception',
  'operating-cost',
] as const;
export type PriorItem = (typeof PRIOR_ITEMS)[number];

/** Initial budgets (年初预算数) of the appropriation spending the 财政拨款支出 paragraph compares with. */
export const INITIAL_BUDGET_ITEMS = ['general-budget', 'fund', 'state-capital'] as const;

export const DatasetSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('final-accounts'),
  org: Text.describe('the department as its documents name it'),
  year: z.number().int().min(2000).max(2100),
  unit: z.enum(['wan-yuan', 'yuan']).default('wan-yuan'),
  /** 第一部分 部门概况: the department's own words; a part not given is not printed. */
  profile: z
    .strictObject({ duties: Text.optional(), structure: Text.optional(), units: Text.optional() })
    .default({}),
  tables: z.strictObject(
    Object.fromEntries(TABLE_IDS.map((id) => [id, DatasetTableSchema])) as {
      [K in (typeof TABLE_IDS)[number]]: typeof DatasetTableSchema;
    },
  ),
  prior: z
    .strictObject({
      year: z.number().int(),
      figures: z.partialRecord(z.enum(PRIOR_ITEMS), Amount),
    })
    .optional(),
  initialBudget: z.partialRecord(z.enum(INITIAL_BUDGET_ITEMS), Amount).optional(),
  reasons: z
    .partialRecord(
      z.enum([
        ...PRIOR_ITEMS,
        'appropriation.general-budget',
        'appropriation.fund',
        'appropriation.state-capital',
        'three-public.below-budget',
        'three-public.above-budget',
        'three-public.above-prior',
        'three-public.below-prior',
      ]),
      Reason,
    )
    .default({}),
  threePublic: z
    .strictObject({
      abroad: z.strictObject({ groups: Count, people: Count, purpose: Text.optional() }),
      vehicles: z.strictObject({ purchased: Count, held: Count, use: Text.optional() }),
      reception: z.strictObject({
        foreignGroups: Count,
        foreignVisitors: Count,
        domesticTimes: Count,
        domesticPeople: Count,
        use: Text.optional(),
      }),
    })
    .optional(),
  operatingCost: z.strictObject({ amount: Amount }).optional(),
  procurement: z
    .strictObject({
      goods: Amount,
      works: Amount,
      services: Amount,
      sme: Amount.describe('授予中小企业合同金额'),
      smallMicro: Amount.describe('其中授予小微企业合同金额'),
      smeGoods: Amount.optional(),
      smeWorks: Amount.optional(),
      smeServices: Amount.optional(),
    })
    .optional(),
  assets: z
    .strictObject({
      vehicles: Count,
      vehicleKinds: z.array(z.strictObject({ name: Text, count: Count })).default([]),
      equipmentOver1m: Count.describe('单位价值100万元以上设备（不含车辆）台（套）'),
    })
    .optional(),
  performance: z
    .strictObject({
      level1Projects: Count,
      level2Projects: Count,
      amount: Amount.describe('涉及资金'),
      /** 部门整体支出绩效自评: what it covered and the budget it executed. */
      overall: z
        .strictObject({
          generalBudget: Amount.describe('涉及一般公共预算支出'),
          fund: Amount.describe('涉及政府性基金预算支出'),
          fullYearBudget: Amount,
          executed: Amount,
        })
        .optional(),
      /** Projects whose self-evaluation the document reports: 全年预算数 and 执行数. */
      projects: z.array(z.strictObject({ name: Text, fullYearBudget: Amount, executed: Amount })).default([]),
      text: z.array(Text).default([]).describe('further paragraphs on the evaluations, as written'),
    })
    .optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export function datasetJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(DatasetSchema, { target: 'draft-2020-12', io: 'input' }),
    title: 'gongkai dataset',
  };
}
