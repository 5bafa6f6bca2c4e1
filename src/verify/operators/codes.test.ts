import { describe, expect, it } from 'vitest';
import { loadCodeTables } from '#adapters/rulesets.ts';
import { buildCaseDocument } from '../case-document.ts';
import { makeContext } from '../context.ts';
import { evaluate } from '../evaluate.ts';
import { RuleSchema } from '../rule.schema.ts';

const rule = RuleSchema.parse({
  id: 'fa.codes.known',
  op: 'codes-known',
  category: 'classification',
  severity: 'warning',
  title: { zh: '科目编码', en: 'codes' },
});

describe('codes-known', () => {
  it('reports a code unknown in several tables once, with evidence in each table', () => {
    const doc = buildCaseDocument({
      kind: 'final-accounts',
      tables: {
        t2: { '201': { '1': '1.00' }, '20199': { '1': '1.00' }, '2019998': { '1': '1.00' } },
        t3: { '201': { '1': '1.00' }, '20199': { '1': '1.00' }, '2019998': { '1': '1.00' } },
      },
      emptyTables: [],
      claims: [],
      lines: [],
      codes: [
        { table: 't2', code: '201', label: '一般公共服务支出' },
        { table: 't3', code: '201', label: '一般公共服务支出' },
        { table: 't2', code: '20199', label: '其他一般公共服务支出' },
        { table: 't3', code: '20199', label: '其他一般公共服务支出' },
        { table: 't2', code: '2019998', label: '某项' },
        { table: 't3', code: '2019998', label: '某项' },
      ],
    });
    const { findings, outcomes } = evaluate([rule], makeContext(doc, undefined, loadCodeTables()));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message.zh).toMatch(/表2.*表3.*2019998/);
    expect(findings[0]?.evidence.map((e) => e.table)).toEqual(['t2', 't3']);
    expect(outcomes.filter((o) => o.status === 'passed')).toHaveLength(4);
  });
});
