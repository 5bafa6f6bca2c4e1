// This test reads the seed document and the fixture through the real readers and the extractor; the verify
// engine it exercises stays pure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCodeTables, loadRules } from '#adapters/rulesets.ts';
import { readText } from '#adapters/text-reader.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import { summarize } from '#domain/finding.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { detectIdentity } from '#extract/identity.ts';
import { extractTables } from '#extract/tables/index.ts';
import { PROJECT_ROOT, corpusAvailable, corpusFile } from '#src/testing/corpus.ts';
import { buildCaseDocument } from './case-document.ts';
import { makeContext } from './context.ts';
import { evaluate, type Verification } from './evaluate.ts';
import { CaseDocumentSchema } from './rule.schema.ts';

// The seed is a published, consistent 部门决算: its real figures must raise no error, and the rounding
// differences the official software leaves (表6 人员经费 = 301 + 303 misses by 0.01) stay notes.
const SEED = 'seeds/004_93c4c58a71a1e296.txt';
const FIXTURE = join(PROJECT_ROOT, 'fixtures', 'seed-004', 'tables.case.yaml');

// Narrative rules depend on claim extraction, which has its own tests; this one is about tables and text.
const rules = loadRules('final-accounts').filter(
  (r) => r.category !== 'narrative' && r.category !== 'prior-year',
);
const codes = loadCodeTables();
const haveCorpus = corpusAvailable();

function readSeed(): RawDocument {
  return readText(new Uint8Array(readFileSync(corpusFile(SEED))));
}

function fixtureDocument(): DisclosureDocument {
  const doc = buildCaseDocument(CaseDocumentSchema.parse(parse(readFileSync(FIXTURE, 'utf8'))));
  // The real text lines, when the corpus is at hand, so the hygiene rules see the seed's own wording.
  return haveCorpus ? { ...doc, lines: readSeed().pages.flatMap((p) => p.lines) } : doc;
}

function extractedDocument(): DisclosureDocument {
  const raw = readSeed();
  return {
    path: SEED,
    format: raw.format,
    ...detectIdentity(raw),
    pageCount: raw.pages.length,
    lines: raw.pages.flatMap((p) => p.lines),
    tables: extractTables(raw).tables,
    claims: [],
  };
}

function expectClean(result: Verification): void {
  const errors = result.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.ruleId}: ${f.message.zh}`);
  expect(errors).toEqual([]);
  const warnings = result.findings
    .filter((f) => f.severity === 'warning')
    .map((f) => `${f.ruleId}: ${f.message.zh}`);
  expect(warnings).toEqual([]);
  expect(summarize(result.outcomes).passed).toBeGreaterThan(100);
  // Every table rule family had something to check on a complete document.
  const ran = new Set(result.outcomes.filter((o) => o.status !== 'not-applicable').map((o) => o.ruleId));
  const idle = rules
    .filter((r) => r.category === 'table-sum' || r.category === 'cross-table')
    .map((r) => r.id)
    .filter((id) => !ran.has(id));
  // 表7/表8 print only their 合计 row: no codes, so no hierarchy and no code set to compare.
  expect(idle.sort()).toEqual(['fa.t7.hierarchy', 'fa.t8.hierarchy', 'fa.x.t7-t8-codes-in-t3']);
}

function roundingNotes(result: Verification): string[] {
  return result.findings.filter((f) => f.ruleId === 'fa.t6.personnel-total').map((f) => f.severity);
}

describe('seed 004: the published figures pass', () => {
  it('transcribed tables (fixtures/seed-004/tables.case.yaml)', () => {
    const result = evaluate(rules, makeContext(fixtureDocument(), undefined, codes));
    expectClean(result);
    expect(roundingNotes(result)).toEqual(['info']);
  });

  it.skipIf(!haveCorpus)('tables read by the extractor from the seed text', () => {
    const result = evaluate(rules, makeContext(extractedDocument(), undefined, codes));
    expectClean(result);
    expect(roundingNotes(result)).toEqual(['info']);
  });
});
