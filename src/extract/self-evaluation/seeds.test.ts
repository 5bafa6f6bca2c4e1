import { beforeAll, describe, expect, it } from 'vitest';
import type { SelfEvaluation } from '#domain/self-evaluation.ts';
import { detectIdentity } from '#extract/identity.ts';
import { corpusAvailable, readCorpus } from '#src/testing/corpus.ts';
import { extractSelfEvaluation } from './extract-self-evaluation.ts';

/** The four self-evaluation seeds: the findings the checks rely on must be in the extraction. */
const SEEDS = {
  s000: 'seeds/000_6e328879fe3e7380.txt',
  s001: 'seeds/001_8ba10b9f6eeaffaa.txt',
  s002: 'seeds/002_2c450fdd424bffaf.txt',
  s003: 'seeds/003_43e396ea1042de79.txt',
} as const;

describe.skipIf(!corpusAvailable())('extractSelfEvaluation on the seeds', () => {
  const se = {} as Record<keyof typeof SEEDS, SelfEvaluation>;
  beforeAll(async () => {
    for (const [key, file] of Object.entries(SEEDS)) {
      se[key as keyof typeof SEEDS] = extractSelfEvaluation(await readCorpus(file));
    }
  });

  it('000: the only score is stated for 项目支出 in a 部门整体 report', () => {
    expect(se.s000.scope).toBe('department');
    expect(se.s000.scores.map((s) => [s.score.text, s.total, s.statedScope])).toEqual([
      ['98.5', true, 'project'],
    ]);
  });

  it('001: keeps the 元/万元 slip of one initial budget as printed', () => {
    const p = se.s001.projects.find((x) => x.name === '智慧白云一期项目经费');
    expect(p?.initial).toMatchObject({ text: '2655.11', unit: 'yuan' });
    expect(p?.adjusted).toMatchObject({ text: '1,062.78', unit: 'wan-yuan' });
    expect(se.s001.projects).toHaveLength(8);
    expect(se.s001.grade?.grade).toBe('优');
  });

  it('002: scores each section under its heading and finds the metric printed without 万', () => {
    expect(se.s002.scores.find((s) => s.score.text === '8.99')?.indicator).toBe('采购管理');
    const published = se.s002.metrics.find((m) => m.subject === '信息发布数');
    expect(published?.quantity).toMatchObject({ measure: '条', value: { text: '2.26', decimals: 2 } });
  });

  it('002: names the organisation from a title over three lines', async () => {
    expect(detectIdentity(await readCorpus(SEEDS.s002)).org).toBe('广州市增城区政务服务数据管理局');
  });

  it('003: reads both indicator tables, the conversion artifact and the deductions', () => {
    const rows = se.s003.indicators;
    expect(rows.filter((r) => r.group === 'output')).toHaveLength(15);
    expect(rows.filter((r) => r.group === 'outcome')).toHaveLength(7);
    const oa = rows.find((r) => r.index === 12 && r.group === 'output');
    expect(oa?.target?.quantity?.value.value).toBe(400_000n * 10n ** 12n);
    expect(oa?.actual?.value).toMatchObject({ value: 742_000n * 10n ** 12n, decimals: -3 });
    expect(oa?.completionRate?.text).toBe('185');
    const deducted = se.s003.scores.filter((s) => s.deduction);
    expect(deducted.map((s) => [s.indicator, s.deduction?.text, s.reason !== undefined])).toEqual([
      ['绩效结果运用', '1', true],
      ['绩效管理制度执行', '2', true],
    ]);
  });
});
