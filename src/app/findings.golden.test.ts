import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/compose.ts';
import { corpusAvailable, corpusFile, PROJECT_ROOT } from '#src/testing/corpus.ts';
import type { DocumentReport } from './check-documents.ts';
import { FINDINGS_CASES, formatFindingsGolden, goldenFindings, VERDICTS } from './findings-golden.ts';

interface Review {
  key: string;
  verdict: string;
  note: string;
}

const app = createApp();
const reports = new Map<string, DocumentReport>();

describe.skipIf(!corpusAvailable())('findings on the corpus (reviewed golden files)', () => {
  beforeAll(async () => {
    const results = await app.check(
      FINDINGS_CASES.map((c) => ({ path: c.file, bytes: readFileSync(corpusFile(c.file)) })),
    );
    for (const r of results) if (r.ok) reports.set(r.path, r);
  });

  describe.each(FINDINGS_CASES)('$name', ({ name, file }) => {
    const dir = join(PROJECT_ROOT, 'fixtures', name);

    it('matches findings.golden.json (npm run golden:update, then review)', () => {
      const r = reports.get(file);
      expect(r).toBeDefined();
      expect(formatFindingsGolden(r?.findings ?? [])).toBe(
        readFileSync(join(dir, 'findings.golden.json'), 'utf8'),
      );
    });

    it('has a reviewed verdict for every error and warning, and none for findings that are gone', () => {
      const path = join(dir, 'findings.review.yaml');
      const reviews = existsSync(path)
        ? ((parse(readFileSync(path, 'utf8')) as { reviews?: Review[] }).reviews ?? [])
        : [];
      const serious = goldenFindings(reports.get(file)?.findings ?? []).filter((g) => g.severity !== 'info');
      const reviewed = new Set(reviews.map((r) => r.key));
      expect(serious.filter((g) => !reviewed.has(g.key)).map((g) => g.key)).toEqual([]);
      const present = new Set(serious.map((g) => g.key));
      expect(reviews.filter((r) => !present.has(r.key)).map((r) => r.key)).toEqual([]);
      for (const r of reviews) {
        expect(VERDICTS).toContain(r.verdict);
        expect(r.note.length).toBeGreaterThan(10);
      }
    });
  });

  it('the altered testbad document yields error findings where the original has none', () => {
    const errors = (path: string) =>
      new Set(
        goldenFindings(reports.get(path)?.findings ?? [])
          .filter((g) => g.severity === 'error')
          .map((g) => g.ruleId + (g.reported ?? '')),
      );
    const original = errors('real/sh-pt-czj-2024-final.pdf');
    const altered = [...errors('real/sh-pt-czj-2024-final-testbad.pdf')].filter((k) => !original.has(k));
    expect(altered.length).toBeGreaterThanOrEqual(5);
    expect(altered.some((k) => k.startsWith('fa.completeness.tables-present'))).toBe(true);
    expect(altered.some((k) => k.startsWith('fa.narrative.budget-direction'))).toBe(true);
  });

  it('the seed 决算 has no error findings: its rounding differences are not errors', () => {
    const r = reports.get('seeds/004_93c4c58a71a1e296.txt');
    expect(r?.tables).toHaveLength(9);
    expect(r?.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r?.checks.passed).toBeGreaterThan(800);
  });
});
