// @ts-nocheck
import { readFileSync } from 'node:fs';
import { readPdf } from '#adapters/pdf-reader.ts';
const [file, from, to] = process.argv.slice(2);
const t0 = performance.now();
const doc = await readPdf(new Uint8Array(readFileSync(file!)));
const t1 = performance.now();
console.log('pages', doc.pages.length, 'ms', Math.round(t1 - t0), 'textless', doc.textlessPages);
for (const p of doc.pages) {
  if (p.number < Number(from ?? 1) || p.number > Number(to ?? 999)) continue;
  console.log(`=== page ${p.number} ${p.width}x${p.height}`);
  for (const l of p.lines) {
    const g = l.grid ? `T${l.grid.table}R${l.grid.row}/${l.grid.columns}` : '        ';
    console.log(
      `${String(l.line).padStart(3)} ${l.y.toFixed(1).padStart(6)} ${g.padEnd(10)} ${l.cells.map((c) => (c.text === '' ? '·' : c.text)).join(' | ')}`,
    );
  }
}
