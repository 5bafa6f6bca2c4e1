import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx-reader.ts';

async function makeDocx(): Promise<Uint8Array> {
  const cell = (text: string, columnSpan?: number) =>
    new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('2024年度某某局部门决算')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目', 2), cell('本年收入合计')] }),
              new TableRow({ children: [cell('201'), cell('一般公共服务支出'), cell('１,９４０.６８')] }),
            ],
          }),
          new Paragraph('基本支出2,036.26万元。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx', () => {
  it('keeps paragraphs as lines and table rows as cells, colspan expanded and width normalised', async () => {
    const raw = await readDocx(await makeDocx());
    expect(raw.format).toBe('docx');
    const lines = raw.pages[0]?.lines ?? [];
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['2024年度某某局部门决算'],
      ['项目', '', '本年收入合计'],
      ['201', '一般公共服务支出', '1,940.68'],
      ['基本支出2,036.26万元。'],
    ]);
    expect(lines[1]?.grid).toEqual({ table: 0, row: 0, columns: 3 });
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
  });

  it('keeps columns in place under cells merged downwards (mammoth drops the continued cells)', async () => {
    const cell = (text: string, o: { columnSpan?: number; merge?: 'restart' | 'continue' } = {}) =>
      new TableCell({
        children: [new Paragraph(text)],
        ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
        ...(o.merge
          ? { verticalMerge: o.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
          : {}),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('项目', { columnSpan: 2 }),
                    cell('年初结转和结余', { merge: 'restart' }),
                    cell('本年支出', { columnSpan: 2 }),
                    cell('年末结转和结余', { merge: 'restart' }),
                  ],
                }),
                new TableRow({
                  children: [
                    cell('科目编码'),
                    cell('科目名称'),
                    cell('', { merge: 'continue' }),
                    cell('基本支出'),
                    cell('项目支出'),
                    cell('', { merge: 'continue' }),
                  ],
                }),
                new TableRow({
                  children: ['212', '城乡社区支出', '1.00', '2.00', '3.00', '4.00'].map((t) => cell(t)),
                }),
              ],
            }),
          ],
        },
      ],
    });
    const raw = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(raw.pages[0]?.lines.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['项目', '', '年初结转和结余', '本年支出', '', '年末结转和结余'],
      ['科目编码', '科目名称', '', '基本支出', '项目支出', ''],
      ['212', '城乡社区支出', '1.00', '2.00', '3.00', '4.00'],
    ]);
  });
});
