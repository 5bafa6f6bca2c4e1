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
const files = process.argv.slice(2);
for (let round = 0; round < 4; round++)
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const t0 = performance.now();
    const task = pdfjs.getDocument({ ...opts, data: bytes });
    const doc = await task.promise;
    await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const p = await doc.getPage(i + 1);
        await p.getTextContent();
        await p.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
      }),
    );
    console.log(round, file.split('/').pop(), Math.round(performance.now() - t0));
    await task.destroy();
  }
