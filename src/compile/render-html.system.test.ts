// Needs /usr/bin/chromium and fonts-noto-cjk (installed by .ci/run): the HTML printed to PDF by Chromium
// reads back through gongkai's PDF reader and extractor like a published document.
import { afterAll, describe, expect, it } from 'vitest';
import { fileReader } from '#adapters/reader.ts';
import { closePdfRenderer, pdfAvailable, renderPdf } from '#adapters/render-pdf.ts';
import { assemble } from '#compile/assemble.ts';
import type { Block } from '#compile/model.ts';
import { renderHtml } from '#compile/render-html.ts';
import { TABLE_IDS } from '#domain/table.ts';
import { extractDocument } from '#extract/document.ts';
import { expectSameFigures } from '#src/testing/compiled.ts';
import { datasetFixture } from '#src/testing/datasets.ts';

const seed = datasetFixture('seed-004');
const narrative: Block[] = [
  { kind: 'heading', level: 2, text: '一、收入支出决算总体情况说明' },
  { kind: 'paragraph', text: '本年收入合计3,193.39万元。' },
];

describe('renderHtml printed by Chromium', () => {
  afterAll(closePdfRenderer);

  it('has Chromium to print with', () => {
    expect(pdfAvailable()).toBe(true);
  });

  it('reads back from the PDF: identity, nine tables, every figure, wide tables on landscape pages', async () => {
    const pdf = await renderPdf(renderHtml(assemble(seed, narrative, { unchecked: false })));
    const raw = await fileReader.read(pdf, 'compiled.pdf');
    const doc = extractDocument(raw, 'compiled.pdf');
    expect([doc.kind, doc.org, doc.fiscalYear]).toEqual(['final-accounts', seed.org, seed.year]);
    expect(doc.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    expectSameFigures(seed, doc.tables);
    const landscape = doc.tables
      .filter((t) =>
        t.pages.every((n) => {
          const page = raw.pages[n - 1];
          return page !== undefined && page.width > page.height;
        }),
      )
      .map((t) => t.id);
    expect(landscape).toEqual(['t2', 't3', 't4', 't7', 't9']);
  });
});
