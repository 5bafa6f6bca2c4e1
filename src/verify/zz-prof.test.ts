/* eslint-disable */
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { loadCodeTables, loadRuleFiles } from '#adapters/rulesets.ts';
import { readText } from '#adapters/text-reader.ts';
import { extractDocument } from '#extract/document.ts';
import { corpusFile } from '#src/testing/corpus.ts';
import { makeContext } from './context.ts';
import { evaluate } from './evaluate.ts';

it('prof', () => {
  const raw = readText(new Uint8Array(readFileSync(corpusFile('seeds/004_93c4c58a71a1e296.txt'))));
  const doc = extractDocument(raw, 'x');
  const codes = loadCodeTables();
  for (const f of loadRuleFiles('final-accounts')) {
    for (const r of f.rules) {
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) evaluate([r], makeContext(doc, undefined, codes));
      const t1 = performance.now();
      for (let i = 0; i < 100; i++) evaluate([r], makeContext(doc, undefined, codes));
      const ms = (performance.now() - t1) / 100; void t0;
      if (ms > 0.3) console.log('T', r.id, ms.toFixed(2));
    }
  }
  const all = loadRuleFiles('final-accounts').flatMap((f) => f.rules);
  for (const [name, rs] of [['all', all], ['others', all.filter((r) => r.id.startsWith('fa.narrative') || r.id.startsWith('fa.prior') || r.id.startsWith('fa.t1.'))]] as const) {
    for (let i = 0; i < 5; i++) evaluate(rs, makeContext(doc, undefined, codes));
    const t0 = performance.now();
    for (let i = 0; i < 30; i++) evaluate(rs, makeContext(doc, undefined, codes));
    console.log('T', name, ((performance.now() - t0) / 30).toFixed(2));
  }
});
