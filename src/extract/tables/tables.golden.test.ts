import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '#adapters/pdf-reader.ts';
import { readText } from '#adapters/text-reader.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { PROJECT_ROOT, corpusAvailable, corpusFile } from '#src/testing/corpus.ts';
import { extractTables } from './extract-tables.ts';
import { GOLDEN_CASES, toGolden, type Golden } from './golden.ts';

async function read(file: string): Promise<RawDocument> {
  const bytes = new Uint8Array(readFileSync(corpusFile(file)));
  return file.endsWith('.pdf') ? readPdf(bytes) : readText(bytes);
}

describe.skipIf(!corpusAvailable())('extractTables against reviewed golden files', () => {
  it.each(GOLDEN_CASES.map((c) => [c.name, c.file] as const))('%s', async (name, file) => {
    const expected = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'fixtures', name, 'tables.golden.json'), 'utf8'),
    ) as Golden;
    const actual = toGolden(extractTables(await read(file)));
    // JSON round trip: the golden file has no undefined members.
    expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
  });
});
