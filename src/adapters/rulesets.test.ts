import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodeTables, loadRuleFiles, loadRules } from './rulesets.ts';

describe('rulesets loader', () => {
  it('reads the same rules with or without the test cases', () => {
    const full = loadRuleFiles('final-accounts').flatMap((f) => f.rules);
    expect(full.length).toBeGreaterThan(50);
    expect(loadRules('final-accounts')).toEqual(full);
  });

  it('refuses a rule naming an unknown operator, with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-rules-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'rules:\n  - { id: x.y.z, op: nope, category: table-sum, severity: error, title: { zh: 甲, en: a } }\ncases:\n  - { name: n, document: {}, expect: { x.y.z: passed } }\n',
    );
    expect(() => loadRules('x', dir)).toThrow(/bad\.yaml.*unknown op "nope"/);
    expect(() => loadRuleFiles('x', dir)).toThrow(/bad\.yaml.*unknown op "nope"/);
  });

  it('loads the classification code tables', () => {
    const codes = loadCodeTables();
    expect(codes.functional.get('2010301')?.name).toBe('行政运行');
    expect(codes.economic.get('30101')?.name).toBe('基本工资');
  });
});
