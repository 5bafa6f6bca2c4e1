import { describe, expect, it } from 'vitest';
import { loadIndicatorSystemFiles } from '#adapters/indicator-systems.ts';
import { buildCaseEvaluation } from './case-evaluation.ts';
import { scoreEvaluation } from './engine.ts';

// Every indicator system file carries its own cases; this one test runs them all, so adding a system is
// adding one data file.
const files = loadIndicatorSystemFiles();

describe.each(files.map((f) => [f.path, f] as const))('%s', (_path, file) => {
  it('has a case for every indicator', () => {
    const covered = new Set(file.cases.flatMap((c) => Object.keys(c.expect.indicators)));
    expect(file.indicators.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(file.cases.map((c) => [c.name, c] as const))('case: %s', (_name, c) => {
    const report = scoreEvaluation(buildCaseEvaluation(c.evaluation), file, {
      notApplicable: c.options.not_applicable,
      reverse: c.options.reverse,
    });
    const byId = new Map(report.indicators.map((r) => [r.id, r]));
    for (const [id, want] of Object.entries(c.expect.indicators)) {
      const got = byId.get(id);
      expect(got, `no indicator ${id}`).toBeDefined();
      expect({ id, status: got?.status, notes: got?.notes.map((n) => n.en) }).toMatchObject({
        id,
        status: want,
      });
    }
    for (const [id, want] of Object.entries(c.expect.scores)) {
      const used = byId.get(id)?.used?.score;
      expect(used, `no score for ${id}`).toBeDefined();
      expect({ id, within: used !== undefined && used.lo <= want && want <= used.hi }).toEqual({
        id,
        within: true,
      });
    }
    if (c.expect.total) expect(report.total.status).toBe(c.expect.total);
    if (c.expect.total_score !== undefined) {
      const t = report.total.recomputed;
      expect(t !== undefined && t.lo <= c.expect.total_score && c.expect.total_score <= t.hi).toBe(true);
    }
    if (c.expect.grade) expect(report.grade.status).toBe(c.expect.grade);
    if (c.expect.unmatched)
      expect(report.unmatched.map((u) => u.printed).sort()).toEqual([...c.expect.unmatched].sort());
    if (c.expect.cannot_support) {
      expect(
        report.cannotSupport
          .map((u) => `${u.indicator}${u.row === undefined ? '' : `#${u.row}`}: ${u.reason}`)
          .sort(),
      ).toEqual([...c.expect.cannot_support].sort());
    }
  });
});
