import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, corpusAvailable, readCorpus } from '#src/testing/corpus.ts';
import { extractSelfEvaluation } from './extract-self-evaluation.ts';
import { formatSelfEvaluationGolden, SELFEVAL_GOLDEN_CASES, toSelfEvaluationGolden } from './golden.ts';

/** Update with `npx tsx scripts/update-selfeval-golden.ts` and review the diff (REVIEW.md beside each file). */
describe.skipIf(!corpusAvailable())('extractSelfEvaluation against reviewed golden files', () => {
  it.each(SELFEVAL_GOLDEN_CASES.map((c) => [c.name, c.file] as const))('%s', async (name, file) => {
    const expected = readFileSync(join(PROJECT_ROOT, 'fixtures', name, 'selfeval.golden.json'), 'utf8');
    const se = extractSelfEvaluation(await readCorpus(file));
    const actual = formatSelfEvaluationGolden(toSelfEvaluationGolden(name, file, se));
    // Parsed, so that a failure shows which values differ.
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(actual).toBe(expected);
  });
});
