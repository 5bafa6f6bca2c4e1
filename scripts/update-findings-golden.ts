/**
 * Rewrites fixtures/<case>/findings.golden.json from the corpus. Every error and warning must then carry a
 * verdict in fixtures/<case>/findings.review.yaml (the test says which are missing).
 *
 *   npx tsx scripts/update-findings-golden.ts [case…]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDINGS_CASES, formatFindingsGolden } from '#app/findings-golden.ts';
import { createApp } from '#src/compose.ts';
import { CORPUS_DIR, PROJECT_ROOT, corpusAvailable, corpusFile } from '#src/testing/corpus.ts';

if (!corpusAvailable()) throw new Error(`corpus not found at ${CORPUS_DIR}`);
const only = process.argv.slice(2);
const app = createApp();
// One batch, as the golden test checks them: documents of one department pair up.
const results = await app.check(
  FINDINGS_CASES.map((c) => ({ path: c.file, bytes: readFileSync(corpusFile(c.file)) })),
);
for (const c of FINDINGS_CASES) {
  if (only.length > 0 && !only.includes(c.name)) continue;
  const r = results.find((x) => x.path === c.file);
  if (!r?.ok) throw new Error(`${c.file}: cannot be read`);
  const path = join(PROJECT_ROOT, 'fixtures', c.name, 'findings.golden.json');
  writeFileSync(path, formatFindingsGolden(r.findings));
  console.log(`${c.name}: ${r.findings.length} findings → ${path}`);
}
