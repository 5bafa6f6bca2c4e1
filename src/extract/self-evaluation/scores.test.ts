import { describe, expect, it } from 'vitest';
import type { StatedGrade, StatedScore } from '#domain/self-evaluation.ts';
import { rawDocument } from '#src/testing/raw-document.ts';
import { readProse, sourceLines } from './prose.ts';
import { indicatorName, readGrade, readScores } from './scores.ts';

function read(...lines: string[]): { scores: StatedScore[]; grades: StatedGrade[] } {
  const doc = rawDocument(lines);
  const state = { scores: [] as StatedScore[] };
  const grades: StatedGrade[] = [];
  for (const p of readProse(doc, sourceLines(doc), new Set())) {
    for (const s of p.sentences) {
      readScores(s, p, new Set(), state);
      const g = readGrade(s, p);
      if (g) grades.push(g);
    }
  }
  return { scores: state.scores, grades };
}

/** indicator, points, score, rate, deduction as printed; then total, statedScope and whether a reason is given. */
function rows(scores: StatedScore[]): (string | boolean | undefined)[][] {
  return scores.map((s) => [
    s.indicator,
    s.points?.text,
    s.score.text,
    s.rate?.text,
    s.deduction?.text,
    s.total,
    s.statedScope,
    s.reason !== undefined,
  ]);
}

describe('readScores', () => {
  it('reads a total with the scope its sentence names, and the grade', () => {
    const { scores, grades } = read(
      '经综合自评，我部门 2023 年部门整体支出绩效自评结果为“优”，自评得分为 98.69分。',
      '我部门组织对一般公共预算项目支出开展绩效自评，自评分数为 98.5 分。',
      '我局部门整体支出绩效自评得分为：97分，绩效等级为良。',
    );
    expect(rows(scores)).toEqual([
      ['总分', undefined, '98.69', undefined, undefined, true, 'department', false],
      ['总分', undefined, '98.5', undefined, undefined, true, 'project', false],
      ['总分', undefined, '97', undefined, undefined, true, 'department', false],
    ]);
    expect(scores[0]?.score.unit).toBe('point');
    expect(grades.map((g) => [g.grade, g.source.line])).toEqual([
      ['优', 1],
      ['良', 3],
    ]);
  });

  it('names a score by its heading, its bracket lead, its opening words or the rate before it', () => {
    const { scores } = read(
      '1.履职效能分析。主要从整体效能方面进行分析。指标分值50分，自评得分50分，得分率100%。',
      '部门整体绩效目标产生指标完成情况（指标分值20分，自评得分20分）。',
      '（1）部门整体绩效目标产出指标完成情况，共设数量指标21个，总分 20分，得分 19.8分。',
      '部门整体绩效目标效益指标 20 分，部门预算资金支出率为 99.96%，得分 10 分。',
      '5.采购管理分析',
      '在采购内控制度建设方面，依法开展采购活动，得分8.99 分。',
    );
    expect(rows(scores)).toEqual([
      ['履职效能', '50', '50', '100', undefined, undefined, undefined, false],
      ['部门整体绩效目标产生指标', '20', '20', undefined, undefined, undefined, undefined, false],
      ['部门整体绩效目标产出指标', '20', '19.8', undefined, undefined, undefined, undefined, false],
      ['部门整体绩效目标效益指标', undefined, '20', undefined, undefined, undefined, undefined, false],
      ['部门预算资金支出率', undefined, '10', undefined, undefined, undefined, undefined, false],
      ['采购管理', undefined, '8.99', undefined, undefined, undefined, undefined, false],
    ]);
  });

  it('attaches a deduction and its sentence to the score stated last; folds an equal restatement', () => {
    const { scores } = read(
      '绩效结果运用（指标分值 3 分，自评得分 2 分，）。未建立挂钩机制，扣 1 分。',
      '预决算公开合规性（指标分值 2 分，自评得分 2 分）。按时公开，该项指标得 2 分。',
      '采购活动合规性（指标分值 2 分，自评得分 2 分）。该项指标得 1 分。',
    );
    expect(rows(scores)).toEqual([
      ['绩效结果运用', '3', '2', undefined, '1', undefined, undefined, true],
      ['预决算公开合规性', '2', '2', undefined, undefined, undefined, undefined, false],
      ['采购活动合规性', '2', '2', undefined, undefined, undefined, undefined, false],
      // A restatement that says something else is a score of its own.
      ['采购活动合规性', undefined, '1', undefined, undefined, undefined, undefined, false],
    ]);
    expect(scores[0]?.reason).toBe('未建立挂钩机制,扣1分');
  });

  it('reads the points a total is out of', () => {
    const { scores } = read('总分 100 分，部门整体支出绩效自评得分为 92.5 分。');
    expect(rows(scores)).toEqual([['总分', '100', '92.5', undefined, undefined, true, 'department', false]]);
  });

  it('does not read a score of something else (考核评分) or a grade of something else (考评成绩)', () => {
    const { scores, grades } = read('年度热线考核评分为 105.37 分，年度考评成绩为优秀。');
    expect(scores).toEqual([]);
    expect(grades).toEqual([]);
  });
});

describe('indicatorName', () => {
  it.each([
    ['1.履职效能分析', '履职效能'],
    ['(1)预算编制', '预算编制'],
    ['部门整体绩效目标产出指标完成情况', '部门整体绩效目标产出指标'],
    ['“三公”经费控制情况', '三公经费控制情况'],
  ])('%s → %s', (text, name) => {
    expect(indicatorName(text)).toBe(name);
  });
});
