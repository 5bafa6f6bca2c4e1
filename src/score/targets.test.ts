import { describe, expect, it } from 'vitest';
import { formatInterval, parseFigure, point, type Figure, type Unit } from '#domain/quantity.ts';
import type { Comparator, IndicatorRow, Quantity } from '#domain/self-evaluation.ts';
import { dec } from './arith.ts';
import { scoreNumeric, scoreRow, type TargetParams } from './targets.ts';

const PARAMS: TargetParams = {
  reverse: 'ratio',
  qualitative: {
    met: [dec('0.8'), dec('1')],
    'partly-met': [dec('0.6'), dec('0.8')],
    'not-met': [dec('0'), dec('0.6')],
  },
};

function fig(text: string, unit: Unit): Figure {
  const f = parseFigure(text, unit);
  if (!f) throw new Error(text);
  return f;
}

function qty(text: string, approx?: Quantity['approx']): Quantity {
  const percent = text.endsWith('%');
  return {
    value: fig(percent ? text.slice(0, -1) : text, percent ? 'percent' : 'count'),
    measure: '',
    approx,
  };
}

function row(comparator: Comparator, target: string, extra: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    group: 'output',
    table: '产出指标完成情况表',
    name: '指标',
    target: { text: target, comparator, quantity: comparator === 'qualitative' ? undefined : qty(target) },
    source: { page: 1, line: 1, text: '' },
    ...extra,
  };
}

const show = (s: { score?: { lo: bigint; hi: bigint } }) => (s.score ? formatInterval(s.score, 4) : 'none');

describe('per-target functions', () => {
  it.each([
    // [function, comparator, actual, target, weight, score]
    ['positive', 'ge', '80', '100', '10', '8.0000'],
    ['positive', 'ge', '120', '100', '10', '10.0000'],
    ['positive', 'gt', '100', '100', '10', '10.0000'],
    ['equal', 'eq', '0', '0', '5', '5.0000'],
    ['equal', 'eq', '1', '0', '5', '0.0000'],
    ['equal', 'eq', '50', '100', '5', '2.5000'],
    ['reverse-ratio', 'le', '125', '100', '20', '16.0000'],
    ['reverse-ratio', 'le', '90', '100', '20', '20.0000'],
    ['reverse-linear', 'le', '125', '100', '20', '15.0000'],
    ['reverse-linear', 'le', '200', '100', '20', '0.0000'],
    ['reverse-linear', 'lt', '250', '100', '20', '0.0000'],
  ] as const)('%s %s: a=%s t=%s w=%s → %s', (fn, c, a, t, w, want) => {
    const r = scoreNumeric(fn, c, point(dec(a)), dec(t), point(dec(w)));
    expect(formatInterval(r.score, 4)).toBe(want);
  });

  it('scores a printed actual over its rounding interval and says when met is undecidable', () => {
    // 99.6% printed as "99.6" against ≥100%: [99.55, 99.65] → [9.955, 9.965] of 10.
    const r = scoreNumeric(
      'positive',
      'ge',
      { lo: dec('99.55'), hi: dec('99.65') },
      dec('100'),
      point(dec('10')),
    );
    expect(formatInterval(r.score, 3)).toBe('9.955～9.965');
    expect(r.met).toBe('no');
    const edge = scoreNumeric(
      'positive',
      'ge',
      { lo: dec('99.5'), hi: dec('100.5') },
      dec('100'),
      point(dec('10')),
    );
    expect(edge.met).toBe('unknown');
  });

  it('counts a negative actual as zero', () => {
    expect(
      formatInterval(scoreNumeric('positive', 'ge', point(dec('-5')), dec('10'), point(dec('4'))).score, 2),
    ).toBe('0.00');
  });
});

describe('scoreRow', () => {
  const w = point(dec('10'));

  it('compares a count exactly and a percentage by its interval', () => {
    expect(show(scoreRow(row('ge', '10', { actual: qty('10') }), w, PARAMS))).toBe('10.0000');
    expect(show(scoreRow(row('ge', '90%', { actual: qty('81%') }), w, PARAMS))).toBe('8.9444～9.0556');
  });

  it('falls back to the printed completion rate and says so', () => {
    const r = scoreRow(row('ge', '5%', { completionRate: fig('80', 'percent') }), w, PARAMS);
    expect(r.basis).toBe('completion-rate');
    expect(show(r)).toBe('7.9500～8.0500');
    expect(r.notes[0]?.en).toMatch(/printed completion rate 80%/);
  });

  it('reads a rate printed at 100% or more as met, and cannot score a missed ≤ target from a rate', () => {
    expect(scoreRow(row('lt', '5%', { completionRate: fig('100', 'percent') }), w, PARAMS)).toMatchObject({
      met: 'yes',
      score: point(dec('10')),
    });
    const r = scoreRow(row('le', '5%', { completionRate: fig('90', 'percent') }), w, PARAMS);
    expect(r.score).toBeUndefined();
    expect(r.met).toBe('no');
  });

  it('does not compare a percentage with a count', () => {
    const r = scoreRow(row('ge', '90%', { actual: qty('95') }), w, PARAMS);
    expect(r.basis).toBeUndefined();
    expect(r.score).toBeUndefined();
  });

  it('treats 超 (over) as at least the number', () => {
    const r = scoreRow(row('ge', '100', { actual: qty('90', 'over') }), w, PARAMS);
    expect(show(r)).toBe('9.0000～10.0000');
    expect(r.met).toBe('unknown');
  });

  it.each([
    ['部分达成年度指标并具有一定效果', 'partly-met', '6.0000～8.0000'],
    ['未达成年度指标且效果较差', 'not-met', '0.0000～6.0000'],
    ['已完成', 'met', '8.0000～10.0000'],
  ] as const)('scores a qualitative row in its band: %s', (note, outcome, band) => {
    const r = scoreRow(row('qualitative', '效果明显', { note }), w, PARAMS);
    expect(r.outcome).toBe(outcome);
    expect(show(r)).toBe(band);
  });

  it('cannot score a qualitative row without its outcome', () => {
    const r = scoreRow(row('qualitative', '效果明显'), w, PARAMS);
    expect(r.score).toBeUndefined();
    expect(r.notes[0]?.zh).toMatch(/未写明达成情况/);
  });
});
