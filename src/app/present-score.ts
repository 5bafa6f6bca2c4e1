import type { LocalizedText } from '#domain/finding.ts';
import type { Interval } from '#domain/quantity.ts';
import { formatRounded, plainDecimal } from '#score/arith.ts';
import { INDICATOR_STATUSES } from '#score/report.ts';
import type {
  IndicatorResult,
  IndicatorStatus,
  ScoreReport,
  StatedRef,
  TargetResult,
} from '#score/report.ts';
import { figureJson, type Lang } from './present.ts';
import type { ScoredDocumentJson, ScoreFailureCode, ScoreOutput } from './score-output.schema.ts';

// What the terminal formatter needs of the engine, so that cli reaches it through app.
export type { ScoreReport } from '#score/report.ts';
export { formatRounded as scoreText } from '#score/arith.ts';

/** A report scored, or a file that could not be (unreadable, or no indicator system applies). */
export type ScoreItem =
  | { path: string; report: ScoreReport }
  | { path: string; error: { code: ScoreFailureCode; message: LocalizedText } };

function intervalJson(i: Interval, decimals: number) {
  return { lo: plainDecimal(i.lo), hi: plainDecimal(i.hi), text: formatRounded(i, decimals) };
}

function opt<T, U>(v: T | undefined, f: (v: T) => U): U | undefined {
  return v === undefined ? undefined : f(v);
}

const joined = (notes: readonly LocalizedText[], lang: Lang) =>
  notes.map((n) => n[lang]).join(lang === 'zh' ? '；' : '; ');

function statedJson(s: StatedRef, decimals: number) {
  return {
    printed: s.printed,
    how: s.how,
    score: figureJson(s.score),
    interval: intervalJson(s.interval, decimals),
    points: opt(s.points, figureJson),
    deduction: opt(s.deduction, figureJson),
    reason: s.reason,
    source: s.source,
  };
}

function targetJson(t: TargetResult, decimals: number, lang: Lang) {
  return {
    index: t.index,
    name: t.name,
    level2: t.level2,
    target: t.target,
    comparator: t.comparator,
    actual: opt(t.actual, figureJson),
    completionRate: opt(t.completionRate, figureJson),
    weight: intervalJson(t.weight, decimals),
    function: t.fn,
    basis: t.basis,
    outcome: t.outcome,
    met: t.met,
    recomputed: opt(t.recomputed, (i) => intervalJson(i, decimals)),
    printedScore: opt(t.printedScore, figureJson),
    status: t.status,
    note: joined(t.notes, lang),
    notes: t.notes,
    source: t.source,
  };
}

function indicatorJson(r: IndicatorResult, decimals: number, lang: Lang) {
  const iv = (i: Interval) => intervalJson(i, decimals);
  return {
    id: r.id,
    parent: r.parent,
    level: r.level,
    name: r.name,
    kind: r.kind,
    points: iv(r.points),
    systemPoints: plainDecimal(r.systemPoints),
    mappingStatus: r.mappingStatus,
    stated: opt(r.stated, (s) => statedJson(s, decimals)),
    value: opt(r.value, (v) => ({
      interval: intervalJson(v.interval, 2),
      how: v.how[lang],
      hows: v.how,
      inputs: v.inputs.map((i) => ({ name: i.name, figure: figureJson(i.figure), source: i.source })),
      region: v.region,
    })),
    recomputed: opt(r.recomputed, iv),
    candidate: opt(r.candidate, iv),
    used: opt(r.used, (u) => ({ score: iv(u.score), basis: u.basis })),
    fromStated: r.fromStated,
    status: r.status,
    note: joined(r.notes, lang),
    notes: r.notes,
    targets: r.targets?.map((t) => targetJson(t, decimals, lang)),
  };
}

/** One scored report as JSON (docs/score-output.schema.json): bigints as exact decimal strings. */
export function scoreReportJson(path: string, report: ScoreReport, lang: Lang): ScoredDocumentJson {
  const d = report.system.scoreDecimals;
  const summary = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<
    IndicatorStatus,
    number
  >;
  for (const r of report.indicators) summary[r.status]++;
  return {
    path,
    system: {
      id: report.system.id,
      version: report.system.version,
      name: report.system.name,
      status: report.system.status,
      statusNote: report.system.statusNote,
      scope: report.system.scope,
      jurisdiction: report.system.jurisdiction,
      years: report.system.years,
      totalPoints: plainDecimal(report.system.totalPoints),
    },
    evaluationScope: report.evaluationScope,
    indicators: report.indicators.map((r) => indicatorJson(r, d, lang)),
    total: {
      points: plainDecimal(report.total.points),
      stated: opt(report.total.stated, (s) => statedJson(s, d)),
      recomputed: opt(report.total.recomputed, (i) => intervalJson(i, d)),
      fromStated: report.total.fromStated,
      status: report.total.status,
      note: joined(report.total.notes, lang),
      notes: report.total.notes,
    },
    grade: {
      stated: report.grade.stated?.grade,
      source: report.grade.stated?.source,
      possible: report.grade.possible,
      status: report.grade.status,
      note: joined(report.grade.notes, lang),
    },
    unmatched: report.unmatched.map((u) => ({
      printed: u.printed,
      score: figureJson(u.score),
      reason: u.reason[lang],
      source: u.source,
    })),
    cannotSupport: report.cannotSupport.map((u) => ({
      indicator: u.indicator,
      row: u.row,
      reason: u.reason,
      message: u.message[lang],
      messages: u.message,
      source: u.source,
    })),
    warnings: report.warnings.map((w) => w[lang]),
    summary,
  };
}

/** The JSON document of `gongkai score --format json`. */
export function presentScore(items: readonly ScoreItem[], lang: Lang): ScoreOutput {
  return {
    documents: items.map((it) =>
      'report' in it
        ? scoreReportJson(it.path, it.report, lang)
        : { path: it.path, error: { code: it.error.code, message: it.error.message[lang] } },
    ),
  };
}
