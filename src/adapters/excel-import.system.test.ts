import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '#compile/assemble.ts';
import { datasetFixture } from '#src/testing/datasets.ts';
import { importWorkbook } from './excel-import.ts';
import { renderXlsx } from './render-xlsx.ts';

/** Needs LibreOffice (`libreoffice-calc-nogui`, installed by .ci/run): a legacy .xls is converted on import. */
describe('importing a legacy .xls through LibreOffice', () => {
  it('reads the nine tables of an .xls LibreOffice wrote, figure by figure', async () => {
    const ds = datasetFixture('seed-004');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-xls-'));
    writeFileSync(join(dir, 'book.xlsx'), await renderXlsx(assemble(ds, [], { unchecked: false })));
    execFileSync('soffice', ['--headless', '--convert-to', 'xls', '--outdir', dir, join(dir, 'book.xlsx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const xls = new Uint8Array(readFileSync(join(dir, 'book.xls')));
    expect(new TextDecoder('latin1').decode(xls.subarray(0, 4))).toBe('\u00d0\u00cf\u0011\u00e0'); // OLE2, not zip
    const r = await importWorkbook(xls, 'book.xls');
    if (!r.ok)
      throw new Error(
        r.problems.map((p) => `${p.sheet} ${p.row ?? ''}${p.column ?? ''} ${p.message.en}`).join('; '),
      );
    expect(r.dataset.org).toBe(ds.org);
    expect(r.dataset.year).toBe(ds.year);
    for (const id of ['t1', 't3', 't6', 't9'] as const) {
      const want = ds.tables[id];
      const got = r.dataset.tables[id];
      if (!('rows' in want) || !('rows' in got)) throw new Error(id);
      for (const row of want.rows) {
        const back = got.rows.find((x) => x.key === row.key);
        for (const [col, text] of Object.entries(row.cells)) {
          expect({ id, row: row.key, col, value: Number(back?.cells[col] ?? '0') }).toEqual({
            id,
            row: row.key,
            col,
            value: Number(text),
          });
        }
      }
    }
  });
});
