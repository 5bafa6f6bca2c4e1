/**
 * Acceptance on the self-evaluation seeds: 003 is scored on the Guangzhou system with every stated
 * sub-total and the total reproduced; 002's level-2 scores reproduce its total and its unexplained
 * deductions are listed; 000 is checked against the same department's next-year 决算.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '#src/compose.ts';
import { corpusAvailable, corpusFile } from '#src/testing/corpus.ts';
import type { ScoreReport } from './present-score.ts';

const app = createApp();
const input = (rel: string, text?: string) => ({
  path: rel,
  bytes: text === undefined ? readFileSync(corpusFile(rel)) : new TextEncoder().encode(text),
});

async function scored(rel: string): Promise<ScoreReport> {
  const [item] = await app.score([input(rel)]);
  if (!item || !('report' in item)) throw new Error(`${rel}: not scored`);
  return item.report;
}

describe.skipIf(!corpusAvailable())('self-evaluation seeds', () => {
  it('003 on the Guangzhou system: every stated sub-total and the total 97 (优) are reproduced', async () => {
    const r = await scored('seeds/003_43e396ea1042de79.txt');
    expect(r.system.id).toBe('gz-district-dept-overall');
    const aggregates = r.indicators.filter((i) => i.kind === 'aggregate' || i.kind === 'targets');
    expect(aggregates.length).toBe(11); // 2 level-1 + 7 level-2 aggregates, 2 target groups
    for (const i of aggregates)
      expect({ id: i.id, status: i.status }).toEqual({ id: i.id, status: 'reproduced' });
    const byName = new Map(r.indicators.map((i) => [i.name.zh, i]));
    expect(byName.get('管理效率')?.stated?.score.text).toBe('47');
    expect(byName.get('绩效管理')?.stated?.score.text).toBe('12');
    expect(r.total.status).toBe('reproduced');
    expect(r.total.stated?.score.text).toBe('97');
    expect(r.grade.status).toBe('reproduced');
    expect(r.cannotSupport).toEqual([]);
    expect(r.unmatched).toEqual([]);
  });

  it('002: level-2 scores reproduce 98.80, and deductions without a reason are listed', async () => {
    const r = await scored('seeds/002_2c450fdd424bffaf.txt');
    expect(r.total.status).toBe('reproduced');
    expect(r.total.stated?.score.text).toBe('98.80');
    const unexplained = r.cannotSupport.filter((u) => u.reason === 'deduction-without-reason');
    expect(unexplained.map((u) => u.indicator).sort()).toEqual(['gl.procurement', 'lz.output']);
  });

  it('000 is checked against the 2024 决算 of the same department, and a changed figure is caught', async () => {
    const [se] = await app.check([
      input('seeds/000_6e328879fe3e7380.txt'),
      input('seeds/004_93c4c58a71a1e296.txt'),
    ]);
    expect(se?.ok && se.notApplicable.some((n) => n.ruleId === 'se.accounts.spending')).toBe(false);
    expect(se?.ok && se.findings.some((f) => f.ruleId === 'se.accounts.spending')).toBe(false);

    const text = readFileSync(corpusFile('seeds/000_6e328879fe3e7380.txt'), 'utf8');
    expect(text).toContain('2225.69');
    const [changed] = await app.check([
      input('seeds/000_6e328879fe3e7380.txt', text.replace('2225.69', '2252.69')),
      input('seeds/004_93c4c58a71a1e296.txt'),
    ]);
    const hit = changed?.ok ? changed.findings.filter((f) => f.ruleId === 'se.accounts.spending') : [];
    expect(hit.map((f) => f.severity)).toEqual(['error']);
    expect(hit[0]?.evidence.map((e) => e.page)).toContain(1);
  });
});
