/**
 * Rewrites fixtures/selfeval-<seed>/selfeval.golden.json from the corpus. Review the diff against the seed
 * text figure by figure before committing (fixtures/selfeval-<seed>/REVIEW.md records the review): a golden
 * file is an expectation, not a snapshot. The files hold figures, names, subjects and positions only.
 *
 *   npx tsx scripts/update-selfeval-golden.ts                                all cases
 *   npx tsx scripts/update-selfeval-golden.ts selfeval-003_43e396ea1042de79  one case
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extractSelfEvaluation,
  formatSelfEvaluationGolden,
  SELFEVAL_GOLDEN_CASES,
  toSelfEvaluationGolden,
} from '#extract/self-evaluation/index.ts';
import { CORPUS_DIR, PROJECT_ROOT, corpusAvailable, readCorpus } from '#src/testing/corpus.ts';

async function main(): Promise<void> {
  if (!corpusAvailable()) throw new Error(`corpus not found at ${CORPUS_DIR}`);
  const only = process.argv.slice(2);
  for (const c of SELFEVAL_GOLDEN_CASES) {
    if (only.length > 0 && !only.includes(c.name)) continue;
    const se = extractSelfEvaluation(await readCorpus(c.file));
    const dir = join(PROJECT_ROOT, 'fixtures', c.name);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'selfeval.golden.json');
    writeFileSync(path, formatSelfEvaluationGolden(toSelfEvaluationGolden(c.name, c.file, se)));
    const counts = `${se.budget.length} budget, ${se.projects.length} projects, ${se.indicators.length} indicators, ${se.scores.length} scores, ${se.counts.length} counts, ${se.metrics.length} metrics`;
    console.log(`${c.name}: ${counts} → ${path}`);
  }
}

await main();
