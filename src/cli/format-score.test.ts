import { describe, expect, it } from 'vitest';
import { loadIndicatorSystemFiles } from '#adapters/indicator-systems.ts';
import { buildCaseEvaluation } from '#score/case-evaluation.ts';
import { scoreEvaluation } from '#score/engine.ts';
import { displayWidth, formatScore } from './format-score.ts';

const files = loadIndicatorSystemFiles();

function reportOf(system: string, caseName: string) {
  const f = files.find((x) => x.id === system);
  const c = f?.cases.find((x) => x.name.startsWith(caseName));
  if (!f || !c) throw new Error(`no case ${caseName}`);
  return scoreEvaluation(buildCaseEvaluation(c.evaluation), f, { notApplicable: c.options.not_applicable });
}

describe('formatScore', () => {
  const haizhu = reportOf('gz-district-dept-overall', '海珠 2022');

  it('prints one aligned row per indicator, Chinese first', () => {
    const text = formatScore(haizhu, { lang: 'zh', color: false, path: 'haizhu.pdf' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('haizhu.pdf');
    expect(lines[2]).toBe('  gz-district-dept-overall 2022.1 · 非官方重建 · 广州市各区（区级部门）');
    const header = lines.findIndex((l) => l.startsWith('  指标'));
    expect(lines[header]).toMatch(/^ {2}指标 +分值 +自评 +复核 +状态 +说明$/);
    const row = (name: string) => lines.find((l) => l.trimStart().startsWith(name)) ?? '';
    expect(row('履职效能')).toMatch(/^ {2}履职效能 +50\.00 +50 +50\.00 {2}复核一致/);
    expect(row('绩效结果运用')).toMatch(
      /^ {6}绩效结果运用 +3\.00 +2 +— {2}照录自评 {2}需人工评判，自评分照录$/,
    );
    expect(row('采购合同签订时效性')).toMatch(/无法核实 {2}报告未给出计算所需数字/);
    expect(row('总分')).toMatch(/^ {2}总分 +100\.00 +97 +96\.99～97\.01 {2}复核一致/);
    // Every indicator row puts its status in the same column.
    const status = lines
      .filter((l) => /复核一致|照录自评|无法核实/.test(l))
      .map((l) => displayWidth(l.split(/复核一致|照录自评|无法核实/)[0] ?? ''));
    expect(new Set(status).size).toBe(1);
    expect(text).toContain('  等级：自评 优，按总分为 优（与总分相符）');
    expect(text).toMatch(/ {2}依据不足（0）\n {4}无\n$/);
  });

  it('prints English with lang en, and lists what the evidence cannot support', () => {
    const text = formatScore(reportOf('gz-district-dept-overall', '增城 2023'), { lang: 'en', color: false });
    expect(text).toContain('  What the evidence cannot support (2)');
    expect(text).toContain(
      '    ✖ [deduction without reason] Procurement management: points deducted without a stated reason  p.1 l.8',
    );
    expect(text).toMatch(
      /\n {4}Procurement management +10\.00 +8\.99 +— {2}unsupported {5}parts with a score: 0 of 6/,
    );
    // Status labels and notes are English; only names printed by the report stay Chinese.
    expect(text).not.toMatch(/依据不足|复核一致|照录自评|未列分/);
  });

  it('shows the target rows that fall short under their indicator', () => {
    const text = formatScore(reportOf('mof-project-selfeval', 'a missed target'), {
      lang: 'zh',
      color: false,
    });
    expect(text).toContain(
      '    · 1. 培训人次  目标 ≥100  实际 80  复核 20.00／25.00  自评 25  未达标  给了满分，但数字显示未达标',
    );
    expect(text).toMatch(/ {2}总分 +100\.00 +100 +95\.00 {2}不一致/);
  });

  it('shows a candidate score in parentheses, never as the engine’s own', () => {
    const text = formatScore(reportOf('mof-project-selfeval', 'an execution rate below 100%'), {
      lang: 'en',
      color: false,
    });
    expect(text).toMatch(
      /Budget execution rate +10\.00 +10 +\(9\.50\) {2}cannot verify {3}95\.00%: cannot verify: no official mapping for this jurisdiction and year/,
    );
  });

  it('lists stated scores that match no indicator', () => {
    const text = formatScore(reportOf('gz-district-dept-overall', 'scores no indicator matches'), {
      lang: 'zh',
      color: false,
    });
    expect(text).toContain(
      '  未对应到指标的自评分\n    智慧城市建设经费项目 98分：指标体系中没有这个指标  第1页第1行',
    );
  });

  it('colours statuses only when asked', () => {
    expect(formatScore(haizhu, { lang: 'zh', color: true })).toContain('\u001b[32m复核一致');
    expect(formatScore(haizhu, { lang: 'zh', color: false })).not.toContain('\u001b[');
  });
});
