import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, corpusAvailable, readCorpus } from '#src/testing/corpus.ts';
import { extractClaims } from './extract-claims.ts';
import { CLAIMS_GOLDEN_CASES, formatClaimsGolden, toClaimsGolden } from './golden.ts';

/** Update with `npx tsx scripts/update-claims-golden.ts` and review the diff. */
describe.skipIf(!corpusAvailable())('extractClaims against reviewed golden files', () => {
  it.each(CLAIMS_GOLDEN_CASES.map((c) => [c.name, c.file] as const))('%s', async (name, file) => {
    const expected = readFileSync(join(PROJECT_ROOT, 'fixtures', name, 'claims.golden.json'), 'utf8');
    const actual = formatClaimsGolden(toClaimsGolden(name, file, extractClaims(await readCorpus(file))));
    // Parsed, so that a failure shows which claims differ.
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(actual).toBe(expected);
  });
});
