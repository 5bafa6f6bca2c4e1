import { describe, expect, it } from 'vitest';
import { isRelative, subjectAfter, subjectBefore, subjectOfBracketed } from './metric-subject.ts';

describe('subjectBefore', () => {
  it.each([
    ['业务受理量共', '业务受理量'],
    ['群众满意率达到', '群众满意率'],
    ['为群众提供免邮服务', '免邮服务'],
    ['节约费用', '节约费用'],
    ['2023年区及南部政务服务中心业务受理量', '业务受理量'],
    ['我区共承办热线工单', '热线工单'],
    ['、表扬信', '表扬信'],
    ['“三公”经费实际支出数为', '三公经费实际支出数'],
    ['局本级和区数字政府运营中心的固定资产利用率为', '固定资产利用率'],
    ['上报率', '上报率'],
    ['在线率', '在线率'],
    ['占一般公共预算项目支出总额的', '占一般公共预算项目支出总额'],
    ['网格事件并已办结', '办结'],
  ])('%s → %s', (words, subject) => {
    expect(subjectBefore(words)).toBe(subject);
  });
});

describe('subjectAfter', () => {
  it.each([
    ['行政权力事项进行全面检查', '行政权力事项'],
    ['网格事件并已办结', '网格事件'],
    ['民生领域突出问题共', '民生领域突出问题'],
    ['景区体征指标和', '景区体征指标'],
    ['“一件事”改革主题', '一件事改革主题'],
    ['以上基层证明业务标准化、电子化应用', '基层证明业务标准化'],
    [',3人未上岗', ''],
  ])('%s → %s', (words, subject) => {
    expect(subjectAfter(words)).toBe(subject);
  });
});

describe('relations and bracketed figures', () => {
  it('names a figure restated in brackets after the words before the bracket', () => {
    expect(subjectOfBracketed('未超出预算安排数')).toBe('预算安排数');
  });
  it('tells a relative subject (a share, a change) from a subject of its own', () => {
    expect(isRelative('占政府采购支出总额')).toBe(true);
    expect(isRelative('同比增长')).toBe(true);
    expect(isRelative('综合满意率')).toBe(false);
  });
});
