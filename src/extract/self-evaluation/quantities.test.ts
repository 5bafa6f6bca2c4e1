import { describe, expect, it } from 'vitest';
import { parseQuantity, scanQuantities, scanText, type TokenKind } from './quantities.ts';

/** kind, printed text, value in whole units (×10^12 dropped), decimals, unit, measure, approx. */
type Row = [TokenKind, string, bigint, number, string, string, string?];

function scan(text: string): Row[] {
  return scanQuantities(scanText(text)).map((t) => {
    const q = t.quantity;
    const row: Row = [
      t.kind,
      q.value.text,
      q.value.value / 10n ** 12n,
      q.value.decimals,
      q.value.unit,
      q.measure,
    ];
    if (q.approx) row.push(q.approx);
    return row;
  });
}

describe('scanQuantities', () => {
  it.each<[string, Row[]]>([
    ['业务受理量 163.37 万件', [['quantity', '163.37万', 1_633_700n, -2, 'count', '件']]],
    ['共承办热线工单 19.1万余宗', [['quantity', '19.1万', 191_000n, -3, 'count', '宗', 'over']]],
    ['提供 700多项服务', [['quantity', '700', 700n, 0, 'count', '项', 'over']]],
    ['接待服务群众超9.72万人次', [['quantity', '9.72万', 97_200n, -2, 'count', '人次', 'over']]],
    ['近467.2万条数据', [['quantity', '467.2万', 4_672_000n, -3, 'count', '条', 'under']]],
    ['日均浏览量约 6.57 万人次', [['quantity', '6.57万', 65_700n, -2, 'count', '人次', 'about']]],
    ['发布信息 17,889 条', [['quantity', '17,889', 17_889n, 0, 'count', '条']]],
    ['政府采购支出总额 1,799.58 万元', [['quantity', '1,799.58', 1_799n, 2, 'wan-yuan', '']]],
    ['年初预算 2655.11元', [['quantity', '2655.11', 2_655n, 2, 'yuan', '']]],
    ['公用经费控制率-0.13%', [['quantity', '-0.13', 0n, 2, 'percent', '']]],
    ['占政府采购支出总额的 66.87 %', [['quantity', '66.87', 66n, 2, 'percent', '']]],
    ['年度热线考核评分为 105.37 分', [['quantity', '105.37', 105n, 2, 'point', '分']]],
    ['办理时长为 0.61 个工作日', [['quantity', '0.61', 0n, 2, 'count', '个工作日']]],
    ['服务 １２３ 件', [['quantity', '123', 123n, 0, 'count', '件']]],
  ])('%s', (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it.each<[string, TokenKind[]]>([
    ['2023年1-10月', ['date', 'date']],
    ['2022-2023年度', ['date']],
    ['已在 2022 年 5 月 30 日完成', ['date', 'date', 'date']],
    ['“10·22”疫情', ['date', 'date']],
    ['排名第 2名', ['ordinal']],
    ['广州 12345 热线、5G、数字政府2.0、“7+2”底座', ['bare', 'bare', 'bare', 'bare', 'bare']],
    ['《某区 12345 热线 2021 年度分析报告》', ['title', 'title']],
    ['预算金额超过1000万元(含)的项目', ['threshold']],
    ['近 3个月未登录', ['duration']],
    ['琶洲分中心', []],
  ])('classifies %s', (text, kinds) => {
    expect(scanQuantities(scanText(text)).map((t) => t.kind)).toEqual(kinds);
  });

  it('keeps offsets of the token and of its number', () => {
    const [t] = scanQuantities('群众超9.72万人次,办件');
    expect(t).toMatchObject({ start: 2, at: 3, end: 10 });
  });

  it('reads a Latin measure word and a measure in brackets only in table cells', () => {
    expect(scanQuantities('带宽2200M')[0]?.kind).toBe('bare');
    expect(scanQuantities('带宽2200M', { cell: true })[0]?.quantity.measure).toBe('M');
    expect(scanQuantities('≥80.00(%)')[0]?.quantity.value.unit).toBe('count');
    expect(scanQuantities('≥80.00(%)', { cell: true })[0]?.quantity.value.unit).toBe('percent');
    const [visits] = scanQuantities('=5.00(万人次)', { cell: true });
    expect(visits?.quantity).toMatchObject({ measure: '人次', value: { text: '5.00万', decimals: -2 } });
    expect(scanQuantities('设备(不含车辆)6(台)', { cell: true })[0]?.quantity.measure).toBe('台');
  });
});

describe('parseQuantity', () => {
  it('reads the one quantity of a cell, bare numbers included', () => {
    expect(parseQuantity('74.2 万份')?.quantity.value).toMatchObject({ text: '74.2万', decimals: -3 });
    expect(parseQuantity('20000')?.quantity.value.value).toBe(20_000n * 10n ** 12n);
  });
  it('gives nothing for a cell with no number or with several', () => {
    expect(parseQuantity('完成')).toBeUndefined();
    expect(parseQuantity('197 路,118 路')).toBeUndefined();
  });
});
