import { describe, expect, it } from 'vitest';
import { readText } from '#adapters/text-reader.ts';
import { rawDocument } from '#src/testing/raw-document.ts';
import { extractSelfEvaluation } from './extract-self-evaluation.ts';

const REPORT = [
  '# 2023年度某区某某局部门整体支出绩效自评报告',
  '## 一、基本情况',
  '部门全年预算数 100.00万元，执行数 99.00万元，完成预算的 99%。',
  '## 二、综合评价分析',
  '我局部门整体支出绩效自评得分为：95分，绩效等级为优。',
  '1.履职效能分析。指标分值50分，自评得分48分，得分率96%。',
  '部门整体绩效目标产出指标完成情况（指标分值20分，自评得分18分）。对于所设置的2项产出指标，未全部完成。',
  '表1 产出指标完成情况表',
  '序号\t二级指标\t三级指标\t年度指标值\t完成率\t指标实际完成值及相关说明',
  '1\t数量指标\t服务人次\t$\\geq 5$ 万\t120%\t全年服务 6 万人次',
  '2\t质量指标\t满意率\t>=90%\t90%\t满意率 81%',
  '未完成满意率目标，扣 2 分。全年共接待群众超 6 万人次。',
];

describe('extractSelfEvaluation', () => {
  it('reads every part of a small report', () => {
    const raw = readText(new TextEncoder().encode(REPORT.join('\n')));
    const se = extractSelfEvaluation(raw);
    expect(se.scope).toBe('department');
    expect(se.budget.map((b) => `${b.measure}/${b.part}=${b.value.text}`)).toEqual([
      'full-year/total=100.00',
      'executed/total=99.00',
      'execution-rate/total=99',
    ]);
    expect(se.grade?.grade).toBe('优');
    expect(se.scores.map((s) => [s.indicator, s.points?.text, s.score.text, s.deduction?.text])).toEqual([
      ['总分', undefined, '95', undefined],
      ['履职效能', '50', '48', undefined],
      ['部门整体绩效目标产出指标', '20', '18', '2'],
    ]);
    expect(se.counts.map((c) => [c.subject, c.count])).toEqual([['产出指标', 2]]);
    expect(se.indicators.map((r) => [r.name, r.target?.comparator, r.actual?.value.text])).toEqual([
      ['服务人次', 'ge', '6万'],
      ['满意率', 'ge', '81'],
    ]);
    // The title's year and the table's numbers are no metrics.
    expect(se.metrics.map((m) => [m.subject, m.quantity.value.text, m.quantity.approx])).toEqual([
      ['群众', '6万', 'over'],
    ]);
    // The source is the line as the reader delivered it, markup and all.
    expect(se.metrics[0]?.source).toEqual({ page: 1, line: 12, text: raw.pages[0]?.lines[11]?.text });
    expect(se.indicators[0]?.source.text).toContain('$\\geq 5$');
  });

  it('reads a project report and a table of ruled PDF rows the same way', () => {
    const se = extractSelfEvaluation(
      rawDocument(
        [
          '2023年度某某项目支出绩效自评报告',
          '序号\t三级指标\t年度指标值\t完成率\t指标实际完成值及相关说明',
          '1\t培训人次\t≥100\t100%\t培训 120 人次',
        ],
        { grid: true },
      ),
    );
    expect(se.scope).toBe('project');
    expect(se.indicators.map((r) => [r.index, r.name, r.actual?.value.text, r.completionRate?.text])).toEqual(
      [[1, '培训人次', '120', '100']],
    );
    expect(se.grade).toBeUndefined();
  });
});
