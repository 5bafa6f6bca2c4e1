import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const base = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const opts = {
  cMapUrl: base + '/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: base + '/standard_fonts/',
  disableFontFace: process.env.DFF === '1',
  isEvalSupported: false,
  useSystemFonts: false,
  verbosity: 0,
};
const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
for (const mode of ['text', 'ops', 'both', 'text', 'ops', 'both']) {
  const t0 = performance.now();
  const task = pdfjs.getDocument({ ...opts, data: bytes.slice() });
  const doc = await task.promise;
  const t1 = performance.now();
  const per = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const s = performance.now();
    const p = await doc.getPage(n);
    if (mode !== 'ops') await p.getTextContent();
    if (mode !== 'text') await p.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    per.push(Math.round(performance.now() - s));
  }
  console.log(mode, 'open', Math.round(t1 - t0), 'total', Math.round(performance.now() - t0), per.join(' '));
  await task.destroy();
}
