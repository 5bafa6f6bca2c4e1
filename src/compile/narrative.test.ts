// The 情况说明 written from the seed-004 dataset, read back by gongkai's own claim extractor and compared
// figure by figure with the claims of the published document the dataset was built from; then checked,
// together with the dataset's nine tables, by the final-accounts rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeTables, loadRules } from '#adapters/rulesets.ts';
import { readText } from '#adapters/text-reader.ts';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import type { Block } from '#compile/model.ts';
import { narrativeBlocks } from '#compile/narrative.ts';
import type { Claim } from '#domain/claim.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import { intervalOf, overlaps, percentOf, sub, type Figure, type Interval } from '#domain/quantity.ts';
import { TABLE_IDS } from '#domain/table.ts';
import { extractClaims } from '#extract/claims/index.ts';
import { corpusAvailable, corpusFile, PROJECT_ROOT } from '#src/testing/corpus.ts';
import { rawDocument } from '#src/testing/raw-document.ts';
import { buildCaseDocument } from '#verify/case-document.ts';
import { makeContext } from '#verify/context.ts';
import { evaluate } from '#verify/evaluate.ts';
import { CaseDocumentSchema } from '#verify/rule.schema.ts';

const SEED = 'seeds/004_93c4c58a71a1e296.txt';

function seedDataset(): Dataset {
  const json: unknown = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'fixtures', 'datasets', 'seed-004.json'), 'utf8'),
  );
  return DatasetSchema.parse(json);
}

/** The narrative as a text document: one line per heading or paragraph, between the part headings. */
function narrativeLines(ds: Dataset, blocks: readonly Block[]): string[] {
  const texts = blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''));
  return [`第三部分：${ds.org}${ds.year}年度部门决算情况说明`, ...texts, '第四部分：名词解释'];
}

const ds = seedDataset();
const blocks = narrativeBlocks(ds);
const lines = narrativeLines(ds, blocks);
const generated = extractClaims(rawDocument(lines));

describe('narrativeBlocks on the seed-004 dataset', () => {
  it('writes the four parts of the Guangzhou template under their headings', () => {
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => `${b.level} ${b.text}`);
    expect(headings).toEqual([
      '2 一、2024年度收入支出决算总体情况说明',
      '3 （一）年度收入总体情况',
      '3 （二）年度支出总体情况',
      '2 二、2024年度财政拨款收入支出总表说明',
      '3 （一）2024年度财政拨款收入说明',
      '3 （二）2024年度财政拨款支出说明',
      '2 三、2024年度财政拨款“三公”经费支出决算情况说明',
      '3 （一）“三公”经费财政拨款支出决算总体情况说明',
      '3 （二）“三公”经费财政拨款支出决算具体情况说明',
      '2 四、其他重要事项的情况说明',
      '3 （一）机关运行经费支出情况',
      '3 （二）政府采购支出情况说明',
      '3 （三）国有资产占用情况说明',
      '3 （四）2024年度绩效评价情况的说明',
    ]);
    expect(blocks.every((b) => b.kind === 'heading' || b.kind === 'paragraph')).toBe(true);
  });

  it('prints no placeholder, no empty reason, no float artefact', () => {
    const text = lines.join('\n');
    expect(text).not.toMatch(/XX|××|undefined|NaN|null|：。|：；|，，|。。|\d\.\d{3,}/u);
    // Every reason printed is the dataset's, after its lead-in.
    const reasons = [...text.matchAll(/(?:主要变动情况|主要原因|主要情况)：([^；。]+)/gu)].map((m) => m[1]);
    const given = Object.values(ds.reasons).join('');
    for (const r of reasons) expect(given).toContain(r);
    expect(reasons.length).toBeGreaterThanOrEqual(Object.keys(ds.reasons).length);
  });

  it("reads back through the extractor with every figure of the dataset's tables", () => {
    const subjects = new Map(generated.map((c) => [`${c.subject}|${c.base ?? ''}`, c]));
    const v = (subject: string, base = ''): string | undefined =>
      subjects.get(`${subject}|${base}`)?.value?.text;
    expect(v('总收入')).toBe('3,193.39');
    expect(v('总支出')).toBe('3,193.39');
    expect(v('基本支出', 'prior-final')).toBe('2,036.26');
    expect(v('财政拨款支出合计')).toBe('3,193.39');
    expect(v('“三公”经费财政拨款支出', 'full-year-budget')).toBe('6.78');
    expect(v('政府采购支出总额')).toBe('193.32');
    expect(generated).toHaveLength(73);
  });
});

// ---- the published narrative, figure by figure ------------------------------------------------------

/** Where a claim sits: its part and subsection (一、… > （一）…), as the extractor normalises them. */
function place(c: Claim): string {
  return c.section.slice(0, 2).join(' > ');
}

const NUMBERS = ['value', 'baseValue', 'percent', 'changeAmount', 'changePercent'] as const;
type NumberField = (typeof NUMBERS)[number];

function sameFigure(a: Figure | undefined, b: Figure | undefined): boolean {
  if (!a || !b) return a === b;
  return a.unit === b.unit && a.value === b.value;
}

/** Same subject, base and place; the same numbers, direction and "--" form, except the fields skipped. */
function sameClaim(p: Claim, g: Claim, skip: readonly NumberField[] = []): boolean {
  return (
    p.subject === g.subject &&
    p.base === g.base &&
    place(p) === place(g) &&
    NUMBERS.every((k) => skip.includes(k) || sameFigure(p[k], g[k])) &&
    p.direction === g.direction &&
    Boolean(p.notComparable) === Boolean(g.notComparable)
  );
}

/** A published percentage printed "249" is one decimal with ".0" dropped: 248.95–249.05. */
function oneDecimal(pct: Figure): Interval {
  return intervalOf({ ...pct, decimals: Math.max(pct.decimals, 1) });
}

/**
 * The percentage the published claim's own printed amounts allow, each read as its rounding interval: the
 * publisher computed on 元-level values, so any value in these intervals is what it may have started from.
 */
function allowedPercent(p: Claim, field: 'percent' | 'changePercent', total?: Figure): Interval | undefined {
  if (!p.value) return undefined;
  const value = intervalOf(p.value, 'wan-yuan');
  if (field === 'changePercent') {
    if (!p.changeAmount) return undefined;
    const delta = intervalOf(p.changeAmount, 'wan-yuan');
    const base =
      p.direction === 'decrease' ? sub(value, { lo: -delta.hi, hi: -delta.lo }) : sub(value, delta);
    return percentOf(delta, base);
  }
  const whole = p.baseValue ?? total;
  return whole ? percentOf(value, intervalOf(whole, 'wan-yuan')) : undefined;
}

/**
 * Where the published narrative and the generated one may differ, each with its reason. Every entry must
 * be used: a stale allowance fails the test.
 */
interface Allowance {
  subject: string;
  base?: Claim['base'];
  /** The part and subsection (see place()). */
  at: RegExp;
  why: string;
  accept(p: Claim, generated: readonly Claim[]): boolean;
}

/**
 * 0 → 0: the published text says “增加0万元，增长--（基数为0，不可比）” in 二 and 三 but “与上年决算数持平” in 一 (template
 * notes §3.2, variants B and A). The generator uses variant A everywhere.
 */
function zeroVariant(subject: string, base: Claim['base'], at: RegExp): Allowance {
  return {
    subject,
    base,
    at,
    why: '0 → 0 written as 持平 (variant A) where the published text writes 增加0万元，增长-- (variant B)',
    accept: (p, gen) =>
      p.direction === 'increase' &&
      p.changeAmount?.value === 0n &&
      p.notComparable === true &&
      gen.some(
        (g) =>
          g.subject === p.subject &&
          place(g) === place(p) &&
          sameFigure(g.value, p.value) &&
          (base === 'prior-final'
            ? g.base === base && g.direction === 'flat' && !g.changeAmount
            : // “…支出0万元，与年初预算数持平”: the extractor reads a 持平 against a budget right after an
              // amount as a remark on the budget comparison before it, so the claim keeps only its amount.
              g.base === undefined && g.sentence.includes(`${p.subject}0万元,与年初预算数持平`)),
      ),
  };
}

/**
 * A percentage the publisher computed on 元-level values: it differs from the one computed on the printed
 * 万元 amounts the dataset holds, and both lie within what the printed amounts allow.
 */
function yuanLevel(
  subject: string,
  base: Claim['base'],
  at: RegExp,
  field: 'percent' | 'changePercent',
  published: string,
  ours: string,
  total?: () => Figure | undefined,
): Allowance {
  return {
    subject,
    base,
    at,
    why: `${field} ${published}% (published, from 元 values) against ${ours}% (from the printed 万元 amounts)`,
    accept: (p, gen) => {
      const pct = p[field];
      const allowed = allowedPercent(p, field, total?.());
      const match = gen.find((g) => sameClaim(p, g, [field]));
      const mine = match?.[field];
      return (
        pct?.text === published &&
        mine?.text === ours &&
        allowed !== undefined &&
        overlaps(oneDecimal(pct), allowed) &&
        overlaps(oneDecimal(mine), allowed)
      );
    },
  };
}

const THREE_PUBLIC_TOTAL = (): Figure | undefined =>
  generated.find((c) => c.subject === '“三公”经费财政拨款支出' && c.value)?.value;

const APPROPRIATION = /^二、.* > \(一\)/;
const APPROPRIATION_SPENDING = /^二、.* > \(二\)/;
const THREE_PUBLIC_OVERALL = /^三、.* > \(一\)/;
const THREE_PUBLIC_DETAIL = /^三、.* > \(二\)/;

const ALLOWANCES: readonly Allowance[] = [
  zeroVariant('政府性基金预算财政拨款收入', 'prior-final', APPROPRIATION),
  zeroVariant('国有资本经营预算财政拨款收入', 'prior-final', APPROPRIATION),
  zeroVariant('政府性基金预算财政拨款支出', 'initial-budget', APPROPRIATION_SPENDING),
  zeroVariant('国有资本经营预算财政拨款支出', 'initial-budget', APPROPRIATION_SPENDING),
  zeroVariant('公务用车购置费', 'prior-final', THREE_PUBLIC_OVERALL),
  zeroVariant('公务接待费', 'prior-final', THREE_PUBLIC_OVERALL),
  // 上年 1.94 (printed) → 4.84 / 1.94 = 249.48…%; the published 249% is 249.0 with ".0" dropped.
  yuanLevel('“三公”经费财政拨款支出', 'prior-final', THREE_PUBLIC_OVERALL, 'changePercent', '249', '249.5'),
  yuanLevel('因公出国(境)费', 'budget', THREE_PUBLIC_OVERALL, 'percent', '57.3', '57.2'),
  yuanLevel('公务用车购置及运行维护费', 'prior-final', THREE_PUBLIC_OVERALL, 'changePercent', '11.6', '11.8'),
  yuanLevel('公务用车运行维护费', 'prior-final', THREE_PUBLIC_OVERALL, 'changePercent', '11.6', '11.8'),
  yuanLevel('因公出国(境)费', 'total', THREE_PUBLIC_DETAIL, 'percent', '74.7', '74.6', THREE_PUBLIC_TOTAL),
  yuanLevel(
    '公务用车购置及运行维护费',
    'total',
    THREE_PUBLIC_DETAIL,
    'percent',
    '25.3',
    '25.4',
    THREE_PUBLIC_TOTAL,
  ),
  {
    subject: '开展招商推介活动和学习交流活动支出',
    at: THREE_PUBLIC_DETAIL,
    why:
      'an amount named by the department’s own description of the trip; the generator states the same ' +
      'amount under the same item heading (1.因公出国(境)费支出), which is where the checker binds it',
    accept: (p, gen) =>
      gen.some(
        (g) =>
          g.subject === '因公出国(境)费' &&
          g.base === undefined &&
          g.section.join(' > ') === p.section.join(' > ') &&
          sameFigure(g.value, p.value),
      ),
  },
];

describe.skipIf(!corpusAvailable())('the generated narrative against the published seed 004', () => {
  let published: Claim[] = [];
  beforeAll(() => {
    published = extractClaims(readText(new Uint8Array(readFileSync(corpusFile(SEED)))));
  });

  it('states every figure the published narrative states (match rate, allowances listed)', () => {
    const withNumbers = published.filter((p) => NUMBERS.some((k) => p[k] !== undefined));
    const exact: Claim[] = [];
    const allowed = new Map<Allowance, Claim[]>();
    const missing: string[] = [];
    for (const p of withNumbers) {
      if (generated.some((g) => sameClaim(p, g))) {
        exact.push(p);
        continue;
      }
      const a = ALLOWANCES.find((x) => x.subject === p.subject && x.base === p.base && x.at.test(place(p)));
      if (a?.accept(p, generated)) {
        allowed.set(a, [...(allowed.get(a) ?? []), p]);
        continue;
      }
      const figures = NUMBERS.map((k) => (p[k] ? `${k}=${p[k].text}` : '')).filter(Boolean);
      missing.push(`${place(p)} | ${p.subject} ${p.base ?? ''} ${p.direction ?? ''} ${figures.join(' ')}`);
    }
    const used = [...allowed.values()].reduce((n, list) => n + list.length, 0);
    const pct = (n: number): string => ((n * 100) / withNumbers.length).toFixed(1);
    console.info(
      `seed 004: ${withNumbers.length} published claims with figures; ${exact.length} matched exactly ` +
        `(${pct(exact.length)}%), ${used} under ${allowed.size} documented allowances; ` +
        `${missing.length} unmatched → ${pct(exact.length + used)}% matched`,
    );
    console.info(
      [...allowed]
        .map(([a, list]) => `  allowed: ${a.subject} ${a.base ?? ''} × ${list.length}: ${a.why}`)
        .join('\n'),
    );
    expect(missing).toEqual([]);
    // Every allowance is needed, and each once: none hides more than the one claim it names.
    expect(ALLOWANCES.filter((a) => (allowed.get(a)?.length ?? 0) !== 1).map((a) => a.subject)).toEqual([]);
    expect(withNumbers).toHaveLength(74);
    expect(exact).toHaveLength(74 - ALLOWANCES.length);
  });
});

// ---- the checker on the generated narrative and the nine tables -------------------------------------

/** The dataset's nine tables as a rule-case document: the cells exactly as the dataset prints them. */
function tablesDocument(d: Dataset): DisclosureDocument {
  const tables: Record<string, Record<string, Record<string, string>>> = {};
  const emptyTables: string[] = [];
  const codes: { table: string; code: string; label: string }[] = [];
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    if ('empty' in t) {
      tables[id] = { total: {} };
      emptyTables.push(id);
      continue;
    }
    if (t.note !== undefined) emptyTables.push(id);
    tables[id] = Object.fromEntries(t.rows.map((r) => [r.key, r.cells]));
    for (const r of t.rows) if (r.label !== '') codes.push({ table: id, code: r.key, label: r.label });
  }
  return buildCaseDocument(
    CaseDocumentSchema.parse({
      kind: 'final-accounts',
      fiscalYear: d.year,
      org: d.org,
      tables,
      emptyTables,
      codes,
    }),
  );
}

describe("gongkai's checker on the generated narrative with the dataset's tables", () => {
  it('finds no error and no warning', () => {
    const raw = rawDocument(lines);
    const doc: DisclosureDocument = {
      ...tablesDocument(ds),
      path: 'generated/seed-004',
      lines: raw.pages.flatMap((p) => p.lines),
      claims: generated,
    };
    // Every final-accounts rule; the prior-year family needs last year's document and is not applicable.
    const rules = loadRules('final-accounts');
    const result = evaluate(rules, makeContext(doc, undefined, loadCodeTables()));
    const serious = result.findings
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => `${f.severity} ${f.ruleId}: ${f.message.zh}`);
    expect(serious).toEqual([]);
    // The narrative rules had the generated claims to work on.
    const narrativeRan = new Set(
      result.outcomes
        .filter(
          (o) => o.status === 'passed' && rules.find((r) => r.id === o.ruleId)?.category === 'narrative',
        )
        .map((o) => o.ruleId),
    );
    expect([...narrativeRan].sort()).toEqual(
      expect.arrayContaining([
        'fa.narrative.appropriation-amounts',
        'fa.narrative.change',
        'fa.narrative.completion',
        'fa.narrative.consistency',
        'fa.narrative.procurement-sum',
        'fa.narrative.share',
        'fa.narrative.share-sum',
        'fa.narrative.three-public-amounts',
        'fa.narrative.three-public-counts',
        'fa.narrative.three-public-vs-budget',
        'fa.narrative.three-public-vs-prior',
        'fa.narrative.totals-amounts',
      ]),
    );
  });
});
