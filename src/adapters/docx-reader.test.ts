import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
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
});
