import { readFileSync } from 'node:fs';
import { readPdf } from '#adapters/pdf-reader.ts';
for (const f of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(f));
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const doc = await readPdf(bytes);
    console.log(f.split('/').pop(), doc.pages.length, 'pages', Math.round(performance.now() - t0), 'ms');
  }
}
