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
const vp = page.getViewport({ scale: 1 });
console.log('rotate', page.rotate, 'view', page.view, 'vp', vp.width, vp.height, vp.transform);
const tc = await page.getTextContent();
let n = 0;
for (const it of tc.items) {
  if (!('str' in it)) {
    console.log('marked', it.type);
    continue;
  }
  if (n++ > Number(max ?? 80)) break;
  console.log(
    JSON.stringify(it.str),
    it.transform.map((x) => Math.round(x * 100) / 100).join(','),
    'w',
    Math.round(it.width * 100) / 100,
    'h',
    Math.round(it.height * 100) / 100,
    it.dir,
    it.hasEOL ? 'EOL' : '',
    it.fontName,
  );
}
console.log(tc.items.length, Object.keys(tc.styles).length);
