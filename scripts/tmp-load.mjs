import { readFileSync } from 'node:fs';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const tryLoad = async (label, data) => {
  try {
    const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
    let ok = 0,
      fail = 0,
      empty = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      try {
        const p = await doc.getPage(i);
        const t = await p.getTextContent();
        await p.getOperatorList();
        ok++;
        if (t.items.length === 0) empty++;
      } catch (e) {
        fail++;
      }
    }
    console.log(label, 'loaded pages', doc.numPages, 'ok', ok, 'fail', fail, 'emptytext', empty);
  } catch (e) {
    console.log(label, 'ERR', e.name, e.constructor.name, e.code, e.message);
  }
};
const full = new Uint8Array(readFileSync('/work/shared/corpus/real/sh-pt-czj-2024-final.pdf'));
await tryLoad('enc', new Uint8Array(readFileSync('fixtures/malformed/encrypted.pdf')));
await tryLoad('half', full.slice(0, full.length >> 1));
await tryLoad('90%', full.slice(0, Math.floor(full.length * 0.9)));
await tryLoad('first 2k', full.slice(0, 2048));
await tryLoad(
  'random',
  new Uint8Array(4096).map(() => Math.floor(Math.random() * 256)),
);
await tryLoad('empty', new Uint8Array(0));
await tryLoad('hdr only', new TextEncoder().encode('%PDF-1.7\n'));
await tryLoad('text', new TextEncoder().encode('hello world, not a pdf'));
const tiny = new Uint8Array(readFileSync('/tmp/tiny.pdf'));
await tryLoad('tiny', tiny);
await tryLoad('tiny-trunc', tiny.slice(0, 200));
