import { isTag, type Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { UNCHECKED_STAMP, assemble } from '#compile/assemble.ts';
import type { Block } from '#compile/model.ts';
import { columnWidths, escapeHtml, renderHtml } from '#compile/render-html.ts';
import { copyDataset, datasetFixture } from '#src/testing/datasets.ts';

const seed = datasetFixture('seed-004');

const narrative: Block[] = [
  { kind: 'heading', level: 2, text: '一、收入支出决算总体情况说明' },
  { kind: 'paragraph', text: '本年收入合计3,193.39万元。' },
];

const html = renderHtml(assemble(seed, narrative, { unchecked: false }));
const dom = parseDocument(html);

function all(root: Parameters<typeof DomUtils.findAll>[1], test: (e: Element) => boolean): Element[] {
  return DomUtils.findAll(test, root);
}

const byName = (name: string) => (e: Element) => e.name === name;
const children = (e: Element, name: string): Element[] =>
  e.children.filter(isTag).filter((c) => c.name === name);
const text = (e: Element): string => DomUtils.textContent(e);

function tableBlock(id: string): Element {
  const block = all(dom.children, (e) => e.attribs.id === id)[0];
  if (!block) throw new Error(`no ${id}`);
  return block;
}

/** Header rows of a table as [text, colspan, rowspan] per th. */
function headRows(id: string): [string, number, number][][] {
  const thead = all([tableBlock(id)], byName('thead'))[0];
  if (!thead) throw new Error(`${id} has no thead`);
  return children(thead, 'tr').map((tr) =>
    children(tr, 'th').map((th) => [
      text(th),
      Number(th.attribs.colspan ?? '1'),
      Number(th.attribs.rowspan ?? '1'),
    ]),
  );
}

describe('renderHtml', () => {
  it('is a complete HTML5 document in Chinese', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(all(dom.children, byName('meta'))[0]?.attribs.charset).toBe('utf-8');
    expect(text(all(dom.children, byName('title'))[0] as Element)).toBe(
      '广州市荔湾区政务服务数据管理局2024年度部门决算',
    );
    expect(all(dom.children, byName('h1')).map(text)).toEqual([
      '广州市荔湾区政务服务数据管理局2024年度部门决算',
    ]);
  });

  it('loads nothing from outside: no scripts, links, images, imports or URLs', () => {
    for (const name of ['script', 'link', 'img', 'iframe', 'object', 'base']) {
      expect(all(dom.children, byName(name))).toEqual([]);
    }
    expect(all(dom.children, (e) => 'src' in e.attribs || 'href' in e.attribs)).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|https?:/u);
  });

  it('prints on A4 with CJK fonts, landscape pages for wide tables, ruled cells and repeated headers', () => {
    const css = all(dom.children, byName('style')).map(text).join('\n');
    expect(css).toMatch(/@page \{ size: A4;/u);
    expect(css).toMatch(/@page landscape \{ size: A4 landscape;/u);
    expect(css).toContain('font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif;');
    expect(css).toMatch(/table\.grid \{ border-collapse: collapse;/u);
    expect(css).toMatch(/\.grid th, \.grid td \{ border: 1px solid #000;/u);
    expect(css).toMatch(/\.grid th \{ text-align: center; font-weight: bold; \}/u);
    expect(css).toMatch(/\.grid td\.right \{ text-align: right; font-variant-numeric: tabular-nums;/u);
    expect(css).toMatch(/\.grid thead \{ display: table-header-group; \}/u);
    expect(css).toMatch(/\.sheet \+ \.sheet \{ break-before: page; \}/u);
    expect(css).toMatch(/\.sheet\.landscape \{ page: landscape; \}/u);
  });

  it('puts every table on a sheet of its own, the wide ones landscape', () => {
    const sheets = all(
      dom.children,
      (e) => e.name === 'section' && e.attribs.class?.startsWith('sheet') === true,
    );
    const tables = sheets.map((s) =>
      all([s], (e) => e.attribs.class === 'table-block').map((e) => e.attribs.id),
    );
    expect(tables.filter((t) => t.length > 0)).toEqual([
      ['t1'],
      ['t2'],
      ['t3'],
      ['t4'],
      ['t5'],
      ['t6'],
      ['t7'],
      ['t8'],
      ['t9'],
    ]);
    const landscape = sheets
      .filter((s) => s.attribs.class === 'sheet landscape')
      .flatMap((s) => all([s], (e) => e.attribs.class === 'table-block').map((e) => e.attribs.id));
    expect(landscape).toEqual(['t2', 't3', 't4', 't7', 't9']);
  });

  it('merges 表9’s header cells as the template does', () => {
    const category: [string, number, number][] = [
      ['合计', 1, 2],
      ['因公出国（境）费', 1, 2],
      ['公务用车购置及运行维护费', 3, 1],
      ['公务接待费', 1, 2],
    ];
    const vehicles: [string, number, number][] = [
      ['小计', 1, 1],
      ['公务用车购置费', 1, 1],
      ['公务用车运行维护费', 1, 1],
    ];
    expect(headRows('t9')).toEqual([
      [
        ['预算数', 6, 1],
        ['决算数', 6, 1],
      ],
      [...category, ...category],
      [...vehicles, ...vehicles],
      Array.from({ length: 12 }, (_, i): [string, number, number] => [String(i + 1), 1, 1]),
    ]);
  });

  it('merges the panels of 表1 and the 项目 and 栏次 cells of 表3', () => {
    expect(headRows('t1')[0]).toEqual([
      ['收入', 3, 1],
      ['支出', 3, 1],
    ]);
    const t3 = headRows('t3');
    expect(t3[0]?.slice(0, 2)).toEqual([
      ['项目', 2, 1],
      ['本年支出合计', 1, 2],
    ]);
    expect(t3[2]?.[0]).toEqual(['栏次', 2, 1]);
  });

  it('right-aligns amounts and spans the 合计 label over code and name', () => {
    const tbody = all([tableBlock('t3')], byName('tbody'))[0] as Element;
    const first = children(tbody, 'tr')[0] as Element;
    const cells = children(first, 'td');
    expect(cells.map((c) => [text(c), c.attribs.class, c.attribs.colspan])).toEqual([
      ['合计', 'center', '2'],
      ['3,193.39', 'right', undefined],
      ['2,036.26', 'right', undefined],
      ['1,157.13', 'right', undefined],
      ['0.00', 'right', undefined],
      ['0.00', 'right', undefined],
      ['0.00', 'right', undefined],
    ]);
  });

  it('sizes columns from their contents', () => {
    const doc = assemble(seed, narrative, { unchecked: false });
    const t3 = doc.blocks.flatMap((b) => (b.kind === 'table' && b.table.id === 't3' ? [b.table] : []))[0];
    if (!t3) throw new Error('no t3');
    const widths = columnWidths(t3);
    expect(widths).toHaveLength(8);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
    // The name column is the widest.
    expect(Math.max(...widths)).toBe(widths[1]);
    const cols = all([tableBlock('t3')], byName('col')).map((c) => c.attribs.style);
    expect(cols).toHaveLength(8);
  });

  it('escapes every text it prints', () => {
    const ds = copyDataset(seed);
    ds.org = '<script>alert("x")</script>&局';
    const evil: Block[] = [{ kind: 'paragraph', text: '<img src=x onerror=alert(1)> & “引号”' }];
    const out = renderHtml(assemble(ds, evil, { unchecked: true }));
    const parsed = parseDocument(out);
    expect(all(parsed.children, byName('script'))).toEqual([]);
    expect(all(parsed.children, byName('img'))).toEqual([]);
    expect(text(all(parsed.children, byName('title'))[0] as Element)).toBe(
      '<script>alert("x")</script>&局2024年度部门决算',
    );
    const meta = all(parsed.children, (e) => e.attribs.class === 'table-meta')[0] as Element;
    expect(text(meta)).toContain('部门：<script>alert("x")</script>&局');
    expect(all(parsed.children, byName('p')).map(text)).toContain('<img src=x onerror=alert(1)> & “引号”');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('stamps an unchecked document at the top of page one', () => {
    expect(all(dom.children, (e) => e.attribs.class === 'stamp')).toEqual([]);
    const out = parseDocument(renderHtml(assemble(seed, narrative, { unchecked: true })));
    const first = all(out.children, (e) => e.name === 'section')[0] as Element;
    const stamp = first.children.filter(isTag)[0] as Element;
    expect([stamp.attribs.class, text(stamp)]).toEqual(['stamp', UNCHECKED_STAMP]);
  });
});
