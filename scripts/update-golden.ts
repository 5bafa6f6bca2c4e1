/**
 * Rewrites fixtures/<case>/tables.golden.json from the corpus. Review the diff against the page images
 * before committing: a golden file is an expectation, not a snapshot.
 *
 *   npx tsx scripts/update-golden.ts            all cases
 *   npx tsx scripts/update-golden.ts seed-004   one case
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTables } from '#extract/tables/extract-tables.ts';
import { GOLDEN_CASES, formatGolden } from '#extract/tables/golden.ts';
import { CORPUS_DIR, PROJECT_ROOT, corpusAvailable, readCorpus } from '#src/testing/corpus.ts';

async function main(): Promise<void> {
  if (!corpusAvailable()) throw new Error(`corpus not found at ${CORPUS_DIR}`);
  const only = process.argv.slice(2);
  for (const c of GOLDEN_CASES) {
    if (only.length > 0 && !only.includes(c.name)) continue;
    const extraction = extractTables(await readCorpus(c.file));
    const dir = join(PROJECT_ROOT, 'fixtures', c.name);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'tables.golden.json');
    writeFileSync(path, formatGolden(extraction));
    const rows = extraction.tables.reduce((n, t) => n + t.rows.length, 0);
    console.log(
      `${c.name}: ${extraction.tables.map((t) => t.id).join(' ')} (${rows} rows, ${extraction.problems.length} problems) → ${path}`,
    );
  }
}

await main();
