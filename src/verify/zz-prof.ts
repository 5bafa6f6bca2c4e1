/* eslint-disable */
import { readFileSync } from 'node:fs';
import { loadCodeTables, loadRuleFiles } from '#adapters/rulesets.ts';
import { readText } from '#adapters/text-reader.ts';
import { extractDocument } from '#extract/document.ts';
import { corpusFile } from '#src/testing/corpus.ts';
import { makeContext } from './context.ts';
import { evaluate } from './evaluate.ts';
const raw = readText(new Uint8Array(readFileSync(corpusFile('seeds/004_93c4c58a71a1e296.txt'))));
const doc = extractDocument(raw, 'x');
const codes = loadCodeTables();
const all = loadRuleFiles('final-accounts').flatMap((f) => f.rules).filter(r => !/narrative|prior/.test(r.id));
for (let i = 0; i < 20; i++) evaluate(all, makeContext(doc, undefined, codes));
const t0 = performance.now();
for (let i = 0; i < 200; i++) evaluate(all, makeContext(doc, undefined, codes));
console.log('ms/eval', (performance.now() - t0) / 200);
