import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeTables, loadRules } from '#adapters/rulesets.ts';
import { readText } from '#adapters/text-reader.ts';
import type { Claim } from '#domain/claim.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import type { Finding } from '#domain/finding.ts';
import { FIXED_SCALE, formatFixed, type Figure } from '#domain/quantity.ts';
import { extractDocument } from '#extract/document.ts';
import { corpusAvailable, corpusFile } from '#src/testing/corpus.ts';
import { buildCaseDocument } from './case-document.ts';
import { makeContext, type EvalContext } from './context.ts';
import { evaluate } from './evaluate.ts';
import { namePath } from './operators/narrative-claims.ts';
import { CaseDocumentSchema } from './rule.schema.ts';

/**
 * The narrative rules against the seed 部门决算 (Guangzhou wording): its own figures raise no error, and every
 * slip a person makes when copying a figure into the 情况说明 (a ones digit off, two digits swapped, 元 written
 * as 万元) or when computing a percentage is an error whose evidence names the sentence.
 *
 * A change amount (“减少189.43万元”) is only pinned down by last year's figures: a one-decimal percentage on a
 * base of thousands cannot tell 189.43 from 188.43. The checks therefore run with last year's document, here
 * the 2023 figures the seed itself implies (上年 = 本年 ∓ 变动额), as the prior-year rule would receive them.
 */

const SEED = 'seeds/004_93c4c58a71a1e296.txt';
const ONE = 10n ** BigInt(FIXED_SCALE);

const rules = loadRules('final-accounts').filter(
  (r) => r.category === 'narrative' || r.category === 'prior-year',
);
const codes = loadCodeTables();

type AmountField = 'value' | 'baseValue' | 'changeAmount';
type PercentField = 'percent' | 'changePercent';

interface Mutation {
  kind: string;
  value: bigint;
}

function withValue(f: Figure, value: bigint): Figure {
  return { ...f, value, text: formatFixed(value, Math.min(f.decimals, FIXED_SCALE)), blank: false };
}

/** Swaps of two adjacent, different digits of the printed figure. */
function swaps(f: Figure): Mutation[] {
  const neg = f.value < 0n;
  const chars = [...formatFixed(neg ? -f.value : f.value, f.decimals, false)];
  const digits = chars.flatMap((c, i) => (/\d/u.test(c) ? [i] : []));
  const out: Mutation[] = [];
  for (let k = 0; k + 1 < digits.length; k++) {
    const a = digits[k] ?? 0;
    const b = digits[k + 1] ?? 0;
    if (chars[a] === chars[b]) continue;
    const s = [...chars];
    [s[a], s[b]] = [chars[b] ?? '', chars[a] ?? ''];
    const [int = '0', frac = ''] = s.join('').split('.');
    const v = BigInt(int + frac.padEnd(FIXED_SCALE, '0'));
    out.push({ kind: `swap ${chars.join('')}→${s.join('')}`, value: neg ? -v : v });
  }
  return out;
}

function amountMutations(f: Figure): Mutation[] {
  const m: Mutation[] = [
    { kind: 'ones+1', value: f.value + ONE },
    ...(f.value >= ONE ? [{ kind: 'ones-1', value: f.value - ONE }] : []),
    ...swaps(f),
  ];
  if (f.value !== 0n) m.push({ kind: '×10000 (元 as 万元)', value: f.value * 10_000n });
  return m;
}

/** A percentage moved by 5 % of itself, at least 2 points: beyond any rounding of the figures behind it. */
function percentMutations(f: Figure): Mutation[] {
  const fivePercent = f.value / 20n;
  const delta = fivePercent > 2n * ONE ? fivePercent : 2n * ONE;
  const step = f.decimals >= FIXED_SCALE ? 1n : 10n ** BigInt(FIXED_SCALE - f.decimals);
  const snap = (v: bigint): bigint => (v / step) * step;
  const m = [{ kind: `+${formatFixed(delta, 1)}pt`, value: snap(f.value + delta) }];
  if (f.value - delta >= 0n) m.push({ kind: `-${formatFixed(delta, 1)}pt`, value: snap(f.value - delta) });
  return m;
}

const signature = (f: Finding): string => `${f.ruleId}|${f.message.en}`;

/** Last year's tables as far as the seed's change statements imply them (2024 amount ∓ change). */
const PRIOR = buildCaseDocument(
  CaseDocumentSchema.parse({
    fiscalYear: 2023,
    tables: {
      t1: Object.fromEntries(
        ['1', '2', '3', '4', '5', '6', '7', '8'].map((r) => [r, { '1': r === '1' ? '6,416.64' : '0.00' }]),
      ),
      t3: { total: { '2': '2,225.69', '3': '4,190.95', '4': '0.00', '5': '0.00', '6': '0.00' } },
      t9: { row: { '7': '1.94', '8': '0.00', '9': '1.95', '10': '0.00', '11': '1.95', '12': '0.00' } },
    },
    claims: [{ subject: '机关运行经费', value: '49.94' }],
  }),
);

/**
 * Mutants that survive by construction, each with the reason no rule can see it. Subjects are the template's
 * own terms.
 */
const SURVIVORS: { reason: string; applies: (claim: Claim, field: string) => boolean }[] = [
  {
    // Measured against the 年初预算, which no table prints; 22.9% cannot resolve ±1万元 on a base of 2,599.
    reason: 'change against an initial budget printed nowhere else',
    applies: (c, f) => f === 'changeAmount' && c.base === 'initial-budget',
  },
  {
    // The department's 全年预算 appears only in its sentence; 99.9% cannot resolve ±1万元 on 3,197.
    reason: 'full-year budget printed nowhere else',
    applies: (c, f) => f === 'baseValue' && c.subject === '部门整体支出',
  },
  {
    // Stated only as a share printed “100%”: a whole percent (Guangzhou drops “.0”) is read as 99.5–100.5%.
    reason: 'share printed as a whole percent',
    applies: (c, f) => f === 'value' && /^(授予小微企业合同金额|涉及资金)$/u.test(c.subject),
  },
  {
    // Per-category shares stated without amounts are only bounded by 100%; 工程 is 0 of 0.
    reason: 'share without amounts',
    applies: (c, f) => f === 'percent' && !c.value,
  },
  {
    // An amount under an item's own heading is a part of that item, bounded by it from above only.
    reason: 'part of a 三公 item',
    applies: (c, f) =>
      f === 'value' && /因公出国\(境\)费支出$/u.test(c.section.at(-1) ?? '') && !/^因公出国/u.test(c.subject),
  },
];

describe.skipIf(!corpusAvailable())('narrative rules on the seed 部门决算', () => {
  let doc: DisclosureDocument;
  let baseline: Finding[];
  const context = (): EvalContext => makeContext(doc, PRIOR, codes);

  beforeAll(() => {
    const raw = readText(new Uint8Array(readFileSync(corpusFile(SEED))));
    doc = extractDocument(raw, SEED);
    baseline = evaluate(rules, context()).findings;
  });

  function caughtAt(claim: Claim): boolean {
    const before = new Set(baseline.map(signature));
    return evaluate(rules, context()).findings.some(
      (f) =>
        f.severity === 'error' && !before.has(signature(f)) && f.evidence.some((e) => e.claim === claim.id),
    );
  }

  /** Misses that are not documented survivors. */
  const unexpected = (missed: readonly { claim: Claim; field: string; text: string }[]): string[] =>
    missed.filter((m) => !SURVIVORS.some((s) => s.applies(m.claim, m.field))).map((m) => m.text);

  /** Claims the rules do not check, reported as such by fa.narrative.unbound. */
  function unbound(): Set<string> {
    return new Set(
      baseline
        .filter((f) => f.ruleId === 'fa.narrative.unbound')
        .flatMap((f) => f.evidence.map((e) => e.claim ?? '')),
    );
  }

  it('extracts the narrative it is meant to check', () => {
    expect(doc.claims.length).toBeGreaterThan(40);
    expect(doc.tables.map((t) => t.id)).toContain('t9');
  });

  it('raises no error on the published figures', () => {
    expect(baseline.filter((f) => f.severity === 'error').map((f) => f.message.zh)).toEqual([]);
  });

  it('checks the implied 2023 figures against last year', () => {
    const outcomes = evaluate(rules, context()).outcomes.filter(
      (o) => o.ruleId === 'fa.prior-year.implied-prior',
    );
    expect(outcomes.filter((o) => o.status === 'passed').length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
  });

  it('counts the amounts it cannot bind instead of passing them', () => {
    const open = unbound();
    const amounts = doc.claims.filter((c) => c.value && c.value.unit !== 'count');
    expect(open.size).toBeGreaterThan(0);
    expect(open.size).toBeLessThan(amounts.length / 10);
  });

  it('catches every copying slip in a narrative amount, at the sentence', () => {
    const fields: AmountField[] = ['value', 'baseValue', 'changeAmount'];
    const open = unbound();
    let total = 0;
    const missed: { claim: Claim; field: string; text: string }[] = [];
    for (const claim of doc.claims) {
      if (open.has(claim.id)) continue;
      for (const field of fields) {
        const original = claim[field];
        if (!original || original.unit === 'count') continue;
        for (const m of amountMutations(original)) {
          total++;
          claim[field] = withValue(original, m.value);
          if (!caughtAt(claim)) {
            const text = `${claim.id} ${claim.subject} ${field} ${original.text} (${m.kind})`;
            missed.push({ claim, field, text });
          }
          claim[field] = original;
        }
      }
    }
    expect(total).toBeGreaterThan(150);
    expect(unexpected(missed)).toEqual([]);
    // The 元/万元 slip is caught everywhere, survivors included.
    expect(missed.filter((m) => m.text.includes('×10000'))).toEqual([]);
    expect(missed.length / total).toBeLessThan(0.05);
  });

  it('catches every narrative percentage moved beyond rounding, at the sentence', () => {
    const fields: PercentField[] = ['percent', 'changePercent'];
    let total = 0;
    const missed: { claim: Claim; field: string; text: string }[] = [];
    for (const claim of doc.claims) {
      for (const field of fields) {
        const original = claim[field];
        if (!original) continue;
        for (const m of percentMutations(original)) {
          total++;
          claim[field] = withValue(original, m.value);
          if (!caughtAt(claim)) {
            const text = `${claim.id} ${claim.subject} ${field} ${original.text}% (${m.kind})`;
            missed.push({ claim, field, text });
          }
          claim[field] = original;
        }
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(unexpected(missed)).toEqual([]);
  });

  it('catches a flipped direction word', () => {
    const missed: string[] = [];
    for (const claim of doc.claims) {
      const word = claim.directionWord;
      if (!claim.changeAmount || claim.changeAmount.value === 0n || (word !== '增加' && word !== '减少'))
        continue;
      claim.directionWord = word === '增加' ? '减少' : '增加';
      if (!caughtAt(claim)) missed.push(`${claim.id} ${claim.subject} ${word}`);
      claim.directionWord = word;
    }
    expect(missed).toEqual([]);
  });
});

describe('namePath', () => {
  it.each([
    ['一般公共服务支出(类)财政事务(款)行政运行(项)', ['一般公共服务支出', '财政事务', '行政运行']],
    [
      '社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休',
      ['社会保障和就业支出', '行政事业单位养老支出', '行政单位离退休'],
    ],
    ['卫生健康支出(类)', ['卫生健康支出']],
    ['基本支出', undefined],
  ])('%s', (subject, names) => {
    expect(namePath(subject)).toEqual(names);
  });
});
