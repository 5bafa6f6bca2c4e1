import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '#adapters/pdf-reader.ts';
import type { Claim } from '#domain/claim.ts';
import type { Figure } from '#domain/quantity.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { corpusAvailable, corpusFile } from '#src/testing/corpus.ts';
import { extractClaims } from './extract-claims.ts';

/** The four Shanghai 普陀区 部门决算 PDFs: central-template phrasing, read by the project's PDF reader. */
const FILES = {
  czj: 'real/sh-pt-czj-2024-final.pdf',
  testbad: 'real/sh-pt-czj-2024-final-testbad.pdf',
  ghzy: 'real/sh-pt-ghzy-2024-final.pdf',
  shgzb: 'real/sh-pt-shgzb-2024-final.pdf',
} as const;
type Name = keyof typeof FILES;

const text = (f: Figure | undefined): string | undefined => f?.text;
const ITEM_RE = /\(类\).*\(款\).*\(项\)$/;

describe.skipIf(!corpusAvailable())('extractClaims on the Shanghai PDFs', () => {
  const docs = new Map<Name, RawDocument>();
  const claims = new Map<Name, Claim[]>();
  beforeAll(async () => {
    for (const [name, file] of Object.entries(FILES) as [Name, string][]) {
      const doc = await readPdf(new Uint8Array(readFileSync(corpusFile(file))));
      docs.set(name, doc);
      claims.set(name, extractClaims(doc));
    }
  }, 120_000);
  const of = (name: Name): Claim[] => claims.get(name) ?? [];
  const find = (name: Name, subject: string | RegExp, base?: string): Claim[] =>
    of(name).filter(
      (c) =>
        (typeof subject === 'string' ? c.subject === subject : subject.test(c.subject)) &&
        (base === undefined || (c.base ?? 'none') === base),
    );

  it('claim counts per document', () => {
    expect(Object.fromEntries([...claims].map(([n, c]) => [n, c.length]))).toEqual({
      czj: 73,
      testbad: 73,
      ghzy: 93,
      shgzb: 61,
    });
  });

  it('czj: every 项 sentence against its initial budget, with the direction the reason states', () => {
    const items = find('czj', ITEM_RE, 'initial-budget');
    expect(items).toHaveLength(11);
    expect(items[0]).toMatchObject({
      subject: '一般公共服务支出(类)财政事务(款)行政运行(项)',
      direction: 'decrease',
    });
    expect([text(items[0]?.value), text(items[0]?.baseValue)]).toEqual(['1511.89', '1560.05']);
    expect(items.map((c) => c.directionWord)).toEqual([
      '小于',
      '基本持平',
      '小于',
      '小于',
      '小于',
      '小于',
      '小于',
      '基本持平',
      '小于',
      '小于',
      '基本持平',
    ]);
  });

  it('czj: structure shares by 类 and the 三公 total against the initial budget', () => {
    expect(find('czj', /\(类\)$/, 'total').map((c) => [c.subject, text(c.value), text(c.percent)])).toEqual([
      ['一般公共服务支出(类)', '2106.66', '71.73'],
      ['社会保障和就业支出(类)', '326.72', '11.11'],
      ['卫生健康支出(类)', '60.99', '2.07'],
      ['住房保障支出(类)', '445.69', '15.16'],
    ]);
    const [total] = find('czj', '“三公”经费财政拨款支出', 'initial-budget');
    expect([text(total?.value), text(total?.baseValue), text(total?.percent)]).toEqual(['0.00', '0.95', '0']);
    const [flat] = find('czj', '“三公”经费财政拨款支出', 'prior-final');
    expect([text(flat?.value), flat?.direction]).toEqual(['0.00', 'flat']);
  });

  it('czj: 机关运行经费, procurement and assets', () => {
    const [running] = find('czj', '机关运行经费', 'prior-final');
    expect([
      text(running?.value),
      running?.direction,
      text(running?.changeAmount),
      text(running?.changePercent),
    ]).toEqual(['184.65', 'increase', '2.55', '1.40']);
    const procurement = ['政府采购金额', '货物采购金额', '工程采购金额', '服务采购金额'].map((s) =>
      text(find('czj', s)[0]?.value),
    );
    expect(procurement).toEqual(['251.25', '4.79', '0', '246.47']);
    expect(find('czj', '车辆').map((c) => [text(c.value), c.value?.unit])).toEqual([['0', 'count']]);
  });

  it('testbad: the injected errors show in the claims', () => {
    const [good] = find('czj', '一般公共服务支出(类)财政事务(款)行政运行(项)');
    const [bad] = find('testbad', '一般公共服务支出(类)财政事务(款)行政运行(项)');
    expect([good?.direction, bad?.direction, bad?.directionWord]).toEqual(['decrease', 'increase', '大于']);
    expect(find('testbad', '收入支出总计', 'none').map((c) => text(c.value))).toEqual(['0']);
  });

  it('ghzy: 三公 against the prior year in a sentence of its own takes the amounts stated before', () => {
    const [total] = find('ghzy', '“三公”经费财政拨款支出', 'prior-final');
    expect([
      text(total?.value),
      total?.directionWord,
      text(total?.changeAmount),
      text(total?.changePercent),
    ]).toEqual(['0.39', '减少/下降(增长)', '0.15', '27.78']);
    const [reception] = find('ghzy', '公务接待费', 'prior-final');
    expect([text(reception?.value), reception?.direction, text(reception?.changePercent)]).toEqual([
      '0.39',
      'decrease',
      '27.78',
    ]);
    expect(find('ghzy', ITEM_RE, 'initial-budget')).toHaveLength(13);
  });

  it('ghzy: a change percent printed without its % sign', () => {
    const [c] = find('ghzy', '一般公共预算财政拨款支出', 'prior-final');
    expect([text(c?.changeAmount), text(c?.changePercent)]).toEqual(['1193.20', '13.95']);
  });

  it('shgzb: one amount against two budgets', () => {
    const both = find('shgzb', '一般公共预算财政拨款支出').filter((c) => c.baseValue);
    expect(both.map((c) => [c.base, text(c.value), text(c.baseValue), text(c.percent)])).toEqual([
      ['initial-budget', '307.82', '0', '95.89'],
      ['full-year-budget', '307.82', '321.02', undefined],
    ]);
    expect(find('shgzb', ITEM_RE, 'full-year-budget')).toHaveLength(9);
  });
});
