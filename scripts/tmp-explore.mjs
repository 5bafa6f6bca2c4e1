import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const require = createRequire(import.meta.url);
const base = dirname(require.resolve('pdfjs-dist/package.json'));
const [file, pageNo] = process.argv.slice(2);
const data = new Uint8Array(readFileSync(file));
const doc = await pdfjs.getDocument({
  data,
  cMapUrl: base + '/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: base + '/standard_fonts/',
  disableFontFace: true,
  isEvalSupported: false,
  useSystemFonts: false,
}).promise;
const page = await doc.getPage(Number(pageNo));
const ops = await page.getOperatorList();
const names = Object.fromEntries(Object.entries(pdfjs.OPS).map(([k, v]) => [v, k]));
const counts = {};
let n = 0;
for (let i = 0; i < ops.fnArray.length; i++) {
  const fn = ops.fnArray[i];
  counts[names[fn]] = (counts[names[fn]] ?? 0) + 1;
  if (
    [
      'constructPath',
      'transform',
      'save',
      'restore',
      'setLineWidth',
      'setFillRGBColor',
      'setStrokeRGBColor',
      'paintFormXObjectBegin',
      'clip',
      'setGState',
    ].includes(names[fn]) &&
    n < Number(process.argv[4] ?? 60)
  ) {
    n++;
    const a = ops.argsArray[i];
    if (names[fn] === 'constructPath')
      console.log(
        i,
        'path',
        names[a[0]],
        a[1][0]
          ? Array.from(a[1][0])
              .map((x) => Math.round(x * 100) / 100)
              .join(' ')
          : null,
        a[2] && Array.from(a[2]).map((x) => Math.round(x * 100) / 100),
      );
    else console.log(i, names[fn], JSON.stringify(a));
  }
}
console.log(counts);
console.log(page.view);
