import { describe, expect, it } from 'vitest';
import type { Comparator } from '#domain/self-evaluation.ts';
import { cleanMarkup } from './markup.ts';
import { parseTarget } from './target.ts';

describe('parseTarget', () => {
  it.each<
    [string, Comparator, string | undefined, bigint | undefined, number | undefined, string | undefined]
  >([
    // printed, comparator, value text, value in units, decimals, measure
    ['8万以上', 'ge', '8万', 80_000n, -4, ''],
    ['900项以上', 'ge', '900', 900n, 0, '项'],
    ['20000', 'eq', '20000', 20_000n, 0, ''],
    ['100%', 'eq', '100', 100n, 0, ''],
    ['低于5%', 'lt', '5', 5n, 0, ''],
    ['低于 20%', 'lt', '20', 20n, 0, ''],
    ['≥10', 'ge', '10', 10n, 0, ''],
    ['>=90%', 'ge', '90', 90n, 0, ''],
    ['不低于95%', 'ge', '95', 95n, 0, ''],
    ['不高于 3 天', 'le', '3', 3n, 0, '天'],
    ['10 个以内', 'le', '10', 10n, 0, '个'],
    ['5 家以下', 'le', '5', 5n, 0, '家'],
    ['> 60', 'gt', '60', 60n, 0, ''],
    ['按时完成', 'qualitative', undefined, undefined, undefined, undefined],
  ])('%s', (printed, comparator, text, units, decimals, measure) => {
    const t = parseTarget(printed);
    expect(t.text).toBe(printed);
    expect(t.comparator).toBe(comparator);
    expect(t.quantity?.value.text).toBe(text);
    expect(t.quantity && t.quantity.value.value / 10n ** 12n).toBe(units);
    expect(t.quantity?.value.decimals).toBe(decimals);
    expect(t.quantity?.measure).toBe(measure);
  });

  it.each([
    ['$\\geq 5$', '≥5', 5n, ''],
    ['$>=2200$ M', '>=2200 M', 2200n, 'M'],
    ['$>=85\\%$', '>=85%', 85n, ''],
    ['$>=40000$ 0', '>=400000', 400_000n, ''],
  ])('reads the LaTeX remnant %s as %s', (raw, cleaned, units, measure) => {
    const t = parseTarget(cleanMarkup(raw));
    expect(t).toMatchObject({ text: cleaned, comparator: 'ge', quantity: { measure } });
    expect(t.quantity?.value.value).toBe(units * 10n ** 12n);
  });
});

describe('parseTarget on budget-form cells', () => {
  it.each([
    ['≥80.00(%)', 'ge', 'percent', ''],
    ['≥12.00(次)', 'ge', 'count', '次'],
    ['=5.00(万人次)', 'eq', 'count', '人次'],
    ['补贴对象生活改善度不低于 80%', 'ge', 'percent', ''],
    ['开展至少1次团体心理治疗', 'ge', 'count', '次'],
  ])('%s', (printed, comparator, unit, measure) => {
    const t = parseTarget(printed);
    expect([t.comparator, t.quantity?.value.unit, t.quantity?.measure]).toEqual([comparator, unit, measure]);
  });

  it('calls a cell with several numbers qualitative', () => {
    expect(parseTarget('慰问人数不少于 100人,宣传用品不少于 20000份').comparator).toBe('qualitative');
  });
});
