import { normalizeText } from '#extract/normalize.ts';
import type { RawDocument, RawLine } from '#domain/raw-document.ts';

/**
 * Plain text and Markdown: one page unless the text carries form feeds; tab-separated lines become cells.
 */
export function readText(bytes: Uint8Array): RawDocument {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const pages = normalizeText(text).split('\f');
  return {
    format: 'text',
    pages: pages.map((pageText, i) => {
      const lines: RawLine[] = [];
      pageText.split('\n').forEach((raw, idx) => {
        if (raw.trim() === '') return;
        const parts = raw.includes('\t') ? raw.split('\t') : [raw];
        lines.push({
          page: i + 1,
          line: idx + 1,
          text: parts.map((p) => p.trim()).join('\t'),
          cells: parts.map((p, col) => ({ text: p.trim(), x0: col, x1: col + 1 })),
          y: idx,
        });
      });
      return { number: i + 1, width: 0, height: 0, lines };
    }),
  };
}
