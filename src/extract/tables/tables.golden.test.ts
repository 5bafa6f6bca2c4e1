import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, corpusAvailable, readCorpus } from '#src/testing/corpus.ts';
import { extractTables } from './extract-tables.ts';
import { GOLDEN_CASES, toGolden, type Golden } from './golden.ts';

describe.skipIf(!corpusAvailable())('extractTables against reviewed golden files', () => {
  it.each(GOLDEN_CASES.map((c) => [c.name, c.file] as const))('%s', async (name, file) => {
    const expected = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'fixtures', name, 'tables.golden.json'), 'utf8'),
    ) as Golden;
    const actual = toGolden(extractTables(await readCorpus(file)));
    // JSON round trip: the golden file has no undefined members.
    expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
  });
});
