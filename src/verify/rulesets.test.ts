import { describe, expect, it } from 'vitest';
import { loadIndicatorSystems } from '#adapters/indicator-systems.ts';
import { loadCodeTables, loadRuleFiles } from '#adapters/rulesets.ts';
import { indicatorTree } from '#score/tree.ts';
import { buildCaseDocument } from './case-document.ts';
import { makeContext } from './context.ts';
import { evaluate } from './evaluate.ts';

// Every rule file carries its own cases; this one test runs them all, so adding a rule is adding data.
const files = [...loadRuleFiles('final-accounts'), ...loadRuleFiles('self-evaluation')];
const codes = loadCodeTables();
const indicatorTrees = loadIndicatorSystems().map(indicatorTree);

describe.each(files.map((f) => [f.path, f] as const))('%s', (_path, file) => {
  it('has a case for every rule', () => {
    const covered = new Set(file.cases.flatMap((c) => Object.keys(c.expect)));
    expect(file.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
  it.each(file.cases.map((c) => [c.name, c] as const))('case: %s', (_name, c) => {
    const doc = buildCaseDocument(c.document);
    const prior = c.prior ? buildCaseDocument(c.prior) : undefined;
    const related = c.related.map((r) => buildCaseDocument(r));
    const { outcomes } = evaluate(file.rules, {
      ...makeContext(doc, prior, codes, undefined, related),
      indicatorTrees,
    });
    for (const [ruleId, want] of Object.entries(c.expect)) {
      const mine = outcomes.filter((o) => o.ruleId === ruleId);
      const got = mine.some((o) => o.status === 'failed')
        ? 'failed'
        : mine.length > 0 && mine.every((o) => o.status === 'not-applicable')
          ? 'not-applicable'
          : mine.length > 0
            ? 'passed'
            : 'no outcome';
      expect({ ruleId, status: got }).toEqual({ ruleId, status: want });
    }
  });
});
