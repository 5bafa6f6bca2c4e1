/**
 * Rewrites fixtures/<case>/claims.golden.json from the corpus. Review the diff against the document's
 * 情况说明 before committing: a golden file is an expectation, not a snapshot. The files hold figures,
 * subjects and positions only; the documents' sentences are replaced by a digest.
 *
 *   npx tsx scripts/update-claims-golden.ts            all cases
 *   npx tsx scripts/update-claims-golden.ts seed-004   one case
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLAIMS_GOLDEN_CASES,
  extractClaims,
  formatClaimsGolden,
  toClaimsGolden,
} from '#extract/claims/index.ts';
import { CORPUS_DIR, PROJECT_ROOT, corpusAvailable, readCorpus } from '#src/testing/corpus.ts';

async function main(): Promise<void> {
  if (!corpusAvailable()) throw new Error(`corpus not found at ${CORPUS_DIR}`);
  const only = process.argv.slice(2);
  for (const c of CLAIMS_GOLDEN_CASES) {
    if (only.length > 0 && !only.includes(c.name)) continue;
    const claims = extractClaims(await readCorpus(c.file));
    const dir = join(PROJECT_ROOT, 'fixtures', c.name);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'claims.golden.json');
    writeFileSync(path, formatClaimsGolden(toClaimsGolden(c.name, c.file, claims)));
    console.log(`${c.name}: ${claims.length} claims → ${path}`);
  }
}

await main();
