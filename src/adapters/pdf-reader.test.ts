import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawLine, RawPage } from '#domain/raw-document.ts';
import { corpusAvailable, corpusFile, PROJECT_ROOT } from '#src/testing/corpus.ts';
import { readPdf, type PdfDocument } from './pdf-reader.ts';
import { ReadError, type ReadErrorCode } from './read-error.ts';

// ---------------------------------------------------------------------------------------------------------
// A minimal PDF writer, so layout behaviour is tested on documents whose geometry the test states exactly.

interface TestPage {
  content: string;
  rotate?: number;
}

const PAGE_HEIGHT = 842;

function buildPdf(pages: TestPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages tree, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = pages.map((page) => {
    const stream = add(`<< /Length ${page.content.length} >>\nstream\n${page.content}\nendstream`);
    const rotate = page.rotate ? ` /Rotate ${page.rotate}` : '';
    return add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 ${PAGE_HEIGHT}]${rotate} ` +
        `/Resources << /Font << /F1 3 0 R >> >> /Contents ${stream} 0 R >>`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const text = (x: number, y: number, s: string, size = 10): string =>
  `BT /F1 ${size} Tf ${x} ${y} Td (${s}) Tj ET`;

/** Grid edges in PDF space (y up): columns at 50/150/250/350, rows at 700/680/660/640. */
const XS = [50, 150, 250, 350];
const YS = [700, 680, 660, 640];

/** Horizontal and vertical edges of the test table; the vertical at x=250 is missing in row 0 (a span). */
function tableEdges(): { h: [number, number, number][]; v: [number, number, number][] } {
  const h = YS.map((y): [number, number, number] => [y, XS[0]!, XS[3]!]);
  const v: [number, number, number][] = [
    [XS[0]!, YS[3]!, YS[0]!],
    [XS[1]!, YS[3]!, YS[0]!],
    [XS[2]!, YS[3]!, YS[1]!],
    [XS[3]!, YS[3]!, YS[0]!],
  ];
  return { h, v };
}

const TABLE_TEXT = [
  text(55, 686, 'Head'),
  text(180, 686, 'Spanning'),
  // One TJ prints the whole row; its offsets carry "1" and "2" into the next cells.
  'BT /F1 10 Tf 55 666 Td [(a) -9444 (1) -9444 (2)] TJ ET',
  text(55, 652, 'Long', 7),
  text(55, 644, 'label', 7),
  text(255, 646, '3'),
].join('\n');

const AROUND_TEXT = [text(50, 760, 'Title line'), text(50, 600, 'Note below')].join('\n');

const DRAWINGS: Record<string, string> = {
  // ONLYOFFICE/WPS style: stroked lines.
  'stroked lines': (() => {
    const { h, v } = tableEdges();
    return [
      '0.75 w',
      ...h.map(([y, x0, x1]) => `${x0} ${y} m ${x1} ${y} l S`),
      ...v.map(([x, y0, y1]) => `${x} ${y0} m ${x} ${y1} l S`),
    ].join('\n');
  })(),
  // Word style: thin filled rectangles plus joint squares.
  'filled thin rectangles': (() => {
    const { h, v } = tableEdges();
    return [
      ...h.map(([y, x0, x1]) => `${x0} ${y - 0.48} ${x1 - x0} 0.96 re f`),
      ...v.map(([x, y0, y1]) => `${x - 0.48} ${y0} 0.96 ${y1 - y0} re f`),
      ...XS.flatMap((x) => YS.map((y) => `${x - 0.48} ${y - 0.48} 0.96 0.96 re f`)),
    ].join('\n');
  })(),
  // Drawn in a flipped coordinate system (y down), as WPS does.
  'flipped transform': (() => {
    const { h, v } = tableEdges();
    const f = (y: number): number => PAGE_HEIGHT - y;
    return [
      `q 1 0 0 -1 0 ${PAGE_HEIGHT} cm 0.75 w`,
      ...h.map(([y, x0, x1]) => `${x0} ${f(y)} m ${x1} ${f(y)} l S`),
      ...v.map(([x, y0, y1]) => `${x} ${f(y0)} m ${x} ${f(y1)} l S`),
      'Q',
    ].join('\n');
  })(),
  // Rectangles stroked per cell (re S), spanning cell as one rectangle.
  'stroked cell rectangles': [
    '0.5 w',
    `50 680 100 20 re S`,
    `150 680 200 20 re S`,
    ...[0, 1, 2].flatMap((c) => [1, 2].map((r) => `${XS[c]} ${YS[r + 1]} 100 20 re S`)),
  ].join('\n'),
};

function gridLines(page: RawPage): RawLine[] {
  return page.lines.filter((l) => l.grid);
}

describe('readPdf on generated PDFs', () => {
  it.each(Object.entries(DRAWINGS))('reads a ruled table drawn as %s', async (_name, drawing) => {
    const doc = await readPdf(buildPdf([{ content: `${drawing}\n${TABLE_TEXT}\n${AROUND_TEXT}` }]));
    const [page] = doc.pages;
    expect(page).toBeDefined();
    const lines = page!.lines;
    expect(lines.map((l) => l.line)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.map((l) => [l.text, l.grid ?? null])).toEqual([
      ['Title line', null],
      ['Head\tSpanning\t', { table: 0, row: 0, columns: 3 }],
      ['a\t1\t2', { table: 0, row: 1, columns: 3 }],
      ['Long label\t\t3', { table: 0, row: 2, columns: 3 }],
      ['Note below', null],
    ]);
    for (const row of gridLines(page!)) {
      expect(row.y).toBeCloseTo(PAGE_HEIGHT - YS[row.grid!.row]!, 0);
      row.cells.forEach((cell, c) => {
        expect(cell.x0).toBeCloseTo(XS[c]!, 0);
        expect(cell.x1).toBeCloseTo(XS[c + 1]!, 0);
      });
    }
  });

  it('splits running text into cells only at wide gaps, orders lines top to bottom, drops off-page text', async () => {
    const content = [
      text(300, 700, 'Right'),
      text(50, 700, 'Left'),
      text(50, 720, 'Hello'),
      text(78, 720, 'world'), // "Hello" is ~23pt wide: a word gap, same cell
      text(50, 900, 'Clipped off the page'),
    ].join('\n');
    const doc = await readPdf(buildPdf([{ content }]));
    const lines = doc.pages[0]!.lines;
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual([['Hello world'], ['Left', 'Right']]);
    expect(lines[0]!.y).toBeCloseTo(PAGE_HEIGHT - 720 - 10, 0);
    expect(lines[1]!.text).toBe('Left\tRight');
    expect(lines[1]!.cells[1]!.x0).toBeCloseTo(300, 0);
  });

  it('keeps text in a one-column frame as ordinary lines', async () => {
    const content = ['0.75 w 40 690 300 30 re S', text(50, 700, 'Boxed remark')].join('\n');
    const doc = await readPdf(buildPdf([{ content }]));
    expect(doc.pages[0]!.lines.map((l) => [l.text, l.grid])).toEqual([['Boxed remark', undefined]]);
  });

  it('numbers tables on a page top to bottom', async () => {
    const box = (top: number): string =>
      [
        `0.75 w 50 ${top} m 250 ${top} l S 50 ${top - 20} m 250 ${top - 20} l S`,
        `50 ${top - 20} m 50 ${top} l S 150 ${top - 20} m 150 ${top} l S 250 ${top - 20} m 250 ${top} l S`,
      ].join('\n');
    const content = [box(400), text(55, 386, 'second'), box(700), text(55, 686, 'first')].join('\n');
    const doc = await readPdf(buildPdf([{ content }]));
    expect(doc.pages[0]!.lines.map((l) => [l.cells[0]!.text, l.grid?.table])).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
  });

  it('reports page size after rotation', async () => {
    const doc = await readPdf(buildPdf([{ content: text(50, 700, 'Turned'), rotate: 90 }]));
    const page = doc.pages[0]!;
    expect([page.width, page.height]).toEqual([PAGE_HEIGHT, 595]);
    expect(page.lines.map((l) => l.text)).toEqual(['Turned']);
  });

  it('returns pages without lines for a PDF without a text layer, and flags it', async () => {
    const rules = '0.75 w 50 700 m 250 700 l S';
    const scan = await readPdf(buildPdf([{ content: rules }, { content: '' }]));
    expect(scan.pages.map((p) => p.lines.length)).toEqual([0, 0]);
    expect(scan.textless).toBe(true);
    expect(scan.textlessPages).toEqual([1, 2]);

    const mixed = await readPdf(buildPdf([{ content: text(50, 700, 'Some text') }, { content: rules }]));
    expect(mixed.textless).toBe(false);
    expect(mixed.textlessPages).toEqual([2]);
  });

  it("accepts a Node Buffer and leaves the caller's bytes intact", async () => {
    const bytes = Buffer.from(buildPdf([{ content: text(50, 700, 'Again') }]));
    const copy = Uint8Array.from(bytes);
    await readPdf(bytes);
    expect(Uint8Array.from(bytes)).toEqual(copy);
    const again = await readPdf(bytes);
    expect(again.pages[0]!.lines[0]!.text).toBe('Again');
  });
});

// ---------------------------------------------------------------------------------------------------------

function randomBytes(n: number, seed: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s & 0xff;
  });
}

async function errorOf(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ReadError);
    return err as ReadError;
  }
  throw new Error('expected a ReadError, but reading succeeded');
}

const small = buildPdf([{ content: text(50, 700, 'Fine') }]);
const encrypted = new Uint8Array(readFileSync(resolve(PROJECT_ROOT, 'fixtures/malformed/encrypted.pdf')));

describe('readPdf on malformed input', () => {
  const cases: [string, () => Promise<PdfDocument>, ReadErrorCode][] = [
    ['zero bytes', () => readPdf(new Uint8Array(0)), 'empty'],
    ['random bytes', () => readPdf(randomBytes(4096, 7)), 'unsupported'],
    ['a text file', () => readPdf(new TextEncoder().encode('收入支出决算总表\n')), 'unsupported'],
    ['a PDF cut in half', () => readPdf(small.slice(0, small.length >> 1)), 'corrupt'],
    [
      'a PDF missing its last tenth',
      () => readPdf(small.slice(0, Math.floor(small.length * 0.9))),
      'corrupt',
    ],
    [
      'a PDF header followed by noise',
      () => readPdf(new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...randomBytes(4096, 11)])),
      'corrupt',
    ],
    ['a password-protected PDF', () => readPdf(encrypted), 'encrypted'],
    ['a file over the byte limit', () => readPdf(small, { maxBytes: 100 }), 'too-large'],
    [
      'a document over the page limit',
      () => readPdf(buildPdf([{ content: '' }, { content: '' }]), { maxPages: 1 }),
      'too-large',
    ],
  ];

  it.each(cases)('rejects %s', async (_name, read, code) => {
    const err = await errorOf(read());
    expect(err.code).toBe(code);
    expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(err.messageEn).toMatch(/[a-z]/);
    expect(err.message).toContain(err.messageEn);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The four real 部门决算 PDFs (ONLYOFFICE, Word 2010, WPS), read once each.

const FINALS = [
  'real/sh-pt-czj-2024-final.pdf',
  'real/sh-pt-czj-2024-final-testbad.pdf',
  'real/sh-pt-ghzy-2024-final.pdf',
  'real/sh-pt-shgzb-2024-final.pdf',
] as const;

const cache = new Map<string, Promise<PdfDocument>>();
function load(file: string): Promise<PdfDocument> {
  let doc = cache.get(file);
  if (!doc) cache.set(file, (doc = readPdf(new Uint8Array(readFileSync(corpusFile(file))))));
  return doc;
}

/** Texts of the grid rows on a page, each cut to its first `n` cells. */
function gridRowTexts(doc: PdfDocument, page: number, n: number): string[][] {
  const lines = doc.pages[page - 1]?.lines ?? [];
  return lines.filter((l) => l.grid).map((l) => l.cells.slice(0, n).map((c) => c.text));
}

interface RowCase {
  file: string;
  page: number;
  what: string;
  cells: string[];
}

const ROWS: RowCase[] = [
  // ONLYOFFICE: both sides of the 收入支出决算总表 totals in one row.
  {
    file: FINALS[0],
    page: 6,
    what: '总表 totals',
    cells: ['本年收入合计', '2,946.25', '本年支出合计', '2,940.05'],
  },
  {
    file: FINALS[0],
    page: 7,
    what: '总表 continued on the next page',
    cells: ['总计', '2,995.39', '总计', '2,995.39'],
  },
  {
    file: FINALS[0],
    page: 8,
    what: '收入决算表 wrapped name of 208 05 05',
    cells: ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', ''],
  },
  {
    file: FINALS[0],
    page: 8,
    what: '收入决算表 merged header, wrapped header labels',
    cells: [
      '项目',
      '',
      '',
      '',
      '本年收入合计',
      '财政拨款收入',
      '上级补助收入',
      '事业收入',
      '经营收入',
      '附属单位上缴收入',
      '其他收入',
    ],
  },
  {
    file: FINALS[0],
    page: 9,
    what: '收入决算表 continued',
    cells: ['221', '02', '03', '购房补贴', '258.50', '258.50'],
  },
  {
    file: FINALS[0],
    page: 10,
    what: '支出决算表 合计 row',
    cells: ['类', '款', '项', '合计', '2,940.05', '2,336.91', '603.14', '', '', ''],
  },
  {
    file: FINALS[0],
    page: 13,
    what: '财政拨款收入支出决算总表 totals',
    cells: ['本年收入合计', '2,940.05', '本年支出合计', '2,940.05', '2,940.05', '', ''],
  },
  {
    file: FINALS[0],
    page: 16,
    what: '基本支出决算表, two code-name-amount blocks side by side',
    cells: ['301', '08', '机关事业单位基本养老保险缴费', '160.75', '302', '06', '电费', ''],
  },
  // WPS (a third party's altered copy of the same report).
  {
    file: FINALS[1],
    page: 7,
    what: '总表 totals',
    cells: ['本年收入合计', '2,946.25', '本年支出合计', '2,940.05'],
  },
  {
    file: FINALS[1],
    page: 14,
    what: '基本支出决算表 totals after a page break',
    cells: ['人员经费合计', '', '', '2,152.26', '公用经费合计', '', '', '184.65'],
  },
  // Word 2010: borders drawn as filled rectangles.
  {
    file: FINALS[2],
    page: 7,
    what: '总表 totals',
    cells: ['本年收入合计', '9746.50', '本年支出合计', '9759.38'],
  },
  {
    file: FINALS[2],
    page: 8,
    what: '收入决算表 wrapped name',
    cells: ['2080505', '机关事业单位基本养老保险缴费支出', '446.11', '446.11', '', '', '', '', ''],
  },
  {
    file: FINALS[2],
    page: 14,
    what: 'distributed (letter-spaced) label',
    cells: ['208', '社会保障和就业支出', '754.75', '754.75', '0.00'],
  },
  {
    file: FINALS[2],
    page: 15,
    what: '一般公共预算支出表 continued',
    cells: ['合计', '', '9746.50', '5364.75', '4381.74'],
  },
  {
    file: FINALS[2],
    page: 16,
    what: '基本支出决算表 totals',
    cells: ['人员经费合计', '', '4884.09', '公用经费合计', '', '480.66'],
  },
  // A budget (WPS) whose amount and the next cell's label are drawn by one text op: split at the rule.
  {
    file: 'real/sh-pt-sfj-2026-budget.pdf',
    page: 10,
    what: 'amount and next label printed by one text op',
    cells: ['一、财政拨款收入', '96,282,213.44', '一、公共安全支出', '87,267,272.44'],
  },
  // WPS: flipped coordinate system, stroked rules.
  {
    file: FINALS[3],
    page: 5,
    what: '总表 totals',
    cells: ['本年收入合计', '307.82', '本年支出合计', '307.82'],
  },
  {
    file: FINALS[3],
    page: 12,
    what: 'wrapped and letter-spaced name',
    cells: ['2080505', '机关事业单位基本养老保险缴费支出', '6.18', '6.18', ''],
  },
  {
    file: FINALS[3],
    page: 14,
    what: '三公 header: a span over six columns',
    cells: [
      '合计',
      '',
      '因公出国(境)费',
      '',
      '公务用车购置及运行维护费',
      '',
      '',
      '',
      '',
      '',
      '公务接待费',
      '',
    ],
  },
  {
    file: FINALS[3],
    page: 14,
    what: '三公 header: the lowest header row',
    cells: [
      '预算数',
      '决算数',
      '预算数',
      '决算数',
      '预算数',
      '决算数',
      '预算数',
      '决算数',
      '预算数',
      '决算数',
      '预算数',
      '决算数',
    ],
  },
];

describe.skipIf(!corpusAvailable())('readPdf on the real final-accounts PDFs', () => {
  it.each(ROWS)('$file p.$page: $what', async ({ file, page, cells }) => {
    const doc = await load(file);
    expect(gridRowTexts(doc, page, cells.length)).toContainEqual(cells);
  });

  it.each(FINALS)('%s: every grid row is complete and lines are in reading order', async (file) => {
    const doc = await load(file);
    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((p) => p.number)).toEqual(doc.pages.map((_, i) => i + 1));
    let tables = 0;
    for (const page of doc.pages) {
      expect(page.lines.map((l) => l.line)).toEqual(page.lines.map((_, i) => i + 1));
      const ys = page.lines.map((l) => l.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      const columnsOf = new Map<number, RawLine>();
      for (const line of page.lines) {
        expect(line.page).toBe(page.number);
        expect(line.text).toBe(line.cells.map((c) => c.text).join('\t'));
        if (!line.grid) continue;
        expect(line.cells).toHaveLength(line.grid.columns);
        const first = columnsOf.get(line.grid.table);
        if (!first) {
          tables++;
          columnsOf.set(line.grid.table, line);
          expect(line.grid.row).toBe(0);
        } else {
          expect(line.cells.map((c) => [c.x0, c.x1])).toEqual(first.cells.map((c) => [c.x0, c.x1]));
        }
      }
    }
    // The nine tables, several of them continued on a second page, plus the unit list.
    expect(tables).toBeGreaterThanOrEqual(10);
  });

  it('gives a page with only an empty table row no lines', async () => {
    const doc = await load(FINALS[0]);
    expect(doc.textlessPages).toEqual([14]);
    expect(doc.textless).toBe(false);
  });

  it.each(['sh-pt-czj-2024-final.pdf', 'sh-pt-ghzy-2024-final.pdf'])(
    '%s: skipping font programs pdfjs does not need for text changes nothing read',
    async (file) => {
      const bytes = readFileSync(corpusFile(`real/${file}`));
      const skipped = await readPdf(bytes);
      const parsed = await readPdf(bytes, { parseAllFonts: true });
      expect(skipped.pages.length).toBeGreaterThan(20);
      expect(skipped.pages).toEqual(parsed.pages);
    },
  );

  it('skips the embedded font programs (the pdfjs patch is applied)', async () => {
    const { getDocument, OPS } = await import('./pdf/pdfjs.ts');
    const bytes = readFileSync(corpusFile('real/sh-pt-czj-2024-final.pdf'));
    const fontsOnFirstPage = async (textOnlyFonts: boolean): Promise<boolean[]> => {
      const task = getDocument({ data: new Uint8Array(bytes), textOnlyFonts, verbosity: 0 });
      try {
        const page = await (await task.promise).getPage(1);
        const ops = await page.getOperatorList();
        const names = new Set<string>();
        ops.fnArray.forEach((fn, i) => {
          const arg: unknown = (ops.argsArray[i] as unknown[] | null)?.[0];
          if (fn === OPS.setFont && typeof arg === 'string') names.add(arg);
        });
        return [...names].map(
          (n) => (page.commonObjs.get(n) as { missingFile?: boolean }).missingFile === true,
        );
      } finally {
        await task.destroy();
      }
    };
    const withPatch = await fontsOnFirstPage(true);
    expect(withPatch.length).toBeGreaterThan(0);
    expect(withPatch.every(Boolean)).toBe(true);
    expect((await fontsOnFirstPage(false)).some((missing) => !missing)).toBe(true);
  });

  it('rejects the truncated real PDF as corrupt', async () => {
    const bytes = new Uint8Array(readFileSync(corpusFile(FINALS[3])));
    const err = await errorOf(readPdf(bytes.slice(0, Math.floor(bytes.length * 0.6))));
    expect(err.code).toBe('corrupt');
  });
});
