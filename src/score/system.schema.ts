import { z } from 'zod';
import { UNITS } from '#domain/quantity.ts';
import { BUDGET_MEASURES, SPENDING_PARTS } from '#domain/self-evaluation.ts';
import { parseDecimal, plainDecimal } from './arith.ts';
import { nameIndex } from '#domain/indicator-names.ts';
import { INDICATOR_STATUSES } from './report.ts';

/**
 * An indicator system file (rulesets/indicator-systems/*.yaml): the tree of indicators with their points,
 * how each is scored and how sure we are of it, plus the file's own test cases.
 */

/** A decimal written as a YAML number or string, read exactly as a value at the fixed scale (10^-12). */
const Decimal = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const d = parseDecimal(v);
  if (d === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a decimal number` });
    return z.NEVER;
  }
  return d;
});

const Localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const SourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'source ids are lower-case words joined by hyphens'),
  title: z.string().min(1),
  /** official: the issuer's own text; reprint, form, report, vendor, secondary, law: see notes. */
  kind: z.enum(['official', 'reprint', 'form', 'report', 'vendor', 'secondary', 'law']),
  url: z.string().optional(),
  note: z.string().optional(),
});

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

const GradeBandSchema = z.strictObject({
  grade: z.enum(GRADES),
  /** Inclusive lower bound. */
  min: Decimal,
  /** Exclusive upper bound; the top band has none. */
  below: Decimal.optional(),
});

/** A closed region of values (a rate in percent): ge and/or le. */
const RegionSchema = z
  .strictObject({ ge: Decimal.optional(), le: Decimal.optional() })
  .refine((r) => r.ge !== undefined || r.le !== undefined, 'a region needs ge or le');
export type Region = z.output<typeof RegionSchema>;

/** Where a computed indicator's input is read from the self-evaluation. */
const InputSchema = z.union([
  z.strictObject({
    label: Localized,
    budget: z.enum(BUDGET_MEASURES),
    part: z.enum(SPENDING_PARTS).default('total'),
  }),
  /** A quantity the text states, by the subjects reports use for it (matched ignoring spaces and quotes). */
  z.strictObject({
    label: Localized,
    metric: z.array(z.string().min(1)).min(1),
    /** What the figure must be: an amount of money, a percentage or a count. */
    kind: z.enum(['money', 'percent', 'count']),
  }),
]);
export type InputBinding = z.output<typeof InputSchema>;

/** One way of obtaining the value; the first whose inputs are all stated is used. Values are percent. */
const ValueStepSchema = z.union([
  /** A rate the report states. */
  z.strictObject({ input: z.string() }),
  /** a / b × 100%. */
  z.strictObject({ ratio: z.tuple([z.string(), z.string()]) }),
  /** (a − b) / b × 100%. */
  z.strictObject({ change: z.tuple([z.string(), z.string()]) }),
]);
export type ValueStep = z.output<typeof ValueStepSchema>;

/** value → points. proportional: points × min(value, full_at) / full_at. */
const ScoreFunctionSchema = z.strictObject({ proportional: z.strictObject({ full_at: Decimal }) });
export type ScoreFunction = z.output<typeof ScoreFunctionSchema>;

export const MAPPING_STATUSES = ['official', 'observed', 'candidate', 'unknown'] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];

const MappingSchema = z.strictObject({
  /**
   * official: an issued rule applies directly; observed: only input → score pairs seen in reports;
   * candidate: a proposal, shown but never used to overwrite a stated score; unknown: no rule available.
   */
  status: z.enum(MAPPING_STATUSES),
  /**
   * What the engine may conclude. score: the recomputed score stands against the stated one (official only);
   * full-marks: only full marks can be reproduced (inside `full_marks`, or every target met) or shown to be
   * unsupported; any other score cannot be verified.
   */
  may_conclude: z.enum(['score', 'full-marks']),
  observed: z
    .array(
      z.strictObject({ value: Decimal, score: Decimal, source: z.string(), note: z.string().optional() }),
    )
    .default([]),
  /** Values at which full points are reproduced. */
  full_marks: RegionSchema.optional(),
  /** The official function, or the candidate shown beside a score that cannot be verified. */
  function: ScoreFunctionSchema.optional(),
  note: z.string().optional(),
});
export type Mapping = z.output<typeof MappingSchema>;

export const INDICATOR_KINDS = ['aggregate', 'targets', 'computed', 'evidence', 'manual'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const NA_POLICIES = ['none', 'full-marks', 'drop-and-rescale'] as const;
export type NaPolicy = (typeof NA_POLICIES)[number];

const IndicatorSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, 'indicator ids look like gl.cg.sme-share'),
  /** Absent for level 1. Parents come before their children. */
  parent: z.string().optional(),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  /** Other names reports use for this indicator; tolerant matching covers spacing, quotes and 情况/率. */
  aliases: z.array(z.string().min(1)).default([]),
  points: Decimal,
  /**
   * aggregate: the sum of its children; targets: the report's own target rows of the given groups, each
   * scored by the target functions; computed: a value from stated figures, mapped to points; evidence:
   * facts documents prove (the engine cannot judge them); manual: a reviewer's judgement.
   */
  kind: z.enum(INDICATOR_KINDS),
  /** targets: which indicator rows belong here. */
  groups: z.array(z.enum(['output', 'outcome', 'satisfaction', 'cost'])).optional(),
  /** targets: equal (points / n) or the points printed on each row (equal when a row prints none). */
  weights: z.enum(['equal', 'printed']).optional(),
  /** computed: named inputs. */
  inputs: z.record(z.string(), InputSchema).optional(),
  /** computed: how the value follows from the inputs, in order of preference. */
  value: z.array(ValueStepSchema).min(1).optional(),
  /** computed: the value in words. */
  definition: Localized.optional(),
  mapping: MappingSchema.optional(),
  /** evidence and manual: what earns the points. */
  rubric: Localized.optional(),
  /** What happens when the indicator does not apply. */
  na_policy: z.enum(NA_POLICIES).default('none'),
  sources: z.array(z.string()).default([]),
  note: z.string().optional(),
});
export type Indicator = z.output<typeof IndicatorSchema>;

const QualitativeBand = z.tuple([Decimal, Decimal]);

const SystemShape = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'system ids are lower-case words joined by hyphens'),
  /** The version of this file's content; a changed point or mapping is a new version. */
  version: z.string().min(1),
  name: Localized,
  /** 部门整体支出 (department) or 项目支出 (project). */
  scope: z.enum(['department', 'project']),
  jurisdiction: z.strictObject({
    zh: z.string().min(1),
    en: z.string().min(1),
    level: z.enum(['national', 'provincial', 'municipal', 'district']),
  }),
  /** Organisations the system applies to, as patterns on the name; chosen by default for those reports. */
  applies_to: z
    .strictObject({
      org: z
        .array(
          z.string().refine((p) => {
            try {
              new RegExp(p, 'u');
              return true;
            } catch {
              return false;
            }
          }, 'not a valid regular expression'),
        )
        .min(1),
    })
    .optional(),
  /** Fiscal years the system applies to; `to` absent means still current. */
  years: z.strictObject({ from: z.number().int(), to: z.number().int().optional() }),
  /** official: from the issuer's text; official-unverified: known from reprints and forms; reconstructed: from reports. */
  status: z.enum(['official', 'official-unverified', 'reconstructed']),
  status_note: Localized,
  sources: z.array(SourceSchema).min(1),
  total_points: Decimal,
  /** Decimals scores are kept to (for display and rounding notes). */
  score_decimals: z.number().int().min(0).max(6),
  /** A printed score is read as at least this precise (reports print 97 for 97.00). */
  stated_score_min_decimals: z.number().int().min(0).max(6),
  grade_bands: z.strictObject({ note: z.string().optional(), bands: z.array(GradeBandSchema).min(1) }),
  /** Per-target functions for kind: targets. */
  targets: z.strictObject({
    /** ≤/< targets missed: ratio t/a·w, or linear (1 − (a − t)/t)·w falling to 0 at 2t. A jurisdiction parameter. */
    reverse: z.enum(['ratio', 'linear']),
    /** Qualitative outcomes: the share of the row's points a score must fall in, [from, to]. */
    qualitative: z.strictObject({
      met: QualitativeBand,
      partly_met: QualitativeBand,
      not_met: QualitativeBand,
    }),
    note: z.string().optional(),
  }),
  indicators: z.array(IndicatorSchema).min(1),
};

// ——— test cases: a compact self-evaluation and the expected outcome per indicator ———

const Printed = z.union([z.string(), z.number()]).transform(String);

const CaseBudgetSchema = z.strictObject({
  measure: z.enum(BUDGET_MEASURES),
  part: z.enum(SPENDING_PARTS).default('total'),
  value: Printed,
  unit: z.enum(UNITS).optional(),
});

const CaseRowSchema = z.strictObject({
  group: z.enum(['output', 'outcome', 'satisfaction', 'cost']),
  name: z.string().min(1),
  level2: z.string().optional(),
  /** "≥80000", ">=90%", "≤5%", "=1", or text for a qualitative target. */
  target: z.string().optional(),
  /** "89460", "91.3%". */
  actual: Printed.optional(),
  /** Printed completion rate in percent. */
  rate: Printed.optional(),
  points: Printed.optional(),
  score: Printed.optional(),
  note: z.string().optional(),
});

const CaseScoreSchema = z.strictObject({
  indicator: z.string().min(1),
  score: Printed,
  points: Printed.optional(),
  deduction: Printed.optional(),
  reason: z.string().optional(),
  scope: z.enum(['department', 'project']).optional(),
});

const CaseMetricSchema = z.strictObject({
  subject: z.string().min(1),
  value: Printed,
  unit: z.enum(UNITS).default('wan-yuan'),
  measure: z.string().default(''),
  period: z.string().optional(),
});

export const CaseEvaluationSchema = z.strictObject({
  scope: z.enum(['department', 'project']).default('department'),
  budget: z.array(CaseBudgetSchema).default([]),
  indicators: z.array(CaseRowSchema).default([]),
  scores: z.array(CaseScoreSchema).default([]),
  /** The stated total score. */
  total: Printed.optional(),
  grade: z.enum(GRADES).optional(),
  metrics: z.array(CaseMetricSchema).default([]),
});
export type CaseEvaluation = z.output<typeof CaseEvaluationSchema>;

export const UNSUPPORTED_REASONS = ['deduction-without-reason', 'full-marks-short', 'no-evidence'] as const;

export const ScoreCaseSchema = z.strictObject({
  name: z.string().min(1),
  evaluation: CaseEvaluationSchema,
  options: z
    .strictObject({
      not_applicable: z.array(z.string()).default([]),
      reverse: z.enum(['ratio', 'linear']).optional(),
    })
    .default({ not_applicable: [] }),
  expect: z.strictObject({
    /** Status per indicator id. */
    indicators: z.record(z.string(), z.enum(INDICATOR_STATUSES)).default({}),
    /** Score the parent sums per indicator id (must lie in the engine's interval). */
    scores: z.record(z.string(), Decimal).default({}),
    total: z.enum(INDICATOR_STATUSES).optional(),
    total_score: Decimal.optional(),
    grade: z.enum(['reproduced', 'differs', 'not-stated']).optional(),
    /** Printed names of stated scores no indicator matches (checked when given). */
    unmatched: z.array(z.string()).optional(),
    /** "id: reason" ("id#row: reason" for a target row) for every item of "what the evidence cannot support". */
    cannot_support: z.array(z.string()).optional(),
  }),
});
export type ScoreCase = z.output<typeof ScoreCaseSchema>;

// ——— whole-file checks that zod's shape cannot express ———

type SystemDraft = z.output<z.ZodObject<typeof SystemShape>>;

function checkSystem(s: SystemDraft, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const sourceIds = new Set(s.sources.map((x) => x.id));
  const byId = new Map<string, { ind: Indicator; at: number }>();
  s.indicators.forEach((ind, at) => {
    const path = ['indicators', at];
    if (byId.has(ind.id)) issue([...path, 'id'], `duplicate indicator id ${ind.id}`);
    if (ind.parent !== undefined) {
      const parent = byId.get(ind.parent);
      if (!parent) issue([...path, 'parent'], `${ind.id}: parent ${ind.parent} is not defined above it`);
      else if (parent.ind.kind !== 'aggregate')
        issue([...path, 'parent'], `${ind.id}: parent ${ind.parent} is ${parent.ind.kind}, not aggregate`);
    }
    byId.set(ind.id, { ind, at });
    for (const [i, src] of ind.sources.entries())
      if (!sourceIds.has(src)) issue([...path, 'sources', i], `${ind.id}: unknown source ${src}`);
    for (const [i, o] of (ind.mapping?.observed ?? []).entries())
      if (!sourceIds.has(o.source))
        issue([...path, 'mapping', 'observed', i, 'source'], `${ind.id}: unknown source ${o.source}`);
    checkKind(ind, (p, m) => issue([...path, ...p], `${ind.id}: ${m}`));
  });
  // Points add up at every level.
  const childrenOf = (id: string | undefined) => s.indicators.filter((c) => c.parent === id);
  const sumOf = (xs: Indicator[]) => xs.reduce((t, c) => t + c.points, 0n);
  for (const [at, ind] of s.indicators.entries()) {
    if (ind.kind !== 'aggregate') continue;
    const kids = childrenOf(ind.id);
    if (kids.length === 0) issue(['indicators', at, 'kind'], `${ind.id}: an aggregate needs children`);
    else if (sumOf(kids) !== ind.points)
      issue(
        ['indicators', at, 'points'],
        `${ind.id}: children's points add up to ${plainDecimal(sumOf(kids))}, not ${plainDecimal(ind.points)}`,
      );
  }
  const top = sumOf(childrenOf(undefined));
  if (top !== s.total_points)
    issue(
      ['total_points'],
      `level-1 points add up to ${plainDecimal(top)}, not ${plainDecimal(s.total_points)}`,
    );
  // Names must not collide once spaces, quotes and 情况/率 are set aside.
  try {
    nameIndex(s.indicators.map((i) => ({ id: i.id, name: i.name_zh, aliases: i.aliases })));
  } catch (e) {
    issue(['indicators'], (e as Error).message);
  }
  checkBands(s, issue);
}

function checkKind(ind: Indicator, issue: (path: string[], message: string) => void): void {
  const only = (allowed: (keyof Indicator)[]) => {
    for (const key of ['groups', 'weights', 'inputs', 'value', 'definition', 'mapping', 'rubric'] as const)
      if (ind[key] !== undefined && !allowed.includes(key))
        issue([key], `${key} does not apply to ${ind.kind}`);
  };
  switch (ind.kind) {
    case 'aggregate':
      only([]);
      break;
    case 'targets':
      only(['groups', 'weights', 'mapping']);
      if (!ind.groups?.length) issue(['groups'], 'targets need the indicator groups they score');
      if (!ind.mapping) issue(['mapping'], 'targets need a mapping status');
      break;
    case 'computed': {
      only(['inputs', 'value', 'definition', 'mapping']);
      if (!ind.value) issue(['value'], 'a computed indicator needs value steps');
      if (!ind.mapping) issue(['mapping'], 'a computed indicator needs a mapping');
      const names = new Set(Object.keys(ind.inputs ?? {}));
      for (const [i, step] of (ind.value ?? []).entries()) {
        const used = 'input' in step ? [step.input] : 'ratio' in step ? step.ratio : step.change;
        for (const n of used) if (!names.has(n)) issue(['value', String(i)], `unknown input ${n}`);
      }
      if (ind.mapping?.may_conclude === 'score' && !ind.mapping.function)
        issue(['mapping', 'function'], 'concluding a score needs the function');
      break;
    }
    case 'evidence':
    case 'manual':
      only(['rubric']);
      if (!ind.rubric) issue(['rubric'], `${ind.kind} indicators need a rubric`);
      break;
  }
  const m = ind.mapping;
  if (m) {
    if ((m.status === 'official') !== (m.may_conclude === 'score'))
      issue(['mapping', 'may_conclude'], 'only an official mapping may conclude a score, and it does');
    if (m.status === 'observed' && m.observed.length === 0)
      issue(['mapping', 'observed'], 'an observed mapping lists what was observed');
  }
}

function checkBands(s: SystemDraft, issue: (path: (string | number)[], message: string) => void): void {
  const bands = s.grade_bands.bands;
  bands.forEach((b, i) => {
    const path = ['grade_bands', 'bands', i];
    if (i === 0 && b.below !== undefined) issue(path, 'the top band has no upper bound');
    const prev = bands[i - 1];
    if (prev && b.below !== prev.min) issue(path, `band ${b.grade} must end where ${prev.grade} begins`);
    if (i === bands.length - 1 && b.min !== 0n) issue(path, 'the lowest band starts at 0');
  });
}

export const IndicatorSystemSchema = z.strictObject(SystemShape).superRefine(checkSystem);
export type IndicatorSystem = z.output<typeof IndicatorSystemSchema>;

export const IndicatorSystemFileSchema = z
  .strictObject({
    ...SystemShape,
    cases: z.array(ScoreCaseSchema).min(1, 'every indicator system file carries at least one test case'),
  })
  .superRefine(checkSystem);
export type IndicatorSystemFile = z.output<typeof IndicatorSystemFileSchema>;

/** Validation problems as "path: message" lines, for errors that name the file. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`);
}
