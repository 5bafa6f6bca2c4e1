import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const require = createRequire(import.meta.url);
const base = dirname(require.resolve('pdfjs-dist/package.json'));
const [file, pageNo, max] = process.argv.slice(2);
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
let n = 0;
const kinds = {};
for (let i = 0; i < ops.fnArray.length; i++) {
  const fn = ops.fnArray[i];
  const a = ops.argsArray[i];
  if (names[fn] === 'constructPath') {
    const k = names[a[0]];
    kinds[k] = (kinds[k] ?? 0) + 1;
    if (k === 'endPath') continue;
    if (n++ < Number(max ?? 40))
      console.log(
        i,
        'path',
        k,
        a[1][0]
          ? Array.from(a[1][0])
              .map((x) => Math.round(x * 100) / 100)
              .join(' ')
          : null,
      );
  } else if (
    ['transform', 'setLineWidth', 'setFillRGBColor', 'setStrokeRGBColor', 'paintFormXObjectBegin'].includes(
      names[fn],
    ) &&
    n < Number(max ?? 40)
  )
    console.log(i, names[fn], JSON.stringify(a));
}
console.log(kinds, ops.fnArray.length);
