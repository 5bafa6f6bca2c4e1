/**
 * The DOCX writer read back by gongkai's own reader and extractor: every figure of the nine tables comes
 * back at its row and column, and the Word structure is what an editor expects (heading styles, merges,
 * landscape sections, fonts, the unchecked stamp).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble, UNCHECKED_STAMP } from '#compile/assemble.ts';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import { tableBlocks } from '#compile/layout.ts';
import type { CompiledDocument, TableBlock } from '#compile/model.ts';
import { narrativeBlocks } from '#compile/narrative.ts';
import { extractDocument } from '#extract/document.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';
import { expectSameFigures } from '#src/testing/compiled.ts';
import { fileReader } from './reader.ts';
import { renderDocx } from './render-docx.ts';

const seed004 = (): Dataset =>
  DatasetSchema.parse(
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/datasets/seed-004.json'), 'utf8')),
  );

function documentOf(ds: Dataset, tables: TableBlock[], unchecked = false): CompiledDocument {
  const title = `${ds.org}${ds.year}年度部门决算`;
  return {
    title,
    org: ds.org,
    year: ds.year,
    unchecked,
    blocks: [
      { kind: 'heading', level: 1, text: title },
      { kind: 'heading', level: 1, text: '第一部分 部门概况' },
      { kind: 'heading', level: 2, text: '一、部门主要职责' },
      { kind: 'paragraph', text: '负责全区政务服务工作。' },
      { kind: 'page-break' },
      { kind: 'heading', level: 1, text: `第二部分 ${ds.org}${ds.year}年度部门决算表` },
      ...tables.flatMap((table) => [{ kind: 'page-break' as const }, { kind: 'table' as const, table }]),
      { kind: 'page-break' },
      { kind: 'heading', level: 1, text: '第三部分 情况说明' },
      { kind: 'heading', level: 3, text: '（一）收入' },
      { kind: 'paragraph', text: `${ds.year}年度收入总计3,193.39万元。` },
    ],
  };
}

async function readBack(bytes: Uint8Array) {
  return extractDocument(await fileReader.read(bytes, 'compiled.docx'), 'compiled.docx');
}

/** The parts of word/document.xml a test looks at (the DOCX is a zip; mammoth brings JSZip along). */
async function documentXml(bytes: Uint8Array): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  return xml;
}

async function stylesXml(bytes: Uint8Array): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/styles.xml')?.async('string')) ?? '';
}

describe('renderDocx', () => {
  it('writes the nine tables of seed 004 so that gongkai reads every figure back', async () => {
    const ds = seed004();
    const bytes = await renderDocx(documentOf(ds, tableBlocks(ds)));
    const doc = await readBack(bytes);
    expect(doc.kind).toBe('final-accounts');
    expect(doc.org).toBe(ds.org);
    expect(doc.fiscalYear).toBe(2024);
    expect(doc.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(doc.tables.every((t) => t.unit === 'wan-yuan')).toBe(true);
    expectSameFigures(ds, doc.tables);
    expect(doc.tables.find((t) => t.id === 't7')?.declaredEmpty).toBe(true);
  });

  it('writes the whole assembled seed-004 disclosure so that gongkai reads it as the published one', async () => {
    const ds = seed004();
    const bytes = await renderDocx(assemble(ds, narrativeBlocks(ds), { unchecked: false }));
    const doc = await readBack(bytes);
    expect([doc.kind, doc.org, doc.fiscalYear]).toEqual(['final-accounts', ds.org, 2024]);
    expect(doc.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expectSameFigures(ds, doc.tables);
    expect(doc.claims.length).toBeGreaterThan(20);
    // Page breaks are page-break-before on the next paragraph, not empty paragraphs.
    const xml = await documentXml(bytes);
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).not.toMatch(/<w:p><w:pPr><w:pageBreakBefore\/><\/w:pPr><\/w:p>/);
  });

  it('reads back a small hand-made table whose header merges across rows and columns', async () => {
    const table: TableBlock = {
      id: 't7',
      number: '表7',
      title: '政府性基金预算财政拨款收入支出决算表',
      org: '部门：某某局',
      unit: '单位：万元',
      columns: 8,
      header: [
        [
          { text: '项目', colSpan: 2, rowSpan: 1 },
          { text: '年初结转和结余', colSpan: 1, rowSpan: 2 },
          { text: '本年收入', colSpan: 1, rowSpan: 2 },
          { text: '本年支出', colSpan: 3, rowSpan: 1 },
          { text: '年末结转和结余', colSpan: 1, rowSpan: 2 },
        ],
        [
          { text: '功能分类科目编码', colSpan: 1, rowSpan: 1 },
          { text: '科目名称', colSpan: 1, rowSpan: 1 },
          { text: '小计', colSpan: 1, rowSpan: 1 },
          { text: '基本支出', colSpan: 1, rowSpan: 1 },
          { text: '项目支出', colSpan: 1, rowSpan: 1 },
        ],
        [
          { text: '栏次', colSpan: 2, rowSpan: 1 },
          ...[1, 2, 3, 4, 5, 6].map((n) => ({ text: String(n), colSpan: 1, rowSpan: 1 })),
        ],
      ],
      body: [
        [
          { text: '合计', align: 'center', colSpan: 2 },
          ...['1.00', '2,000.50', '1,500.25', '1,000.00', '500.25', '501.25'].map((text) => ({
            text,
            align: 'right' as const,
          })),
        ],
        [
          { text: '212', align: 'left' },
          { text: '城乡社区支出', align: 'left' },
          ...['1.00', '2,000.50', '1,500.25', '1,000.00', '500.25', '501.25'].map((text) => ({
            text,
            align: 'right' as const,
          })),
        ],
      ],
    };
    const bytes = await renderDocx({
      title: '某某局2024年度部门决算',
      org: '某某局',
      year: 2024,
      unchecked: false,
      blocks: [{ kind: 'table', table }],
    });
    const doc = await readBack(bytes);
    const t7 = doc.tables.find((t) => t.id === 't7');
    expect(t7?.rows.map((r) => [r.key, r.cells.map((c) => `${c.column}:${c.figure.text}`)])).toEqual([
      ['total', ['1:1.00', '2:2,000.50', '3:1,500.25', '4:1,000.00', '5:500.25', '6:501.25']],
      ['212', ['1:1.00', '2:2,000.50', '3:1,500.25', '4:1,000.00', '5:500.25', '6:501.25']],
    ]);
  });

  it('uses Word heading styles, East Asian fonts, two-character indents, merges and landscape sections', async () => {
    const ds = seed004();
    const bytes = await renderDocx(documentOf(ds, tableBlocks(ds)));
    const xml = await documentXml(bytes);
    const styles = await stylesXml(bytes);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(styles).toMatch(/w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:eastAsia="宋体"/);
    expect(styles).toContain('<w:outlineLvl w:val="0"/>');
    expect(xml).toMatch(/<w:ind w:firstLine="480"\/>/);
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toContain('w:orient="landscape"');
    // A4 portrait and landscape pages.
    expect(xml).toContain('w:w="11906" w:h="16838"');
    expect(xml).toContain('w:w="16838" w:h="11906"');
    expect(xml).toContain('<w:jc w:val="right"/>');
  });

  it('puts a red stamp first when the document was generated despite errors', async () => {
    const ds = seed004();
    const bytes = await renderDocx(documentOf(ds, tableBlocks(ds).slice(0, 1), true));
    const raw = await fileReader.read(bytes, 'x.docx');
    const first = raw.pages[0]?.lines[0]?.text ?? '';
    expect(first).toBe(UNCHECKED_STAMP.normalize('NFKC'));
    expect(await documentXml(bytes)).toContain('<w:color w:val="C00000"/>');
    // The stamp does not hide the title from identity detection.
    const doc = extractDocument(raw, 'x.docx');
    expect(doc.org).toBe(ds.org);
    expect(doc.fiscalYear).toBe(2024);
  });
});
