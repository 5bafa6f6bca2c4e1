/**
 * DOCX support end to end: the demo 决算 written as a Word document (paragraphs and real Word tables) must
 * yield the same tables, claims and findings as its text form.
 */
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { DEMO_DOCUMENT } from '#adapters/demo.ts';
import { createApp } from '#src/compose.ts';

function toDocx(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    children.push(
      new Table({
        rows: rows.map(
          (r) =>
            new TableRow({
              children: Array.from(
                { length: width },
                (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] }),
              ),
            }),
        ),
      }),
    );
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      if (line.trim()) children.push(new Paragraph(line));
    }
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('DOCX documents', () => {
  it('give the same tables, claims and findings as the same document in text', async () => {
    const text = readFileSync(DEMO_DOCUMENT);
    const docx = await toDocx(text.toString('utf8'));
    const [fromText, fromDocx] = await createApp().check([
      { path: 'demo.txt', bytes: text },
      { path: 'demo.docx', bytes: docx },
    ]);
    if (!fromText?.ok || !fromDocx?.ok) throw new Error('not read');
    expect(fromDocx.format).toBe('docx');
    const cells = (r: typeof fromText) =>
      r.tables.map((t) => [
        t.id,
        t.rows.map((row) => [row.key, row.cells.map((c) => [c.column, c.figure.text])]),
      ]);
    expect(cells(fromDocx)).toEqual(cells(fromText));
    expect(fromDocx.claims.map((c) => [c.subject, c.value?.text, c.changePercent?.text])).toEqual(
      fromText.claims.map((c) => [c.subject, c.value?.text, c.changePercent?.text]),
    );
    const rules = (r: typeof fromText) => r.findings.map((f) => `${f.severity} ${f.ruleId}`).sort();
    expect(rules(fromDocx)).toEqual(rules(fromText));
    expect(fromDocx.findings.some((f) => f.severity === 'error' && f.ruleId === 'fa.t3.row-sum')).toBe(true);
  });
});
