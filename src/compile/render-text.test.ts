// The acceptance of the compiler's layout: what it prints, gongkai's own reader and extractor read back,
// figure by figure, exactly as they read a published 部门决算.
import { describe, expect, it } from 'vitest';
import { loadCodeTables, loadRules } from '#adapters/rulesets.ts';
import { fileReader } from '#adapters/reader.ts';
import { UNCHECKED_STAMP, assemble } from '#compile/assemble.ts';
import type { Dataset } from '#compile/dataset.ts';
import type { Block } from '#compile/model.ts';
import { renderText } from '#compile/render-text.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import { summarize } from '#domain/finding.ts';
import { parseFigure } from '#domain/quantity.ts';
import { TABLE_IDS } from '#domain/table.ts';
import { extractDocument } from '#extract/document.ts';
import { extractTables } from '#extract/tables/index.ts';
import { expectSameFigures } from '#src/testing/compiled.ts';
import { copyDataset, datasetFixture } from '#src/testing/datasets.ts';
import { makeContext } from '#verify/context.ts';
import { evaluate } from '#verify/evaluate.ts';

const seed = datasetFixture('seed-004');

const narrative: Block[] = [
  { kind: 'heading', level: 2, text: '一、收入支出决算总体情况说明' },
  { kind: 'paragraph', text: '本年收入合计3,193.39万元。' },
];

async function readBack(ds: Dataset, unchecked = false): Promise<{ text: string; doc: DisclosureDocument }> {
  const text = renderText(assemble(ds, narrative, { unchecked }));
  const raw = await fileReader.read(new TextEncoder().encode(text), 'compiled.txt');
  expect(raw.format).toBe('text');
  expect(extractTables(raw).problems).toEqual([]);
  return { text, doc: extractDocument(raw, 'compiled.txt') };
}

/**
 * Stricter than the shared assertion: the rows read back are exactly the dataset's (no row lost, none
 * invented), and a cell the dataset does not give reads as a blank zero.
 */
function expectSameRows(ds: Dataset, doc: DisclosureDocument): void {
  const problems: string[] = [];
  for (const id of TABLE_IDS) {
    const table = ds.tables[id];
    const back = doc.tables.find((t) => t.id === id);
    if (!back || !('rows' in table)) continue;
    const keys = table.rows.map((r) => r.key).sort();
    const backKeys = back.rows.map((r) => r.key).sort();
    if (keys.join() !== backKeys.join()) problems.push(`${id}: rows ${backKeys.join()} ≠ ${keys.join()}`);
    for (const r of back.rows) {
      const given = table.rows.find((x) => x.key === r.key);
      for (const c of r.cells) {
        const text = given?.cells[String(c.column)];
        const want = text === undefined ? 0n : parseFigure(text, 'wan-yuan')?.value;
        if (c.figure.value !== want)
          problems.push(`${id}[${r.key}].c${c.column}: ${c.figure.text} ≠ ${text}`);
        if (text === undefined && !c.figure.blank)
          problems.push(`${id}[${r.key}].c${c.column}: printed, not given`);
      }
    }
  }
  expect(problems).toEqual([]);
}

describe('renderText → reader → extractor (fixtures/datasets/seed-004.json)', () => {
  it('reads back the identity and all nine tables with every figure equal to the dataset', async () => {
    const { doc } = await readBack(seed);
    expect([doc.kind, doc.org, doc.fiscalYear]).toEqual(['final-accounts', seed.org, seed.year]);
    expect(doc.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    expect(doc.tables.map((t) => t.printedNumber)).toEqual(TABLE_IDS.map((id) => `表${id.slice(1)}`));
    for (const t of doc.tables) expect(t.unit).toBe('wan-yuan');
    expectSameFigures(seed, doc.tables);
    expectSameRows(seed, doc);
    // 表7 and 表8 carry the note that declares them empty.
    expect(doc.tables.filter((t) => t.declaredEmpty).map((t) => t.id)).toEqual(['t7', 't8']);
  });

  it('keeps the identity under the unchecked stamp', async () => {
    const { text, doc } = await readBack(seed, true);
    expect(text.split('\n')[0]).toBe(UNCHECKED_STAMP);
    expect([doc.kind, doc.org, doc.fiscalYear]).toEqual(['final-accounts', seed.org, seed.year]);
    expectSameFigures(seed, doc.tables);
  });

  it('prints the tables as the seeds do: title lines, 部门, 单位, tab-separated rows', async () => {
    const { text } = await readBack(seed);
    const lines = text.split('\n');
    const at = lines.indexOf('收入支出决算总表');
    expect(lines.slice(at - 1, at + 8)).toEqual([
      '表1',
      '收入支出决算总表',
      '部门：广州市荔湾区政务服务数据管理局',
      '单位：万元',
      '收入\t\t\t支出\t\t',
      '项目\t行次\t决算数\t项目\t行次\t决算数',
      '栏次\t\t1\t栏次\t\t2',
      '一、一般公共预算财政拨款收入\t1\t3,193.39\t一、一般公共服务支出\t31\t1,940.68',
      '二、政府性基金预算财政拨款收入\t2\t0.00\t二、外交支出\t32\t0.00',
    ]);
    expect(lines).toContain('合计\t\t3,193.39\t2,036.26\t1,157.13\t0.00\t0.00\t0.00');
    expect(lines).toContain('人员经费合计\t\t1,956.76\t公用经费合计\t\t79.50');
  });

  it('reads back empty tables as declared empty, and tables in 元', async () => {
    const ds = copyDataset(seed);
    ds.unit = 'yuan';
    ds.tables.t7 = { empty: true, note: '本表本年度无发生额。' };
    ds.tables.t8 = { empty: true, note: '本部门本年度无国有资本经营预算财政拨款支出，故本表无数据。' };
    ds.tables.t9 = { empty: true, note: '本表本年度无发生额。' };
    const { doc } = await readBack(ds);
    expect(doc.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    for (const t of doc.tables) expect(t.unit).toBe('yuan');
    expect(doc.tables.filter((t) => t.declaredEmpty).map((t) => t.id)).toEqual(['t7', 't8', 't9']);
    for (const id of ['t7', 't8', 't9']) {
      const t = doc.tables.find((x) => x.id === id);
      expect(t?.rows.every((r) => r.cells.every((c) => c.figure.value === 0n))).toBe(true);
    }
    expectSameFigures(ds, doc.tables);
  });

  it('reads back a 表6 whose 人员经费 side runs longer, and a 表7 with figures', async () => {
    const ds = copyDataset(seed);
    ds.tables.t6 = {
      rows: [
        { key: '301', label: '工资福利支出', cells: { '1': '30.00' } },
        { key: '30101', label: '基本工资', cells: { '1': '10.00' } },
        { key: '30102', label: '津贴补贴', cells: { '1': '20.00' } },
        { key: 'personnel-total', label: '人员经费合计', cells: { '1': '30.00' } },
        { key: '302', label: '商品和服务支出', cells: { '1': '5.00' } },
        { key: 'public-total', label: '', cells: { '1': '5.00' } },
      ],
    };
    ds.tables.t7 = {
      rows: [
        {
          key: 'total',
          label: '合计',
          cells: { '1': '1.00', '2': '2.00', '3': '2.50', '4': '0.50', '5': '2.00', '6': '0.50' },
        },
        {
          key: '212',
          label: '城乡社区支出',
          cells: { '1': '1.00', '2': '2.00', '3': '2.50', '4': '0.50', '5': '2.00', '6': '0.50' },
        },
        { key: '21208', label: '国有土地使用权出让收入安排的支出', cells: { '3': '2.50', '5': '2.00' } },
      ],
    };
    const { doc } = await readBack(ds);
    expectSameFigures(ds, doc.tables);
    expectSameRows(ds, doc);
  });

  it('prints tables whose figures pass gongkai’s own table rules', async () => {
    const { doc } = await readBack(seed);
    const rules = loadRules('final-accounts').filter(
      (r) => r.category !== 'narrative' && r.category !== 'prior-year',
    );
    const result = evaluate(rules, makeContext(doc, undefined, loadCodeTables()));
    const serious = result.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.ruleId}: ${f.message.zh}`);
    expect(serious).toEqual([]);
    expect(summarize(result.outcomes).passed).toBeGreaterThan(100);
  });
});
