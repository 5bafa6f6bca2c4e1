import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import { parseFigure } from '#domain/quantity.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';
import { figuresOf, smeByCategory, type Procurement } from './figures.ts';
import type { Wan } from './phrasing.ts';

function seed(): Dataset {
  const json: unknown = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'fixtures', 'datasets', 'seed-004.json'), 'utf8'),
  );
  return DatasetSchema.parse(json);
}

function w(text: string): Wan {
  const f = parseFigure(text, 'wan-yuan');
  if (!f) throw new Error(text);
  return f.value;
}

describe('figuresOf', () => {
  it('reads cells, prior figures and initial budgets as exact 万元', () => {
    const f = figuresOf(seed());
    expect(f.cell('t1', '30', 1)).toBe(w('3193.39'));
    expect(f.cell('t3', 'total', 2)).toBe(w('2036.26'));
    expect(f.cell('t9', 'row', 7)).toBe(w('6.78'));
    expect(f.prior('income.general-budget')).toEqual({ value: w('6416.64'), label: '上年决算数' });
    expect(f.initialBudget('general-budget')).toEqual({ value: w('2599.06'), label: '年初预算数' });
  });

  it('has nothing for what the dataset does not hold', () => {
    const ds = seed();
    const f = figuresOf({ ...ds, prior: undefined, initialBudget: undefined });
    expect(f.cell('t1', '99', 1)).toBeUndefined();
    expect(f.cell('t1', '1', 2)).toBeUndefined();
    expect(f.prior('operating-cost')).toBeUndefined();
    expect(f.initialBudget('fund')).toBeUndefined();
    expect(f.amount(undefined)).toBeUndefined();
  });

  it('reads every cell of a table printed empty as 0', () => {
    const ds = seed();
    const f = figuresOf({ ...ds, tables: { ...ds.tables, t9: { empty: true, note: '本表无数据。' } } });
    expect(f.cell('t9', 'row', 7)).toBe(0n);
  });

  it('keeps 元 precision from a dataset in 元', () => {
    const ds = seed();
    const f = figuresOf({
      ...ds,
      unit: 'yuan',
      prior: { year: 2023, figures: { 'operating-cost': '499412.37' } },
    });
    expect(f.prior('operating-cost')?.value).toBe(w('49.941237'));
    expect(f.amount('12345')).toBe(w('1.2345'));
  });

  it('names the year when the comparison is not with the year before', () => {
    const ds = seed();
    const f = figuresOf({ ...ds, prior: { year: 2022, figures: { 'operating-cost': '1' } } });
    expect(f.prior('operating-cost')?.label).toBe('2022年度决算数');
  });
});

describe('smeByCategory', () => {
  const p = (o: Partial<Record<keyof Procurement, string>>): Procurement => {
    const get = (k: keyof Procurement) => (o[k] === undefined ? undefined : w(o[k]));
    return {
      goods: get('goods') ?? 0n,
      works: get('works') ?? 0n,
      services: get('services') ?? 0n,
      sme: get('sme') ?? 0n,
      smeGoods: get('smeGoods'),
      smeWorks: get('smeWorks'),
      smeServices: get('smeServices'),
    };
  };

  it.each([
    [
      'an SME total equal to the whole: every category wholly',
      p({ goods: '8.04', works: '0', services: '185.28', sme: '193.32' }),
      { goods: w('8.04'), works: 0n, services: w('185.28') },
    ],
    [
      'an SME total of 0: nothing anywhere',
      p({ goods: '5', works: '3', services: '2', sme: '0' }),
      { goods: 0n, works: 0n, services: 0n },
    ],
    [
      'a category of 0 awarded 0, the others unknown',
      p({ goods: '5', works: '0', services: '2', sme: '3' }),
      { works: 0n },
    ],
    [
      'the one unknown category is the rest',
      p({ goods: '5', works: '0', services: '2', sme: '3', smeGoods: '2' }),
      { goods: w('2'), works: 0n, services: w('1') },
    ],
    [
      'a rest that cannot be is left unknown',
      p({ goods: '5', works: '0', services: '2', sme: '4.5', smeGoods: '1' }),
      { goods: w('1'), works: 0n },
    ],
    [
      'given amounts are kept',
      p({ goods: '5', works: '3', services: '2', sme: '6', smeGoods: '4', smeWorks: '1', smeServices: '1' }),
      { goods: w('4'), works: w('1'), services: w('1') },
    ],
  ])('%s', (_name, input, out) => {
    expect(smeByCategory(input)).toEqual(out);
  });
});
