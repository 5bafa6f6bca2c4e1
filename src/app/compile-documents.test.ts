/**
 * Compilation end to end without a browser (PDF is in compile-documents.system.test.ts): the seed-004
 * dataset compiles; DOCX and the text form read back with identical figures and no error; a broken sum is
 * refused with findings naming table, row and column; --force stamps the output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import { createApp } from '#src/compose.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';
import { expectSameFigures } from '#src/testing/compiled.ts';

const app = createApp();
const seed004 = (): Dataset =>
  DatasetSchema.parse(
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/datasets/seed-004.json'), 'utf8')),
  );

describe('compile', () => {
  it('the seed-004 dataset follows the published schema', () => {
    expect(() => seed004()).not.toThrow();
  });

  it('compiles seed 004 to DOCX, XLSX, HTML and text; DOCX and text read back with the same figures and no error', async () => {
    const ds = seed004();
    const r = await app.compile(ds, { formats: ['docx', 'xlsx', 'html', 'txt'] });
    if (!r.ok)
      throw new Error(
        `refused: ${JSON.stringify(r.findings.map((f) => f.message.en))} ${r.problems.join('; ')}`,
      );
    expect(r.unchecked).toBe(false);
    expect(r.files.map((f) => f.format)).toEqual(['docx', 'xlsx', 'html', 'txt']);
    expect(r.files.map((f) => f.name)).toContain('广州市荔湾区政务服务数据管理局2024年度部门决算.docx');
    for (const format of ['docx', 'txt'] as const) {
      const file = r.files.find((f) => f.format === format);
      if (!file) throw new Error(format);
      const [back] = await app.check([{ path: file.name, bytes: file.bytes }]);
      if (!back?.ok) throw new Error(`${format} unreadable`);
      expect(back.kind).toBe('final-accounts');
      expect(back.org).toBe(ds.org);
      expect(back.fiscalYear).toBe(ds.year);
      expect(back.findings.filter((f) => f.severity === 'error').map((f) => f.message.en)).toEqual([]);
      expectSameFigures(ds, back.tables);
    }
  });

  it('refuses a dataset whose sum is broken, naming table, row and column', async () => {
    const ds = seed004();
    const t3 = ds.tables.t3;
    if (!('rows' in t3)) throw new Error('t3');
    const total = t3.rows.find((row) => row.key === 'total');
    if (!total) throw new Error('total');
    total.cells['2'] = '2046.26'; // 基本支出 合计 off by 10
    const r = await app.compile(ds, { formats: ['txt'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(
      r.findings.some((f) => f.evidence.some((e) => e.table === 't3' && e.row === 'total' && e.column === 2)),
    ).toBe(true);
    expect(
      r.findings.some((f) => /表3/.test(f.message.zh) && /第?2栏|栏次2|基本支出/.test(f.message.zh)),
    ).toBe(true);
  });

  it('with --force writes the refused dataset, stamped as unchecked', async () => {
    const ds = seed004();
    const t3 = ds.tables.t3;
    if (!('rows' in t3)) throw new Error('t3');
    const total = t3.rows.find((row) => row.key === 'total');
    if (total) total.cells['2'] = '2046.26';
    const r = await app.compile(ds, { formats: ['txt'], force: true });
    expect(r.ok && r.unchecked).toBe(true);
    const text = r.ok ? new TextDecoder().decode(r.files[0]?.bytes) : '';
    expect(text).toContain('未经');
  });

  it('rejects a file that is not a dataset with the schema problems, and writes nothing', async () => {
    const r = await app.compile({ kind: 'final-accounts', org: '', year: 'x' }, { formats: ['txt'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.some((p) => p.startsWith('org'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('year'))).toBe(true);
  });
});
