import type { DocumentReader } from '#app/ports.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { ReadError } from './read-error.ts';
import { readText } from './text-reader.ts';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

type Sniffed = 'pdf' | 'zip' | 'text' | 'unknown';

function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.includes(0)) return 'unknown';
  return 'text';
}

/** Chooses the reader by content, not by file name, so a mislabeled file is read for what it is. */
export const fileReader: DocumentReader = {
  async read(bytes: Uint8Array, name: string): Promise<RawDocument> {
    if (bytes.length === 0) throw new ReadError('empty');
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ReadError('too-large', `${MAX_FILE_BYTES / 1024 / 1024} MB`);
    }
    switch (sniff(bytes)) {
      case 'pdf':
        // pdf.js refuses Node Buffers and may detach what it is given: hand it a copy.
        // pdf.js and mammoth take a second or more to load: only pay for them when a file needs them.
        return (await import('./pdf-reader.ts')).readPdf(bytes);
      case 'zip':
        if (/\.(xlsx|xls)$/i.test(name)) {
          throw new ReadError('unsupported', 'Excel workbooks cannot be checked yet');
        }
        return (await import('./docx-reader.ts')).readDocx(bytes).catch((e: unknown) => {
          const detail = e instanceof Error ? e.message : String(e);
          throw new ReadError('corrupt', `DOCX: ${detail}`, { cause: e });
        });
      case 'text':
        try {
          return readText(bytes);
        } catch {
          throw new ReadError('unsupported', 'text that is not UTF-8');
        }
      case 'unknown':
        throw new ReadError('unsupported');
    }
  },
};
