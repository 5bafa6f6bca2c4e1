/**
 * Acceptance: perturb every table figure that takes part in a relation, and every narrative amount and
 * percentage, by more than any rounding tolerance; at least 98 % must yield an error-level finding that
 * points at the perturbed cell or sentence. Figures printed in more than one place must also be caught
 * with the last digit ±1.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileReader } from '#adapters/reader.ts';
import { loadCodeTables, loadRules } from '#adapters/rulesets.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import type { Finding } from '#domain/finding.ts';
import {
  add,
  formatFixed,
  FIXED_SCALE,
  intervalOf,
  overlaps,
  percentOf,
  sub,
  type Figure,
} from '#domain/quantity.ts';
import { extractDocument } from '#extract/document.ts';
import { cellKey, makeContext, type CellTrace } from '#verify/context.ts';
import { evaluate } from '#verify/evaluate.ts';
import type { Rule } from '#verify/rule.schema.ts';
import { corpusAvailable, corpusFile } from '#src/testing/corpus.ts';

const CASES = [
  'seeds/004_93c4c58a71a1e296.txt',
  'real/sh-pt-czj-2024-final.pdf',
  'real/sh-pt-ghzy-2024-final.pdf',
] as const;

const UNIT = 10n ** BigInt(FIXED_SCALE);

interface Mutation {
  kind: 'ones+1' | 'ones-1' | 'swap' | 'x10000' | 'last+1' | 'last-1';
  value: bigint;
}

function digitsSwaps(f: Figure): bigint[] {
  const text = formatFixed(f.value < 0n ? -f.value : f.value, f.decimals, false);
  const out: bigint[] = [];
  const chars = [...text];
  const digitPos = chars.flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  for (let k = 0; k + 1 < digitPos.length; k++) {
    const a = digitPos[k] ?? 0;
    const b = digitPos[k + 1] ?? 0;
    if (chars[a] === chars[b]) continue;
    const swapped = [...chars];
    [swapped[a], swapped[b]] = [chars[b] ?? '', chars[a] ?? ''];
    const [i = '0', d = ''] = swapped.join('').split('.');
    out.push(BigInt(i + d.padEnd(FIXED_SCALE, '0')) * (f.value < 0n ? -1n : 1n));
  }
  return out;
}

function mutations(f: Figure, printedTwice: boolean): Mutation[] {
  const m: Mutation[] = [
    { kind: 'ones+1', value: f.value + UNIT },
    { kind: 'ones-1', value: f.value - UNIT },
    ...digitsSwaps(f).map((value) => ({ kind: 'swap' as const, value })),
  ];
  if (f.value !== 0n) m.push({ kind: 'x10000', value: f.value * 10_000n });
  if (printedTwice && f.decimals > 0 && f.decimals < FIXED_SCALE) {
    const step = 10n ** BigInt(FIXED_SCALE - f.decimals);
    m.push({ kind: 'last+1', value: f.value + step }, { kind: 'last-1', value: f.value - step });
  }
  return m;
}

function withValue(f: Figure, value: bigint): Figure {
  return { ...f, value, text: formatFixed(value, f.decimals), blank: false };
}

const signature = (f: Finding): string => `${f.ruleId}|${f.message.en}`;

describe.skipIf(!corpusAvailable())('mutation: perturbed figures are caught', () => {
  const rules = loadRules('final-accounts');
  const codes = loadCodeTables();

  describe.each(CASES)('%s', (rel) => {
    let doc: DisclosureDocument;
    let trace: CellTrace;
    let baseline: Set<string>;
    /** For each traced cell, the rules that read it: only those can change when it changes. */
    const readers = new Map<string, Rule[]>();
    const narrativeRules = rules.filter((r) => r.category === 'narrative' || r.category === 'prior-year');

    beforeAll(async () => {
      const raw = await fileReader.read(readFileSync(corpusFile(rel)), rel);
      doc = extractDocument(raw, rel);
      trace = { cells: new Set(), exact: new Set() };
      baseline = new Set(evaluate(rules, makeContext(doc, undefined, codes, trace)).findings.map(signature));
      for (const rule of rules) {
        const own: CellTrace = { cells: new Set(), exact: new Set() };
        evaluate([rule], makeContext(doc, undefined, codes, own));
        for (const key of own.cells) readers.set(key, [...(readers.get(key) ?? []), rule]);
      }
    });

    function caught(subset: readonly Rule[], match: (f: Finding) => boolean): boolean {
      return evaluate(subset, makeContext(doc, undefined, codes)).findings.some(
        (f) => f.severity === 'error' && !baseline.has(signature(f)) && match(f),
      );
    }

    it('catches ≥ 98 % of table-figure perturbations at the perturbed cell', () => {
      let total = 0;
      const missed: string[] = [];
      for (const table of doc.tables) {
        for (const row of table.rows) {
          for (const cell of row.cells) {
            const key = cellKey(table.id, row.key, cell.column);
            if (!trace.cells.has(key)) continue;
            const original = cell.figure;
            for (const m of mutations(original, trace.exact.has(key))) {
              total++;
              cell.figure = withValue(original, m.value);
              const hit = caught(readers.get(key) ?? [], (f) =>
                f.evidence.some((e) => e.table === table.id && e.row === row.key && e.column === cell.column),
              );
              if (!hit) missed.push(`${key} ${original.text} → ${cell.figure.text} (${m.kind})`);
              cell.figure = original;
            }
          }
        }
      }
      expect(total).toBeGreaterThan(50);
      const rate = 1 - missed.length / total;
      expect(
        rate,
        `${missed.length}/${total} missed:\n${missed.slice(0, 60).join('\n')}`,
      ).toBeGreaterThanOrEqual(0.98);
    });

    it('catches ≥ 98 % of narrative amount and percentage perturbations at the sentence', () => {
      const fields = ['value', 'percent', 'changeAmount', 'changePercent', 'baseValue'] as const;
      const bindingRules = narrativeRules.filter((r) => r.op === 'claim-amount');
      let total = 0;
      let insideEnvelope = 0;
      let noRelation = 0;
      const missed: string[] = [];
      for (const claim of doc.claims) {
        // A claim bound to a table cell prints the same fact twice: its amounts must match to the last digit.
        const own: CellTrace = { cells: new Set(), exact: new Set() };
        evaluate(bindingRules, makeContext({ ...doc, claims: [claim] }, undefined, codes, own));
        // Exact-equality cells: the amount's own cell, and the budget's cell when the binding names one.
        const bound = own.exact.size > 0;
        const arithmetic = claim.changeAmount !== undefined || claim.percent !== undefined;
        if (!bound && !arithmetic) {
          noRelation++;
          continue;
        }
        for (const field of fields) {
          const original = claim[field];
          if (!original || original.unit === 'count') continue;
          const tied = (field === 'value' && bound) || (field === 'baseValue' && own.exact.size >= 2);
          for (const m of mutations(original, tied)) {
            claim[field] = withValue(original, m.value);
            if (!tied && ownRelationHolds(claim)) {
              // Inside the rounding envelope of the only relation this figure takes part in.
              insideEnvelope++;
              claim[field] = original;
              continue;
            }
            total++;
            const hit = caught(narrativeRules, (f) =>
              f.evidence.some(
                (e) => e.claim === claim.id || (e.page === claim.source.page && e.line === claim.source.line),
              ),
            );
            if (!hit)
              missed.push(
                `${claim.id} ${claim.subject} ${field} ${original.text} → ${formatFixed(m.value, original.decimals)} (${m.kind})`,
              );
            claim[field] = original;
          }
        }
      }
      expect(total).toBeGreaterThan(20);
      const rate = 1 - missed.length / total;
      const detail = `${missed.length}/${total} missed (${insideEnvelope} inside the envelope and ${noRelation} claims without any relation not counted):\n${missed.slice(0, 60).join('\n')}`;
      expect(rate, detail).toBeGreaterThanOrEqual(0.98);
    });
  });
});

/**
 * The claim's own arithmetic, stated independently of the rules: Δ against the implied base gives the
 * printed percentage; a completion rate is amount over budget. True when the printed intervals still meet.
 */
function ownRelationHolds(c: DisclosureDocument['claims'][number]): boolean {
  if (
    c.value &&
    c.changeAmount &&
    c.changePercent &&
    (c.direction === 'increase' || c.direction === 'decrease')
  ) {
    const v = intervalOf(c.value);
    const d = intervalOf(c.changeAmount, c.value.unit);
    const base = c.direction === 'increase' ? sub(v, d) : add(v, d);
    const p = percentOf(d, base);
    return p !== undefined && overlaps(p, intervalOf(c.changePercent));
  }
  if (c.value && c.baseValue && c.percent && c.base !== 'total') {
    const p = percentOf(intervalOf(c.value), intervalOf(c.baseValue, c.value.unit));
    return p !== undefined && overlaps(p, intervalOf(c.percent));
  }
  return false;
}
