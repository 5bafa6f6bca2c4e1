import { parseFigure, type Figure, type Unit } from '#domain/quantity.ts';
import type {
  Comparator,
  IndicatorRow,
  IndicatorTarget,
  Quantity,
  SelfEvaluation,
  StatedScore,
} from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';
import type { CaseEvaluation } from './system.schema.ts';

function figure(text: string, unit: Unit): Figure {
  const f = parseFigure(text.trim(), unit);
  if (!f) throw new Error(`test case: "${text}" is not a number`);
  return f;
}

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(≥|>=)/, 'ge'],
  [/^(≤|<=)/, 'le'],
  [/^>/, 'gt'],
  [/^</, 'lt'],
  [/^=/, 'eq'],
];

/** "12.5%" → 12.5 percent; "89460人次" → 89460 count with measure 人次. */
function quantity(text: string): Quantity | undefined {
  const m = /^([+-]?[\d,]+(?:\.\d+)?)\s*(.*)$/.exec(text.trim());
  if (!m) return undefined;
  const [, num = '', rest = ''] = m;
  const percent = rest === '%';
  return { value: figure(num, percent ? 'percent' : 'count'), measure: percent ? '' : rest };
}

/** "≥80000", ">=90%", "<5%", "=1", "1" (read as ≥), or text (a qualitative target). */
function target(text: string): IndicatorTarget {
  const t = text.trim();
  for (const [re, comparator] of COMPARATORS) {
    const m = re.exec(t);
    if (m) {
      const q = quantity(t.slice(m[0].length));
      if (q) return { text: t, comparator, quantity: q };
    }
  }
  const q = quantity(t);
  return q ? { text: t, comparator: 'ge', quantity: q } : { text: t, comparator: 'qualitative' };
}

const TABLE: Record<IndicatorRow['group'], string> = {
  output: '产出指标完成情况表',
  outcome: '效益指标完成情况表',
  satisfaction: '满意度指标完成情况表',
  cost: '成本指标完成情况表',
};

/**
 * Builds a self-evaluation from an indicator system file's compact test case. Every item sits on page 1 with
 * a line of its own, so a result can be traced to the item it came from.
 */
export function buildCaseEvaluation(c: CaseEvaluation): SelfEvaluation {
  let line = 0;
  const src = (text: string): SourceRef => ({ page: 1, line: ++line, text });
  const indexInGroup = new Map<string, number>();
  const scores: StatedScore[] = c.scores.map((s) => ({
    indicator: s.indicator,
    score: figure(s.score, 'point'),
    points: s.points === undefined ? undefined : figure(s.points, 'point'),
    deduction: s.deduction === undefined ? undefined : figure(s.deduction, 'point'),
    reason: s.reason,
    total: s.indicator === '总分' ? true : undefined,
    statedScope: s.scope,
    source: src(`${s.indicator} ${s.score}`),
  }));
  if (c.total !== undefined) {
    scores.push({
      indicator: '总分',
      score: figure(c.total, 'point'),
      total: true,
      source: src(`总分 ${c.total}`),
    });
  }
  return {
    scope: c.scope,
    budget: c.budget.map((b) => ({
      measure: b.measure,
      part: b.part,
      value: figure(b.value, b.unit ?? (b.measure.endsWith('rate') ? 'percent' : 'wan-yuan')),
      source: src(`${b.measure} ${b.value}`),
    })),
    projects: [],
    indicators: c.indicators.map((r) => {
      const index = (indexInGroup.get(r.group) ?? 0) + 1;
      indexInGroup.set(r.group, index);
      return {
        group: r.group,
        table: TABLE[r.group],
        index,
        level2: r.level2,
        name: r.name,
        target: r.target === undefined ? undefined : target(r.target),
        actual: r.actual === undefined ? undefined : quantity(r.actual),
        completionRate: r.rate === undefined ? undefined : figure(r.rate, 'percent'),
        points: r.points === undefined ? undefined : figure(r.points, 'point'),
        score: r.score === undefined ? undefined : figure(r.score, 'point'),
        note: r.note,
        source: src(r.name),
      };
    }),
    scores,
    grade: c.grade === undefined ? undefined : { grade: c.grade, source: src(c.grade) },
    counts: [],
    metrics: c.metrics.map((m) => ({
      subject: m.subject,
      period: m.period,
      quantity: { value: figure(m.value, m.unit), measure: m.measure },
      source: src(`${m.subject} ${m.value}`),
    })),
  };
}
