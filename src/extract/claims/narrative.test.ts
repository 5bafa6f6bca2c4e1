import { describe, expect, it } from 'vitest';
import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import { normalizeText } from '#extract/normalize.ts';
import { readNarrative } from './narrative.ts';

/**
 * A line spec: plain text is one running-text cell; "a|b|c" is a ruled table row (grid set);
 * "a\tb" a line of several cells; `[x0,x1] text` a cell at that position (PDF geometry).
 */
function line(page: number, n: number, spec: string): RawLine {
  const placed = /^\[(\d+),(\d+)\] (.*)$/.exec(spec);
  if (placed) {
    const text = normalizeText(placed[3] ?? '');
    return {
      page,
      line: n,
      text,
      cells: [{ text, x0: Number(placed[1]), x1: Number(placed[2]) }],
      y: n * 20,
    };
  }
  const ruled = spec.includes('|');
  const parts = (ruled ? spec.split('|') : spec.split('\t')).map((s) => normalizeText(s.trim()));
  return {
    page,
    line: n,
    text: parts.join('\t'),
    cells: parts.map((text, i) => ({ text, x0: i, x1: i + 1 })),
    y: n,
    ...(ruled ? { grid: { table: 0, row: n, columns: parts.length } } : {}),
  };
}

function doc(pages: string[][], width = 0): RawDocument {
  return {
    format: width > 0 ? 'pdf' : 'text',
    pages: pages.map((lines, p) => ({
      number: p + 1,
      width,
      height: width > 0 ? 842 : 0,
      lines: lines.map((spec, i) => line(p + 1, i + 1, spec)),
    })),
  };
}

function texts(d: RawDocument): string[] {
  return readNarrative(d).paragraphs.map((p) => p.text);
}

describe('readNarrative: where the narrative is', () => {
  const d = doc([
    ['目录', '第一部分 概况', '第三部分 部门决算情况说明', '第四部分 名词解释'],
    [
      '第一部分 概况',
      '下属单位共3个。',
      '收入支出决算总表',
      '项目|决算数',
      '一、一般公共预算财政拨款收入|3,193.39',
    ],
    ['第三部分 部门决算情况说明', '一、收入支出决算总体情况说明', '本年收入合计100.00万元。', '7'],
    ['第四部分 名词解释', '基本支出:指保障机构正常运转的支出,如0万元。'],
  ]);

  it('starts after the last 第三部分 heading (the body, not the contents) and stops at 名词解释', () => {
    expect(texts(d)).toEqual(['一、收入支出决算总体情况说明', '本年收入合计100.00万元。']);
  });

  it('reads the whole document when there is no 第三部分, skipping table rows', () => {
    const plain = doc([['收入决算表', '项目\t3,193.39\t0.00', '合计|3,193.39', '基本支出100.00万元。']]);
    expect(texts(plain)).toEqual(['收入决算表基本支出100.00万元。']);
  });

  it('keeps a heading printed as two cells', () => {
    const d2 = doc([['第三部分\t某某局情况说明', '一、总体情况', '总收入5.00万元。']]);
    expect(texts(d2)).toEqual(['一、总体情况', '总收入5.00万元。']);
  });

  it('drops running headers and footers repeated on many pages', () => {
    const pages = [1, 2, 3, 4].map((n) => ['某某局2024年度部门决算', `第${n}段收入${n}.00万元,`, `- ${n} -`]);
    expect(texts(doc(pages))).toEqual([
      '第1段收入1.00万元,第2段收入2.00万元,第3段收入3.00万元,第4段收入4.00万元,',
    ]);
  });
});

describe('readNarrative: paragraphs and headings', () => {
  it('joins a sentence broken across lines and pages, and splits at headings', () => {
    const d = doc([
      ['(二)2024年度财政拨款支出说明', '国有资本经营预算财政拨款支出0万元,比年初预算数增加0万'],
      [
        '元,增长--(基数为0,不可比)。',
        '三、“三公”经费支出决算情况说明',
        '(一)总体情况说明',
        '“三公”经费6.78万元。',
      ],
    ]);
    const { paragraphs } = readNarrative(d);
    expect(paragraphs.map((p) => [p.text, p.heading, p.section])).toEqual([
      ['(二)2024年度财政拨款支出说明', true, ['(二)2024年度财政拨款支出说明']],
      [
        '国有资本经营预算财政拨款支出0万元,比年初预算数增加0万元,增长--(基数为0,不可比)。',
        false,
        ['(二)2024年度财政拨款支出说明'],
      ],
      ['三、“三公”经费支出决算情况说明', true, ['三、“三公”经费支出决算情况说明']],
      ['(一)总体情况说明', true, ['三、“三公”经费支出决算情况说明', '(一)总体情况说明']],
      ['“三公”经费6.78万元。', false, ['三、“三公”经费支出决算情况说明', '(一)总体情况说明']],
    ]);
    // The joined paragraph knows which line each part came from.
    expect(paragraphs[1]?.starts).toEqual([0, 28]);
  });

  it('a numbered paragraph is a section of its own and names its topic', () => {
    const d = doc([
      [
        '五、一般公共预算财政拨款支出决算情况说明',
        '(三)具体情况',
        '1、一般公共服务支出(类)财政事务(款)行政运行(项)。主要用于:日常运转。年初预算为10.00万元。',
        '2. 基本支出2,036.26万元,比上年决算数减少189.43万元。',
      ],
    ]);
    const items = readNarrative(d).paragraphs.slice(2);
    expect(items.map((p) => [p.section.at(-1), p.topic, p.heading])).toEqual([
      [
        '1、一般公共服务支出(类)财政事务(款)行政运行(项)',
        '一般公共服务支出(类)财政事务(款)行政运行(项)',
        false,
      ],
      ['2.基本支出', '基本支出', false],
    ]);
    expect(items[1]?.section).toEqual([
      '五、一般公共预算财政拨款支出决算情况说明',
      '(三)具体情况',
      '2.基本支出',
    ]);
  });

  it('a line starting with a figure like 1.72 is no heading', () => {
    const d = doc([['公务用车购置及运行维护费支出', '1.72万元,占25.3%。']]);
    expect(texts(d)).toEqual(['公务用车购置及运行维护费支出1.72万元,占25.3%。']);
  });

  it('a marker alone on its line takes the next line as its title', () => {
    const d = doc([['(一)', '“三公”经费财政拨款支出决算总体情况说明。', '“三公”经费6.78万元。']]);
    expect(readNarrative(d).paragraphs.map((p) => [p.text, p.heading])).toEqual([
      ['(一)“三公”经费财政拨款支出决算总体情况说明。', true],
      ['“三公”经费6.78万元。', false],
    ]);
  });

  it('with geometry, a heading that runs to the margin goes on; one that stops short does not', () => {
    const d = doc(
      [
        [
          '[120,505] 1、社会保障和就业支出(类)行政事业单位养老支出(款)',
          '[90,506] 行政单位离退休(项)。主要用于:行政单位退休人员支出。年',
          '[90,300] 初预算为54.53万元,支出决算为54.53万元。',
          '[120,451] 六、一般公共预算财政拨款基本支出决算情况说明',
          '[120,505] 一般公共预算财政拨款基本支出2,336.91万元。其中:人员',
          '[90,505] 经费2,152.26万元,主要包括:基本工资、津贴补贴、机关事业单位',
          '[120,480] 5、社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休',
          '[90,300] (项)。主要用于:退休人员经费支出。',
        ],
      ],
      595,
    );
    const { paragraphs } = readNarrative(d);
    expect(paragraphs.map((p) => p.section.at(-1))).toEqual([
      '1、社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '5、社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)',
    ]);
  });
});
