import { formatFixed, type Figure } from '#domain/quantity.ts';
import type {
  IndicatorRow,
  ProjectRow,
  Quantity,
  SelfEvaluation,
  StatedScore,
} from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';

/**
 * The golden form of an extracted self-evaluation: figures as printed with their exact value, precision and
 * unit, names, labels and subjects, and page and line of each value. The documents' prose is not copied into
 * the project: notes and reasons are replaced by their length or a flag, and source lines by their position.
 */

/** Corpus documents with a reviewed golden file in fixtures/<name>/selfeval.golden.json. */
export const SELFEVAL_GOLDEN_CASES: readonly { name: string; file: string }[] = [
  '000_6e328879fe3e7380',
  '001_8ba10b9f6eeaffaa',
  '002_2c450fdd424bffaf',
  '003_43e396ea1042de79',
].map((stem) => ({ name: `selfeval-${stem}`, file: `seeds/${stem}.txt` }));

/** A JSON value of the golden file (figures already converted). */
type Json = string | number | boolean | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

/** A figure: as printed, its exact value as a plain decimal (at its precision, never below units), unit. */
function figureJson(f: Figure): JsonObject {
  return {
    text: f.text,
    exact: formatFixed(f.value, Math.max(0, f.decimals), false),
    decimals: f.decimals,
    unit: f.unit,
    blank: f.blank ? true : undefined,
  };
}

function optionalFigure(f: Figure | undefined): JsonObject | undefined {
  return f ? figureJson(f) : undefined;
}

function quantityJson(q: Quantity | undefined): JsonObject | undefined {
  if (!q) return undefined;
  return { value: figureJson(q.value), measure: q.measure, approx: q.approx };
}

function at(s: SourceRef): JsonObject {
  return { page: s.page, line: s.line };
}

function projectJson(p: ProjectRow): JsonObject {
  return {
    name: p.name,
    initial: optionalFigure(p.initial),
    adjustment: p.adjustment && {
      direction: p.adjustment.direction,
      amount: figureJson(p.adjustment.amount),
    },
    adjusted: optionalFigure(p.adjusted),
    spent: optionalFigure(p.spent),
    rate: optionalFigure(p.rate),
    ...at(p.source),
  };
}

function indicatorJson(r: IndicatorRow): JsonObject {
  const t = r.target;
  return {
    group: r.group,
    table: r.table,
    index: r.index,
    level2: r.level2,
    name: r.name,
    target: t && { text: t.text, comparator: t.comparator, quantity: quantityJson(t.quantity) },
    actual: quantityJson(r.actual),
    completionRate: optionalFigure(r.completionRate),
    points: optionalFigure(r.points),
    score: optionalFigure(r.score),
    noteLength: r.note?.length,
    ...at(r.source),
  };
}

function scoreJson(s: StatedScore): JsonObject {
  return {
    indicator: s.indicator,
    points: optionalFigure(s.points),
    score: figureJson(s.score),
    rate: optionalFigure(s.rate),
    deduction: optionalFigure(s.deduction),
    hasReason: s.reason === undefined ? undefined : true,
    total: s.total,
    statedScope: s.statedScope,
    ...at(s.source),
  };
}

export interface SelfEvaluationGolden {
  case: string;
  file: string;
  scope: SelfEvaluation['scope'];
  grade?: JsonObject;
  budget: JsonObject[];
  projects: JsonObject[];
  indicators: JsonObject[];
  scores: JsonObject[];
  counts: JsonObject[];
  metrics: JsonObject[];
}

export function toSelfEvaluationGolden(name: string, file: string, se: SelfEvaluation): SelfEvaluationGolden {
  return {
    case: name,
    file,
    scope: se.scope,
    ...(se.grade ? { grade: { grade: se.grade.grade, ...at(se.grade.source) } } : {}),
    budget: se.budget.map((b) => ({
      measure: b.measure,
      part: b.part,
      value: figureJson(b.value),
      ...at(b.source),
    })),
    projects: se.projects.map(projectJson),
    indicators: se.indicators.map(indicatorJson),
    scores: se.scores.map(scoreJson),
    counts: se.counts.map((c) => ({ subject: c.subject, count: c.count, ...at(c.source) })),
    metrics: se.metrics.map((m) => ({
      subject: m.subject,
      period: m.period,
      quantity: quantityJson(m.quantity),
      ...at(m.source),
    })),
  };
}

const LISTS = ['budget', 'projects', 'indicators', 'scores', 'counts', 'metrics'] as const;

/** One value per line (undefined fields left out), so that a review reads and a diff shows value by value. */
export function formatSelfEvaluationGolden(g: SelfEvaluationGolden): string {
  const head = [
    `  "case": ${JSON.stringify(g.case)}`,
    `  "file": ${JSON.stringify(g.file)}`,
    `  "scope": ${JSON.stringify(g.scope)}`,
    ...(g.grade ? [`  "grade": ${JSON.stringify(g.grade)}`] : []),
  ];
  const lists = LISTS.map((key) => {
    const items = g[key];
    if (items.length === 0) return `  "${key}": []`;
    return `  "${key}": [\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  });
  return `{\n${[...head, ...lists].join(',\n')}\n}\n`;
}
