import { describe, expect, it } from 'vitest';
import type { RawDocument } from '#domain/raw-document.ts';
import { detectIdentity } from './identity.ts';

function doc(...lines: string[]): RawDocument {
  return {
    format: 'text',
    pages: [
      {
        number: 1,
        width: 0,
        height: 0,
        lines: lines.map((text, i) => ({
          page: 1,
          line: i + 1,
          text,
          cells: [{ text, x0: 0, x1: 1 }],
          y: i,
        })),
      },
    ],
  };
}

describe('detectIdentity', () => {
  it.each([
    [
      ['2024年度某区某某局 部门决算', '目 录'],
      { kind: 'final-accounts', fiscalYear: 2024, org: '某区某某局' },
    ],
    [
      ['某市某区财政局', '2024年度部门决算'],
      { kind: 'final-accounts', fiscalYear: 2024, org: '某市某区财政局' },
    ],
    [
      ['某区某某局2023年度部门整体支出绩效自评报告'],
      { kind: 'self-evaluation', fiscalYear: 2023, org: '某区某某局' },
    ],
    [['某街道办事处', '2025年部门预算'], { kind: 'budget', fiscalYear: 2025, org: '某街道办事处' }],
    [['会议纪要'], { kind: 'unknown', fiscalYear: undefined, org: undefined }],
  ])('%j', (lines, want) => {
    expect(detectIdentity(doc(...lines))).toEqual(want);
  });
  it('prefers the 部门： line of table headers for the organisation', () => {
    expect(detectIdentity(doc('2024年度 部门决算', '部门：某区某某局', '部门：某区某某局')).org).toBe(
      '某区某某局',
    );
  });
});

describe('detectIdentity on table headers', () => {
  it('does not take the unit line "单位：万元" for an organisation', () => {
    expect(detectIdentity(doc('某市某区财政局', '2024年度部门决算', '单位：万元', '单位：万元')).org).toBe(
      '某市某区财政局',
    );
  });
  it('reads "部门：… 单位：万元" printed on one line', () => {
    expect(detectIdentity(doc('2024年度 部门决算', '部门：某区某某局 单位：万元')).org).toBe('某区某某局');
  });
});

describe('detectIdentity on wrapped titles', () => {
  it.each([
    [['上海市某区规划和自然', '资源局', '2024 年度部门决算'], '上海市某区规划和自然资源局'],
    [['中共上海市某区委', '社会工作部 2024 年度', '部门决算'], '中共上海市某区委社会工作部'],
    [['说明：本文件为示例。', '2024年度某区某某局 部门决算'], '某区某某局'],
  ])('%j', (lines, org) => {
    expect(detectIdentity(doc(...lines)).org).toBe(org);
  });
});

describe('detectIdentity: a title over three lines with a second name in brackets', () => {
  it('takes the first name and stops at the line naming the kind', () => {
    expect(
      detectIdentity(
        doc(
          ' 2023 年度广州市某区某某数据管理局',
          '（某开发区某某数据管理局）部门',
          '整体支出绩效自评报告',
          '一、基本情况',
        ),
      ),
    ).toEqual({ kind: 'self-evaluation', fiscalYear: 2023, org: '广州市某区某某数据管理局' });
  });
});

describe('detectIdentity: fiscal year', () => {
  it('takes the year from the title line, not from a dated note above it', () => {
    expect(detectIdentity(doc('本文件于2025年8月公开', '2024年度某区某某局部门决算')).fiscalYear).toBe(2024);
  });
});

describe('detectIdentity: budgets and attachments', () => {
  it.each([
    [
      ['上海市某区2025年区级部门预算', '预算主管部门:上海市某区某某局'],
      { kind: 'budget', fiscalYear: 2025, org: '上海市某区某某局' },
    ],
    [
      ['某市2025年市级单位预算', '预算单位:某市某某局'],
      { kind: 'budget', fiscalYear: 2025, org: '某市某某局' },
    ],
    [
      ['附件 2', '2023年度某区某某局', '部门整体支出绩效自评报告'],
      { kind: 'self-evaluation', fiscalYear: 2023, org: '某区某某局' },
    ],
    [
      ['# 2022年度某区某某局 部门整体支出绩效自评报告'],
      { kind: 'self-evaluation', fiscalYear: 2022, org: '某区某某局' },
    ],
  ])('%j', (lines, want) => {
    expect(detectIdentity(doc(...lines))).toEqual(want);
  });
});
