import type { Claim } from '#domain/claim.ts';
import type { Finding, LocalizedText } from '#domain/finding.ts';
import { formatFixed, type Figure } from '#domain/quantity.ts';
import type { Quantity, SelfEvaluation } from '#domain/self-evaluation.ts';
import type { ExtractedTable } from '#domain/table.ts';
import type { DocumentResult } from './check-documents.ts';
import type { CheckOutput } from './check-output.schema.ts';

export type Lang = 'zh' | 'en';

export function figureJson(f: Figure) {
  return {
    text: f.text,
    value: formatFixed(f.value, Math.min(f.decimals, 12), false),
    decimals: f.decimals,
    unit: f.unit,
    ...(f.blank ? { blank: true } : {}),
  };
}

function opt<T, U>(v: T | undefined, f: (v: T) => U): U | undefined {
  return v === undefined ? undefined : f(v);
}

export function tableJson(t: ExtractedTable) {
  return {
    ...t,
    rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, figure: figureJson(c.figure) })) })),
  };
}

export function claimJson(c: Claim) {
  return {
    ...c,
    value: opt(c.value, figureJson),
    percent: opt(c.percent, figureJson),
    baseValue: opt(c.baseValue, figureJson),
    changeAmount: opt(c.changeAmount, figureJson),
    changePercent: opt(c.changePercent, figureJson),
  };
}

function quantityJson(q: Quantity) {
  return { ...q, value: figureJson(q.value) };
}

export function selfEvaluationJson(se: SelfEvaluation) {
  return {
    ...se,
    budget: se.budget.map((b) => ({ ...b, value: figureJson(b.value) })),
    projects: se.projects.map((p) => ({
      ...p,
      initial: opt(p.initial, figureJson),
      adjustment: opt(p.adjustment, (a) => ({ ...a, amount: figureJson(a.amount) })),
      adjusted: opt(p.adjusted, figureJson),
      spent: opt(p.spent, figureJson),
      rate: opt(p.rate, figureJson),
    })),
    indicators: se.indicators.map((r) => ({
      ...r,
      target: opt(r.target, (t) => ({ ...t, quantity: opt(t.quantity, quantityJson) })),
      actual: opt(r.actual, quantityJson),
      completionRate: opt(r.completionRate, figureJson),
      points: opt(r.points, figureJson),
      score: opt(r.score, figureJson),
    })),
    scores: se.scores.map((x) => ({
      ...x,
      points: opt(x.points, figureJson),
      score: figureJson(x.score),
      rate: opt(x.rate, figureJson),
      deduction: opt(x.deduction, figureJson),
    })),
    metrics: se.metrics.map((m) => ({ ...m, quantity: quantityJson(m.quantity) })),
  };
}

function findingJson(f: Finding, lang: Lang) {
  return { ...f, message: f.message[lang], messages: f.message };
}

const pick = (t: LocalizedText, lang: Lang): string => t[lang];

/** The JSON document of `gongkai check --format json` (docs/check-output.schema.json). */
export function presentCheck(results: DocumentResult[], lang: Lang): CheckOutput {
  return {
    documents: results.map((r) =>
      r.ok
        ? {
            path: r.path,
            format: r.format,
            kind: r.kind,
            org: r.org,
            fiscalYear: r.fiscalYear,
            pageCount: r.pageCount,
            prior: r.prior,
            tables: r.tables.map(tableJson),
            claims: r.claims.map(claimJson),
            selfEvaluation: r.selfEvaluation ? selfEvaluationJson(r.selfEvaluation) : null,
            findings: r.findings.map((f) => findingJson(f, lang)),
            checks: r.checks,
            notApplicable: r.notApplicable.map((n) => ({ ruleId: n.ruleId, reason: pick(n.reason, lang) })),
          }
        : { path: r.path, error: { code: r.error.code, message: pick(r.error.message, lang) } },
    ),
  };
}
