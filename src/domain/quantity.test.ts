import { describe, expect, it } from 'vitest';
import { formatFixed, intervalOf, overlaps, parseFigure, percentOf, sum, type Figure } from './quantity.ts';

const fig = (t: string, unit: Figure['unit'] = 'wan-yuan'): Figure => {
  const f = parseFigure(t, unit);
  if (!f) throw new Error(t);
  return f;
};

describe('parseFigure', () => {
  it.each([
    ['3,193.39', 319339n * 10n ** 10n, 2],
    ['0', 0n, 0],
    ['-12.5', -125n * 10n ** 11n, 1],
    ['1940.68', 194068n * 10n ** 10n, 2],
  ])('%s', (text, value, decimals) => {
    expect(fig(text)).toMatchObject({ value, decimals });
  });
  it.each(['1,94.0', '12a', '', '1.2.3', '--'])('rejects %j', (t) => {
    expect(parseFigure(t, 'yuan')).toBeUndefined();
  });
});

describe('intervals', () => {
  it('a printed figure stands for half a step either side', () => {
    const i = intervalOf(fig('1,940.68'));
    expect(formatFixed(i.lo, 3)).toBe('1,940.675');
    expect(formatFixed(i.hi, 3)).toBe('1,940.685');
  });
  it('converts 万元 to 元 exactly', () => {
    const i = intervalOf(fig('1.23'), 'yuan');
    expect([i.lo, i.hi]).toEqual([12_250n * 10n ** 12n, 12_350n * 10n ** 12n]);
  });
  it('three parts rounded independently can miss their total by 0.01 without error', () => {
    const parts = sum(['33.33', '33.33', '33.33'].map((t) => intervalOf(fig(t))));
    expect(overlaps(parts, intervalOf(fig('100.00')))).toBe(true);
    expect(overlaps(parts, intervalOf(fig('100.03')))).toBe(false);
  });
  it('a percentage interval covers every ratio of values inside the printed intervals', () => {
    const p = percentOf(intervalOf(fig('6.78')), intervalOf(fig('10.55')));
    expect(p).toBeDefined();
    if (!p) return;
    expect(overlaps(p, intervalOf(fig('64.3', 'percent')))).toBe(true);
    expect(overlaps(p, intervalOf(fig('64.5', 'percent')))).toBe(false);
  });
  it('rounds half up when printing', () => {
    expect(formatFixed(2_675n * 10n ** 9n, 2)).toBe('2.68');
    expect(formatFixed(-2_675n * 10n ** 9n, 2)).toBe('-2.68');
    expect(formatFixed(1234567n * 10n ** 12n, 0)).toBe('1,234,567');
  });
});

describe('formatFixed at negative decimals', () => {
  it('rounds to tens of thousands and prints the whole number', () => {
    expect(formatFixed(742_000n * 10n ** 12n, -3)).toBe('742,000');
    expect(formatFixed(741_600n * 10n ** 12n, -3)).toBe('742,000');
    expect(formatFixed(-80_000n * 10n ** 12n, -4, false)).toBe('-80000');
  });
});
