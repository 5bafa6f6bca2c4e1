import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readText } from '#adapters/text-reader.ts';
import type { Claim, ClaimBase } from '#domain/claim.ts';
import type { Figure } from '#domain/quantity.ts';
import { corpusAvailable, corpusFile } from '#src/testing/corpus.ts';
import { extractClaims } from './extract-claims.ts';

/** Corpus seed 004: the 2024 部门决算 of a Guangzhou district bureau, as plain text. */
const SEED = 'seeds/004_93c4c58a71a1e296.txt';

const text = (f: Figure | undefined): string | undefined => f?.text;

describe.skipIf(!corpusAvailable())('extractClaims on seed 004', () => {
  let claims: Claim[] = [];
  beforeAll(() => {
    claims = extractClaims(readText(new Uint8Array(readFileSync(corpusFile(SEED)))));
  });

  function one(subject: string, base?: ClaimBase | 'none', section?: RegExp): Claim {
    const found = claims.filter(
      (c) =>
        c.subject === subject &&
        (base === undefined || (c.base ?? 'none') === base) &&
        (section === undefined || section.test(c.section.join(' > '))),
    );
    expect(found, `${subject} ${base ?? ''}`).toHaveLength(1);
    return found[0] as Claim;
  }

  it('counts the claims of each section', () => {
    const counts = new Map<string, number>();
    for (const c of claims) {
      const key = c.section.slice(0, 2).join(' > ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([10, 7, 4, 4, 12, 17, 1, 9, 3, 7]);
    expect([...counts.keys()].map((k) => k.replace(/ > .*/, ''))).toEqual([
      '一、2024年度收入支出决算总体情况说明',
      '一、2024年度收入支出决算总体情况说明',
      '二、2024年度财政拨款收入支出总表说明',
      '二、2024年度财政拨款收入支出总表说明',
      '三、2024年度财政拨款“三公”经费支出决算情况说明',
      '三、2024年度财政拨款“三公”经费支出决算情况说明',
      '四、其他重要事项的情况说明',
      '四、其他重要事项的情况说明',
      '四、其他重要事项的情况说明',
      '四、其他重要事项的情况说明',
    ]);
    expect(claims).toHaveLength(74);
  });

  it('ids are unique and name the line of the value', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    for (const c of claims) expect(c.id).toMatch(new RegExp(`^c${c.source.page}-${c.source.line}-\\d+$`));
  });

  it('一般公共预算财政拨款收入 against the prior year, in 一 and again in 二', () => {
    for (const section of [/^一、/, /^二、/]) {
      const c = one('一般公共预算财政拨款收入', 'prior-final', section);
      expect([text(c.value), c.direction, text(c.changeAmount), text(c.changePercent)]).toEqual([
        '3,193.39',
        'decrease',
        '3,223.25',
        '50.2',
      ]);
    }
  });

  it('一般公共预算财政拨款支出 against the initial budget', () => {
    const c = one('一般公共预算财政拨款支出', 'initial-budget');
    expect([text(c.value), c.direction, text(c.changeAmount), text(c.changePercent)]).toEqual([
      '3,193.39',
      'increase',
      '594.33',
      '22.9',
    ]);
    expect(c.source.line).toBe(400);
  });

  it('the 三公 total against its full-year budget and against the prior year', () => {
    const budget = one('“三公”经费财政拨款支出', 'full-year-budget');
    expect([text(budget.value), text(budget.baseValue), text(budget.percent)]).toEqual([
      '6.78',
      '10.55',
      '64.3',
    ]);
    // “决算小于预算数的主要情况” in the next paragraph.
    expect([budget.direction, budget.directionWord]).toEqual(['decrease', '小于']);
    const prior = one('“三公”经费财政拨款支出', 'prior-final');
    expect([prior.direction, text(prior.changeAmount), text(prior.changePercent)]).toEqual([
      'increase',
      '4.84',
      '249',
    ]);
  });

  it('the 三公 items against their budgets, zero bases not comparable', () => {
    const abroad = one('因公出国(境)费', 'budget');
    expect([text(abroad.value), text(abroad.baseValue), text(abroad.percent)]).toEqual([
      '5.06',
      '8.84',
      '57.3',
    ]);
    expect(one('因公出国(境)费', 'prior-final').notComparable).toBe(true);
    const purchase = one('公务用车购置费', 'budget');
    expect([
      text(purchase.value),
      purchase.value?.decimals,
      text(purchase.baseValue),
      purchase.percent,
    ]).toEqual(['0', 0, '0', undefined]);
    expect(purchase.notComparable).toBe(true);
    expect(one('公务用车购置费', 'prior-final')).toMatchObject({
      direction: 'increase',
      notComparable: true,
    });
    expect(text(one('公务用车运行维护费', 'budget').percent)).toBe('100');
  });

  it('the 三公 shares', () => {
    const shares = claims.filter((c) => c.base === 'total' && /三公/.test(c.section.join('')));
    expect(shares.map((c) => [c.subject, text(c.value), text(c.percent)])).toEqual([
      ['因公出国(境)费', '5.06', '74.7'],
      ['公务用车购置及运行维护费', '1.72', '25.3'],
      ['公务接待费', '0', '0'],
    ]);
  });

  it('counts of groups, trips and vehicles', () => {
    const counts = claims.filter((c) => c.value?.unit === 'count').map((c) => [c.subject, text(c.value)]);
    expect(counts).toEqual([
      ['因公出国(境)团组', '1'],
      ['因公出国(境)人次', '1'],
      ['公务用车购置数', '0'],
      ['公务用车保有量', '1'],
      ['接待国外、境外来访团组', '0'],
      ['来访外宾人次', '0'],
      ['国内接待次数', '0'],
      ['接待人数', '0'],
      ['车辆', '1'],
      ['机要通信用车', '1'],
      ['单位价值100万元以上设备(不含车辆)', '6'],
      ['一级项目', '3'],
      ['二级项目', '20'],
    ]);
  });

  it('机关运行经费 against the prior year', () => {
    const c = one('机关运行经费', 'prior-final');
    expect([text(c.value), c.direction, text(c.changeAmount), text(c.changePercent)]).toEqual([
      '47.89',
      'decrease',
      '2.05',
      '4.1',
    ]);
  });

  it('政府采购: total, goods, works and services, and the SME shares', () => {
    const amounts = ['政府采购支出总额', '政府采购货物支出', '政府采购工程支出', '政府采购服务支出'].map(
      (s) => text(one(s, 'none').value),
    );
    expect(amounts).toEqual(['193.32', '8.04', '0', '185.28']);
    const sme = one('授予中小企业合同金额', 'total');
    expect([text(sme.value), text(sme.percent)]).toEqual(['193.32', '100']);
    const byKind = claims.filter((c) => /采购授予中小企业合同金额$/.test(c.subject) && !c.value);
    expect(byKind.map((c) => [c.subject, text(c.percent)])).toEqual([
      ['货物采购授予中小企业合同金额', '100'],
      ['工程采购授予中小企业合同金额', '0'],
      ['服务采购授予中小企业合同金额', '100'],
    ]);
  });

  it('performance: the whole department against its full-year budget', () => {
    const c = one('部门整体支出', 'full-year-budget');
    expect([text(c.value), text(c.baseValue), text(c.percent)]).toEqual(['3193.39', '3197.42', '99.9']);
  });

  it('nothing from the tables, the glossary or the department overview', () => {
    expect(claims.every((c) => c.source.line >= 354 && c.source.line < 462)).toBe(true);
  });
});
