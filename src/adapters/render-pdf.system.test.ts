import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { fileReader } from './reader.ts';
import { closePdfRenderer, pdfAvailable, renderPdf } from './render-pdf.ts';

/** Needs /usr/bin/chromium, fonts-noto-cjk and poppler-utils (installed by .ci/run). */
describe('renderPdf through the system Chromium', () => {
  afterAll(closePdfRenderer);

  it('has Chromium to drive (CI installs it; a missing browser is a failure here, not a skip)', () => {
    expect(pdfAvailable()).toBe(true);
  });

  it('prints Chinese text and a ruled table to an A4 PDF with every font embedded', async () => {
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
      @page { size: A4; margin: 20mm }
      body { font-family: "Noto Serif CJK SC", serif }
      table { border-collapse: collapse } td { border: 1px solid #000; padding: 2px 6px }
      </style></head><body><h1>示例局2024年度部门决算</h1>
      <table><tr><td>一般公共服务支出</td><td style="text-align:right">1,940.68</td></tr></table></body></html>`;
    const pdf = await renderPdf(html);
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const dir = execFileSync('mktemp', ['-d']).toString().trim();
    const path = `${dir}/out.pdf`;
    execFileSync('sh', ['-c', `cat > ${path}`], { input: pdf });
    const fonts = execFileSync('pdffonts', [path]).toString().split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // pdffonts columns: name type encoding emb sub uni object ID
    for (const f of fonts) expect(f.split(/\s+/).slice(-5)[0]).toBe('yes');
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const raw = await fileReader.read(pdf, 'out.pdf');
    const text = raw.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    expect(text).toContain('示例局2024年度部门决算');
    expect(text).toContain('1,940.68');
  });
});
