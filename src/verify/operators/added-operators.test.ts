import { describe, expect, it } from 'vitest';
import type { CodeTables } from '../context.ts';
import { buildCaseDocument } from '../case-document.ts';
import { makeContext } from '../context.ts';
import { evaluate, validateRule } from '../evaluate.ts';
import { CaseDocumentSchema, RuleSchema, type Rule } from '../rule.schema.ts';

// Behaviour the rule files' own cases cannot show: messages, evidence, parameter validation, missing inputs.

const rule = (r: Record<string, unknown>): Rule =>
  RuleSchema.parse({
    id: 'test.rule',
    category: 'cross-table',
    severity: 'error',
    title: { zh: '测试', en: 'test' },
    ...r,
  });

const doc = (d: Record<string, unknown>) => buildCaseDocument(CaseDocumentSchema.parse(d));

const codes: CodeTables = {
  functional: new Map([
    ['201', { code: '201', name: '一般公共服务支出', level: 1 }],
    ['20103', { code: '20103', name: '政府办公厅（室）及相关机构事务', level: 2 }],
  ]),
  economic: new Map(),
};

describe('parameter validation', () => {
  it.each([
    [{ op: 'match-rows', left: { table: 't1', columns: [2] }, right: { table: 't3', columns: [1, 2] } }],
    [{ op: 'each-pair', pairs: [{ left: 't1[27]', right: 't2[total].c1' }] }],
    [{ op: 'each-column', columns: [2], left: 't4[59].c2', right: 't4[33..58].c{c}' }],
    [{ op: 'relation-when', left: 't3[total].c1', right: 't4[59].c2', when: [] }],
    [{ op: 'placeholders', patterns: ['[unclosed'] }],
  ])('rejects %j', (r) => {
    expect(validateRule(rule(r))).not.toEqual([]);
  });
});

describe('match-rows', () => {
  const r = rule({
    op: 'match-rows',
    left: { table: 't1', columns: [2] },
    right: { table: 't3', columns: [1] },
    mapping: { '31': '201' },
    exact: true,
  });
  it('names both cells, and reads an unprinted left row as zero against a printed right one', () => {
    const { findings } = evaluate(
      [r],
      makeContext(doc({ tables: { t1: {}, t3: { '201': { '1': '5.00' } } } })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message.zh).toContain('表3 支出决算表「201」栏1');
    expect(findings[0]?.message.zh).toContain('表1 收入支出决算总表「31」栏2（第1页）（未列示）');
    expect(findings[0]?.evidence.map((e) => [e.table, e.row, e.column])).toEqual([['t3', '201', 1]]);
  });
  it('states why a condition makes it not applicable', () => {
    const when = rule({ ...r, when: [{ zero: ['t1[29].c1'] }] });
    const ctx = makeContext(doc({ tables: { t1: { '29': { '1': '3.00' } }, t3: {} } }));
    const { outcomes } = evaluate([when], ctx);
    expect(outcomes).toEqual([
      {
        ruleId: 'test.rule',
        status: 'not-applicable',
        reason: {
          zh: '适用条件不成立：表1 收入支出决算总表「行29」栏1（第1页） 为 3.00，不为零',
          en: 'condition not met: Revenue and expenditure summary (t1), row "line 29", column 1 (page 1) is 3.00, not zero',
        },
      },
    ]);
  });
});

describe('codes-known', () => {
  const r = rule({ op: 'codes-known', category: 'classification', severity: 'warning' });
  const d = doc({
    tables: { t3: { '201': { '1': '1.00' }, '20103': { '1': '1.00' } } },
    codes: [{ table: 't3', code: '20103', label: '政府办公厅 (室) 及相关机构事务' }],
  });
  it('folds brackets and spaces when comparing names', () => {
    const { outcomes, findings } = evaluate([r], makeContext(d, undefined, codes));
    expect(findings).toEqual([]);
    expect(outcomes.map((o) => o.status)).toEqual(['passed', 'passed']);
  });
  it('is not applicable without code tables', () => {
    const { outcomes } = evaluate([r], makeContext(d));
    expect(outcomes).toEqual([
      {
        ruleId: 'test.rule',
        status: 'not-applicable',
        reason: { zh: '未加载科目编码表', en: 'no classification code tables loaded' },
      },
    ]);
  });
});

describe('hygiene', () => {
  const run = (op: string, lines: string[], extra: Record<string, unknown> = {}) =>
    evaluate([rule({ op, category: 'hygiene', severity: 'warning', ...extra })], makeContext(doc({ lines })));

  it('gives page, line and text as evidence', () => {
    const { findings } = run('percent-sign', ['标题', '项目支出比上年增长12.5，主要原因是…']);
    expect(findings.map((f) => f.evidence)).toEqual([
      [{ page: 1, line: 1001, text: '项目支出比上年增长12.5，主要原因是…' }],
    ]);
    expect(findings[0]?.message.zh).toBe('第1页第1001行：百分比“增长12.5”缺少“%”');
  });
  it.each([
    ['a sign on the next line', ['支出占比74.', '7%，其中…']],
    ['an amount, not a percentage', ['比上年增长3.20万元。']],
    ['a count', ['比上年增长2个百分点。']],
  ])('accepts %s', (_name, lines) => {
    expect(run('percent-sign', lines).findings).toEqual([]);
  });
  it('skips years used as comparison bases in headings', () => {
    const { findings, outcomes } = run('fiscal-year', [
      '2024年度示例局部门决算',
      '(一)与2023年度决算数对比',
      '二、2024年度财政拨款收入支出决算总体情况说明',
    ]);
    expect(findings).toEqual([]);
    expect(outcomes.map((o) => o.status)).toEqual(['passed', 'passed']);
  });
  it('accepts a header that adds the region the title leaves out', () => {
    const { findings } = run('org-name', [
      '荔湾区示例局2024年度部门决算',
      '部门:广州市荔湾区示例局\t单位:万元',
    ]);
    expect(findings).toEqual([]);
  });
});
