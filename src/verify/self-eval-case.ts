import { z } from 'zod';
import { parseFigure, type Figure, type Unit } from '#domain/quantity.ts';
import {
  BUDGET_MEASURES,
  SPENDING_PARTS,
  type Comparator,
  type IndicatorRow,
  type Quantity,
  type SelfEvaluation,
} from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';

/**
 * A self-evaluation as a rule file's test case writes it. Figures are printed strings: amounts default to
 * 万元 ("2655.11元" is in 元), rates to percent, scores to points. Quantities read "74.2万份", "≥5",
 * "8万以上"; a target of "定性" is qualitative. Every item sits on page 1 at a line of its own (from 3000),
 * or at `line` when the case places it among the document's `lines`.
 */
const Placed = { line: z.number().int().positive().optional() };

export const SelfEvalCaseSchema = z.object({
  scope: z.enum(['department', 'project']).default('department'),
  budget: z
    .array(
      z.object({
        measure: z.enum(BUDGET_MEASURES),
        part: z.enum(SPENDING_PARTS),
        value: z.string(),
        ...Placed,
      }),
    )
    .default([]),
  projects: z
    .array(
      z.object({
        name: z.string(),
        initial: z.string().optional(),
        /** "+245.7" (调增) or "-511.59" (调减). */
        adjustment: z.string().optional(),
        adjusted: z.string().optional(),
        spent: z.string().optional(),
        rate: z.string().optional(),
        ...Placed,
      }),
    )
    .default([]),
  indicators: z
    .array(
      z.object({
        group: z.enum(['output', 'outcome', 'satisfaction', 'cost']).default('output'),
        table: z.string().default('表1'),
        level2: z.string().optional(),
        name: z.string(),
        target: z.string().optional(),
        actual: z.string().optional(),
        rate: z.string().optional(),
        points: z.string().optional(),
        score: z.string().optional(),
        ...Placed,
      }),
    )
    .default([]),
  scores: z
    .array(
      z.object({
        indicator: z.string(),
        points: z.string().optional(),
        score: z.string(),
        rate: z.string().optional(),
        deduction: z.string().optional(),
        reason: z.string().optional(),
        total: z.boolean().optional(),
        statedScope: z.enum(['department', 'project']).optional(),
        ...Placed,
      }),
    )
    .default([]),
  grade: z.enum(['优', '良', '中', '差']).optional(),
  counts: z.array(z.object({ subject: z.string(), count: z.number().int(), ...Placed })).default([]),
  metrics: z
    .array(z.object({ subject: z.string(), value: z.string(), period: z.string().optional(), ...Placed }))
    .default([]),
});
export type SelfEvalCase = z.infer<typeof SelfEvalCaseSchema>;

export function buildSelfEvaluation(c: SelfEvalCase): SelfEvaluation {
  let next = 3000;
  const at = (text: string, line?: number): SourceRef => ({ page: 1, line: line ?? next++, text });
  const money = (s: string | undefined): Figure | undefined => (s === undefined ? undefined : amount(s));
  const rate = (s: string | undefined): Figure | undefined =>
    s === undefined ? undefined : fig(s, 'percent');
  const points = (s: string | undefined): Figure | undefined =>
    s === undefined ? undefined : fig(s, 'point');
  return {
    scope: c.scope,
    budget: c.budget.map((b) => ({
      measure: b.measure,
      part: b.part,
      value: /rate$/.test(b.measure) ? fig(b.value, 'percent') : amount(b.value),
      source: at(`${b.measure} ${b.part} ${b.value}`, b.line),
    })),
    projects: c.projects.map((p) => ({
      name: p.name,
      initial: money(p.initial),
      adjustment:
        p.adjustment === undefined
          ? undefined
          : {
              direction: p.adjustment.startsWith('-') ? 'decrease' : 'increase',
              amount: amount(p.adjustment.replace(/^[+-]/, '')),
            },
      adjusted: money(p.adjusted),
      spent: money(p.spent),
      rate: rate(p.rate),
      source: at(p.name, p.line),
    })),
    indicators: c.indicators.map((r, i): IndicatorRow => ({
      group: r.group,
      table: r.table,
      index: i + 1,
      level2: r.level2,
      name: r.name,
      target: r.target === undefined ? undefined : target(r.target),
      actual: r.actual === undefined ? undefined : quantity(r.actual),
      completionRate: rate(r.rate),
      points: points(r.points),
      score: points(r.score),
      source: at(r.name, r.line),
    })),
    scores: c.scores.map((s) => ({
      indicator: s.indicator,
      points: points(s.points),
      score: fig(s.score, 'point'),
      rate: rate(s.rate),
      deduction: points(s.deduction),
      reason: s.reason,
      total: s.total,
      statedScope: s.statedScope,
      source: at(`${s.indicator} ${s.score}`, s.line),
    })),
    grade: c.grade ? { grade: c.grade, source: at(c.grade) } : undefined,
    counts: c.counts.map((n) => ({ subject: n.subject, count: n.count, source: at(n.subject, n.line) })),
    metrics: c.metrics.map((m) => ({
      subject: m.subject,
      period: m.period,
      quantity: quantity(m.value),
      source: at(`${m.subject} ${m.value}`, m.line),
    })),
  };
}

function fig(text: string, unit: Unit): Figure {
  const f = parseFigure(text.replace(/%$/, ''), unit);
  if (!f) throw new Error(`test case: "${text}" is not a number`);
  return f;
}

function amount(text: string): Figure {
  if (text.endsWith('万元')) return fig(text.slice(0, -2), 'wan-yuan');
  if (text.endsWith('元')) return fig(text.slice(0, -1), 'yuan');
  return fig(text, 'wan-yuan');
}

const COMPARATORS: readonly [string, Comparator][] = [
  ['>=', 'ge'],
  ['<=', 'le'],
  ['≥', 'ge'],
  ['≤', 'le'],
  ['>', 'gt'],
  ['<', 'lt'],
  ['=', 'eq'],
];

function target(text: string): { text: string; comparator: Comparator; quantity?: Quantity } {
  if (text === '定性') return { text, comparator: 'qualitative' };
  const hit = COMPARATORS.find(([sign]) => text.startsWith(sign));
  const rest = hit ? text.slice(hit[0].length) : text;
  return { text, comparator: hit?.[1] ?? 'eq', quantity: quantity(rest) };
}

const MULTIPLIER: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/** "74.2万份" → 742,000 份 standing for [741,500, 742,500]; "90%" → 90 percent. */
function quantity(text: string): Quantity {
  const money = /^(-?[\d,]+(?:\.\d+)?)(万元|亿元|元)$/.exec(text.trim());
  if (money) {
    const unit: Unit = money[2] === '元' ? 'yuan' : money[2] === '万元' ? 'wan-yuan' : 'yi-yuan';
    return { value: fig(money[1] ?? '', unit), measure: '' };
  }
  const m = /^(-?[\d,]+(?:\.\d+)?)(万|亿)?(.*)$/.exec(text.trim());
  if (!m) throw new Error(`test case: "${text}" is not a quantity`);
  const [, num = '', mult, rest = ''] = m;
  const measure = rest.trim();
  if (measure === '%') return { value: fig(num, 'percent'), measure: '%' };
  const base = fig(num, 'count');
  const shift = mult ? (MULTIPLIER[mult] ?? 0) : 0;
  return {
    value: { ...base, value: base.value * 10n ** BigInt(shift), decimals: base.decimals - shift },
    measure,
  };
}
