import { describe, expect, it } from 'vitest';
import { parseFigure } from '#domain/quantity.ts';
import {
  amountText,
  changeText,
  chineseNumeral,
  completionText,
  percentText,
  phrase,
  reasonSentence,
  roundCents,
  shareText,
  wan,
  type Wan,
} from './phrasing.ts';

/** "3193.39" → exact 万元. */
function w(text: string): Wan {
  const f = parseFigure(text, 'wan-yuan');
  if (!f) throw new Error(text);
  return f.value;
}

const prior = (v: string) => ({ value: w(v), label: '上年决算数' });
const initial = (v: string) => ({ value: w(v), label: '年初预算数' });

describe('amounts', () => {
  it.each([
    ['3193.39', '3,193.39'],
    ['0', '0'],
    ['0.00', '0'],
    ['0.004', '0'],
    ['0.005', '0.01'],
    ['1157.125', '1,157.13'],
    ['1234567.8', '1,234,567.80'],
    ['-2.5', '-2.50'],
  ])('%s prints %s', (value, printed) => {
    expect(amountText(w(value))).toBe(printed);
  });

  it('carries its unit', () => {
    expect(wan(w('47.89'))).toBe('47.89万元');
    expect(wan(0n)).toBe('0万元');
  });

  it('rounds half away from zero to 0.01', () => {
    expect(roundCents(w('1.005'))).toBe(w('1.01'));
    expect(roundCents(w('-1.005'))).toBe(w('-1.01'));
    expect(roundCents(w('1.0049999'))).toBe(w('1.00'));
  });
});

describe('percentages', () => {
  it.each([
    ['3223.25', '6416.64', '50.2'],
    ['189.43', '2225.69', '8.5'],
    ['594.33', '2599.06', '22.9'],
    ['6.78', '10.55', '64.3'],
    ['1.72', '1.72', '100'],
    ['0', '6.78', '0'],
    ['4.84', '1.94', '249.5'],
    ['4.8398', '1.9438', '249'], // 248.99…: one decimal gives 249.0, printed 249
    ['1', '8', '12.5'], // exactly half a tenth: up
    ['1', '16', '6.3'], // 6.25 → 6.3
    ['1', '3', '33.3'],
    ['2', '3', '66.7'],
    ['-3', '4', '75'], // a magnitude
  ])('%s of %s is %s%%', (num, den, printed) => {
    expect(percentText(w(num), w(den))).toBe(printed);
  });

  it('has no value over a base that is not positive', () => {
    expect(percentText(w('1'), 0n)).toBeUndefined();
    expect(percentText(w('1'), w('-2'))).toBeUndefined();
  });
});

describe('changes', () => {
  it.each([
    ['3193.39', prior('6416.64'), '比上年决算数减少3,223.25万元，下降50.2%'],
    ['6.78', prior('1.94'), '比上年决算数增加4.84万元，增长249.5%'],
    ['3193.39', initial('2599.06'), '比年初预算数增加594.33万元，增长22.9%'],
    ['12.00', prior('12'), '与上年决算数持平'],
    ['0', prior('0'), '与上年决算数持平'],
    ['0', initial('0'), '与年初预算数持平'],
    ['5.06', prior('0'), '比上年决算数增加5.06万元，增长--（基数为0，不可比）'],
    ['5.06', prior('0.004'), '比上年决算数增加5.06万元，增长--（基数为0，不可比）'],
    ['0', prior('2.5'), '比上年决算数减少2.50万元，下降100%'],
    ['1.003', prior('1.001'), '与上年决算数持平'], // a change that prints as 0
    ['3', prior('-2'), '比上年决算数增加5.00万元'], // a negative base has no rate
  ])('%s against %o', (current, base, text) => {
    expect(changeText(w(current), base)).toBe(text);
  });

  it('names another year as the template does', () => {
    expect(changeText(w('2'), { value: w('1'), label: '2022年度决算数' })).toBe(
      '比2022年度决算数增加1.00万元，增长100%',
    );
  });
});

describe('completion rates', () => {
  it.each([
    ['6.78', '10.55', '全年预算', '完成全年预算10.55万元的64.3%'],
    ['5.06', '8.84', '预算', '完成预算8.84万元的57.2%'],
    ['1.72', '1.72', '预算', '完成预算1.72万元的100%'],
    ['0', '0', '预算', '完成预算0万元的--%（基数为0，不可比）'],
    ['0', '0', '全年预算', '完成全年预算0万元的--%（基数为0，不可比）'],
    ['3', '0', '预算', '完成预算0万元的--%（基数为0，不可比）'],
    ['12', '10', '预算', '完成预算10.00万元的120%'],
  ] as const)('%s of %s (%s)', (actual, budget, label, text) => {
    expect(completionText(w(actual), w(budget), label)).toBe(text);
  });

  it('states none against a negative budget', () => {
    expect(completionText(w('1'), w('-1'), '预算')).toBeUndefined();
  });
});

describe('shares', () => {
  it.each([
    ['5.06', '6.78', '74.6%'],
    ['1.72', '6.78', '25.4%'],
    ['0', '6.78', '0%'],
    ['193.32', '193.32', '100%'],
    ['0', '0', '0%'], // 0 of 0: as the template prints it
  ])('%s of %s is %s', (part, total, text) => {
    expect(shareText(w(part), w(total))).toBe(text);
  });

  it('states none of a zero total with a part, nor of a negative part', () => {
    expect(shareText(w('1'), 0n)).toBeUndefined();
    expect(shareText(w('-1'), w('5'))).toBeUndefined();
  });
});

describe("the dataset's words", () => {
  it.each([
    ['政务信息化项目经费减少。', '政务信息化项目经费减少'],
    ['  一是经费减少；二是人员减少；  ', '一是经费减少；二是人员减少'],
    ['', undefined],
    ['   ', undefined],
    ['。', undefined],
    ['……', undefined],
    ['XX', undefined],
    ['主要是XX项目经费增加', undefined],
    ['×××', undefined],
    ['待补充', undefined],
    ['无', undefined],
    ['无。', undefined],
    [undefined, undefined],
  ])('%o → %o', (text, out) => {
    expect(phrase(text)).toBe(out);
  });

  it('makes a reason sentence only from a reason', () => {
    expect(reasonSentence('主要变动情况', '人员减少')).toBe('主要变动情况：人员减少。');
    expect(reasonSentence('主要原因', '厉行节约。')).toBe('主要原因：厉行节约。');
    expect(reasonSentence('主要变动情况', 'XXX')).toBeUndefined();
    expect(reasonSentence('主要变动情况', undefined)).toBeUndefined();
  });
});

describe('numerals', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [26, '二十六'],
  ])('%i → %s', (n, s) => {
    expect(chineseNumeral(n)).toBe(s);
  });

  it('refuses what it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });
});
