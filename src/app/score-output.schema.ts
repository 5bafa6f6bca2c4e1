import { z } from 'zod';
import { FigureJson } from './check-output.schema.ts';
import { INDICATOR_STATUSES } from '#score/report.ts';

/** The JSON that `gongkai score --format json` prints; published as docs/score-output.schema.json. */
const Localized = z.object({ zh: z.string(), en: z.string() });

const Source = z.object({ page: z.number().int(), line: z.number().int(), text: z.string() });

const IntervalJson = z
  .object({
    lo: z.string().describe('exact decimal lower bound'),
    hi: z.string().describe('exact decimal upper bound'),
    text: z
      .string()
      .describe('for people: one value when the interval is within its rounding, else "lo～hi"'),
  })
  .meta({ id: 'Interval' });

const STATUSES = INDICATOR_STATUSES;

const Status = z
  .enum(STATUSES)
  .describe(
    'reproduced: the engine’s own score meets the stated one; differs: a sum or an official recomputation cannot; ' +
      'cannot-verify: no official mapping, or no figures; accepted-as-stated: evidence or judgement the engine ' +
      'cannot judge; unsupported: full marks where the figures fall short, or a deduction without a reason; ' +
      'no-evidence: neither score nor figures; not-stated: no score stated (covered above); not-applicable: dropped',
  );

const StatedJson = z.object({
  printed: z.string().describe('the indicator as the report names it'),
  how: z.enum(['name', 'alias', 'contains', 'total']).describe('how the printed name was matched'),
  score: FigureJson,
  interval: IntervalJson,
  points: FigureJson.optional(),
  deduction: FigureJson.optional(),
  reason: z.string().optional(),
  source: Source,
});

const TargetJson = z
  .object({
    index: z.number().int().optional(),
    name: z.string(),
    level2: z.string().optional(),
    target: z.string().optional(),
    comparator: z.enum(['ge', 'gt', 'eq', 'le', 'lt', 'qualitative']).optional(),
    actual: FigureJson.optional(),
    completionRate: FigureJson.optional(),
    weight: IntervalJson,
    function: z.enum(['positive', 'equal', 'reverse-ratio', 'reverse-linear', 'qualitative']).optional(),
    basis: z.enum(['actual', 'completion-rate', 'outcome']).optional(),
    outcome: z.enum(['met', 'partly-met', 'not-met']).optional(),
    met: z.enum(['yes', 'no', 'unknown']).optional(),
    recomputed: IntervalJson.optional(),
    printedScore: FigureJson.optional(),
    status: Status,
    note: z.string(),
    notes: z.array(Localized),
    source: Source,
  })
  .meta({ id: 'TargetRow' });

const IndicatorJson = z
  .object({
    id: z.string(),
    parent: z.string().optional(),
    level: z.number().int(),
    name: Localized,
    kind: z.enum(['aggregate', 'targets', 'computed', 'evidence', 'manual']),
    points: IntervalJson.describe('points here (rescaled when a sibling was dropped)'),
    systemPoints: z.string().describe('points in the system file'),
    mappingStatus: z.enum(['official', 'observed', 'candidate', 'unknown']).optional(),
    stated: StatedJson.optional(),
    value: z
      .object({
        interval: IntervalJson.describe('percent'),
        how: z.string(),
        hows: Localized,
        inputs: z.array(z.object({ name: z.string(), figure: FigureJson, source: Source })),
        region: z
          .enum(['inside', 'outside'])
          .optional()
          .describe('relative to the observed full-marks region'),
      })
      .optional(),
    recomputed: IntervalJson.optional(),
    candidate: IntervalJson.optional().describe(
      'a candidate mapping’s score: for reference, never a conclusion',
    ),
    used: z
      .object({ score: IntervalJson, basis: z.enum(['recomputed', 'stated']) })
      .optional()
      .describe('the score the parent sums'),
    fromStated: z.boolean().optional(),
    status: Status,
    note: z.string().describe('the notes in the language chosen with --lang, joined'),
    notes: z.array(Localized),
    targets: z.array(TargetJson).optional(),
  })
  .meta({ id: 'IndicatorResult' });

const ScoredJson = z.object({
  path: z.string(),
  system: z.object({
    id: z.string(),
    version: z.string(),
    name: Localized,
    status: z.enum(['official', 'official-unverified', 'reconstructed']),
    statusNote: Localized,
    scope: z.enum(['department', 'project']),
    jurisdiction: Localized,
    years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
    totalPoints: z.string(),
  }),
  evaluationScope: z.enum(['department', 'project']),
  indicators: z.array(IndicatorJson),
  total: z.object({
    points: z.string(),
    stated: StatedJson.optional(),
    recomputed: IntervalJson.optional(),
    fromStated: z.boolean(),
    status: Status,
    note: z.string(),
    notes: z.array(Localized),
  }),
  grade: z.object({
    stated: z.enum(['优', '良', '中', '差']).optional(),
    source: Source.optional(),
    possible: z.array(z.enum(['优', '良', '中', '差'])),
    status: z.enum(['reproduced', 'differs', 'not-stated']),
    note: z.string(),
  }),
  unmatched: z.array(
    z.object({ printed: z.string(), score: FigureJson, reason: z.string(), source: Source }),
  ),
  cannotSupport: z
    .array(
      z.object({
        indicator: z.string().describe('indicator id, or "total"'),
        row: z.number().int().optional(),
        reason: z.enum(['deduction-without-reason', 'full-marks-short', 'no-evidence']),
        message: z.string(),
        messages: Localized,
        source: Source.optional(),
      }),
    )
    .describe('what the evidence cannot support'),
  warnings: z.array(z.string()),
  summary: z.record(z.enum(STATUSES), z.number().int()).describe('indicators per status'),
});

const Failed = z.object({
  path: z.string(),
  error: z.object({
    code: z.enum(['encrypted', 'corrupt', 'empty', 'unsupported', 'too-large', 'no-text', 'no-system']),
    message: z.string(),
  }),
});

export const ScoreOutputSchema = z.object({ documents: z.array(z.union([ScoredJson, Failed])) });
export type ScoreOutput = z.infer<typeof ScoreOutputSchema>;
export type ScoredDocumentJson = z.infer<typeof ScoredJson>;
/** Why a file was not scored: it could not be read, or no indicator system applies to it. */
export type ScoreFailureCode = z.infer<typeof Failed>['error']['code'];

export function scoreOutputJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(ScoreOutputSchema, { target: 'draft-2020-12' }),
    title: 'gongkai score output',
  };
}
