import type { LocalizedText } from '#domain/finding.ts';
import {
  intervalOf,
  isMoney,
  overlaps,
  percentOf,
  sub,
  type Figure,
  type Interval,
} from '#domain/quantity.ts';
import type { SelfEvaluation } from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';
import { formatRounded } from './arith.ts';
import { subjectKey } from '#domain/indicator-names.ts';
import type { ComputedValue, InputUsed } from './report.ts';
import type { Indicator, InputBinding, ValueStep } from './system.schema.ts';

interface Found {
  figure: Figure;
  source: SourceRef;
}

/** The figure an input binding names, if the report states it. */
function findInput(binding: InputBinding, ev: SelfEvaluation): Found | undefined {
  if ('budget' in binding) {
    const b = ev.budget.find((x) => x.measure === binding.budget && x.part === binding.part);
    return b && { figure: b.value, source: b.source };
  }
  const keys = binding.metric.map(subjectKey);
  const kind = binding.kind;
  // Whole-year figures of the right kind only: a 1-10月 figure is not the year's.
  const candidates = ev.metrics.filter((x) => {
    const u = x.quantity.value.unit;
    const k = isMoney(u) ? 'money' : u === 'percent' ? 'percent' : u === 'count' ? 'count' : undefined;
    return x.period === undefined && k === kind;
  });
  // A subject that is the name itself beats one that merely contains it.
  const m =
    candidates.find((x) => keys.includes(subjectKey(x.subject))) ??
    candidates.find((x) => keys.some((k) => subjectKey(x.subject).includes(k)));
  return m && { figure: m.quantity.value, source: m.source };
}

/** Two figures in one unit, for a ratio: money converts, anything else must already agree. */
function common(a: Figure, b: Figure): [Interval, Interval] | undefined {
  if (a.unit === b.unit) return [intervalOf(a), intervalOf(b)];
  if (isMoney(a.unit) && isMoney(b.unit)) return [intervalOf(a, 'yuan'), intervalOf(b, 'yuan')];
  return undefined;
}

interface StepResult {
  interval: Interval;
  how: LocalizedText;
  inputs: InputUsed[];
}

function evalStep(step: ValueStep, ind: Indicator, found: Map<string, Found>): StepResult | undefined {
  const label = (n: string): LocalizedText => ind.inputs?.[n]?.label ?? { zh: n, en: n };
  const used = (n: string): InputUsed[] => {
    const f = found.get(n);
    return f ? [{ name: n, figure: f.figure, source: f.source }] : [];
  };
  if ('input' in step) {
    const f = found.get(step.input);
    if (!f || f.figure.unit !== 'percent') return undefined;
    const l = label(step.input);
    return {
      interval: intervalOf(f.figure),
      how: { zh: `所报${l.zh}`, en: `the stated ${l.en}` },
      inputs: used(step.input),
    };
  }
  const [an, bn] = 'ratio' in step ? step.ratio : step.change;
  const a = found.get(an);
  const b = found.get(bn);
  if (!a || !b) return undefined;
  const pair = common(a.figure, b.figure);
  if (!pair) return undefined;
  const [ai, bi] = pair;
  const la = label(an);
  const lb = label(bn);
  const interval = 'ratio' in step ? percentOf(ai, bi) : percentOf(sub(ai, bi), bi);
  if (!interval) return undefined;
  const how =
    'ratio' in step
      ? { zh: `${la.zh} ÷ ${lb.zh} × 100%`, en: `${la.en} ÷ ${lb.en} × 100%` }
      : { zh: `（${la.zh} − ${lb.zh}）÷ ${lb.zh} × 100%`, en: `(${la.en} − ${lb.en}) ÷ ${lb.en} × 100%` };
  return { interval, how, inputs: [...used(an), ...used(bn)] };
}

export interface ValueOutcome {
  value?: Omit<ComputedValue, 'region'>;
  notes: LocalizedText[];
}

/**
 * A computed indicator's value (percent) by the first of its steps whose inputs the report states. Later
 * steps that can also be computed are cross-checked: a stated rate that disagrees with the amounts is noted.
 */
export function computeValue(ind: Indicator, ev: SelfEvaluation): ValueOutcome {
  const found = new Map<string, Found>();
  for (const [name, binding] of Object.entries(ind.inputs ?? {})) {
    const f = findInput(binding, ev);
    if (f) found.set(name, f);
  }
  const results = (ind.value ?? []).map((s) => evalStep(s, ind, found)).filter((r) => r !== undefined);
  const [first, ...others] = results;
  if (!first) {
    const missing = Object.entries(ind.inputs ?? {})
      .filter(([n]) => !found.has(n))
      .map(([, b]) => b.label);
    return {
      notes: [
        {
          zh: `报告未给出计算所需数字${missing.length ? `（缺${missing.map((m) => m.zh).join('、')}）` : ''}`,
          en: `the report gives no figures to compute it${missing.length ? ` (missing: ${missing.map((m) => m.en).join(', ')})` : ''}`,
        },
      ],
    };
  }
  const notes: LocalizedText[] = [];
  for (const o of others) {
    if (!overlaps(o.interval, first.interval)) {
      notes.push({
        zh: `${o.how.zh} 为 ${formatRounded(o.interval, 2)}%，与 ${first.how.zh} 的 ${formatRounded(first.interval, 2)}% 不符`,
        en: `${o.how.en} is ${formatRounded(o.interval, 2)}%, not the ${formatRounded(first.interval, 2)}% of ${first.how.en}`,
      });
    }
  }
  return { value: first, notes };
}
