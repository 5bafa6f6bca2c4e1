import { describe, expect, it } from 'vitest';
import { foldQuotes, looseKey, normalizeCountSubject, normalizeSubject, topicOfLead } from './subject.ts';

describe('normalizeSubject', () => {
  it.each([
    ['某某区某某局2024年度总收入', '总收入'],
    ['2024年度本部门政府采购支出总额', '政府采购支出总额'],
    ['其中本年收入', '本年收入'],
    ['“三公”经费财政拨款支出决算为', '“三公”经费财政拨款支出'],
    ['"三公"经费财政拨款支出决算数', '“三公”经费财政拨款支出'],
    ['因公出国(境)费支出决算为', '因公出国(境)费'],
    ['公务用车购置支出为', '公务用车购置费'],
    ['公务用车运行维护支出', '公务用车运行维护费'],
    ['公务接待费支出决算', '公务接待费'],
    ['2024年度本部门机关运行经费支出', '机关运行经费'],
    ['某某局2024年度政府采购金额(以合同签订为准)为', '政府采购金额'],
    ['涉及一般公共预算支出', '一般公共预算支出'],
    ['共涉及资金', '涉及资金'],
    ['一般公共服务支出(类)', '一般公共服务支出(类)'],
    ['使用非财政拨款结余(含专用结余)', '使用非财政拨款结余(含专用结余)'],
    ['共同财政事权转移支付收入', '共同财政事权转移支付收入'],
    ['支出决算为', '支出'],
    ['本年收入合计', '本年收入合计'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeSubject(raw)).toBe(expected);
  });
});

describe('normalizeCountSubject', () => {
  it.each([
    ['本部门共有车辆', '辆', undefined, '车辆'],
    ['全年使用财政拨款安排出国(境)团组', '个', undefined, '因公出国(境)团组'],
    ['累计', '人次', '因公出国(境)团组', '因公出国(境)人次'],
    ['列明公务接待', '批次', undefined, '公务接待批次'],
    ['', '人次', '公务接待批次', '公务接待人次'],
    ['发生国内接待', '次', undefined, '国内接待次数'],
    ['接待人数共', '人', undefined, '接待人数'],
    ['公务用车保有量为', '辆', undefined, '公务用车保有量'],
    ['某某局所属各预算单位开支财政拨款的公务用车保有量为', '辆', undefined, '公务用车保有量'],
    ['编报绩效目标的2024年度项目', '个', undefined, '编报绩效目标的项目'],
    ['其中一级项目', '个', undefined, '一级项目'],
  ])('%s %s (after %s) → %s', (raw, measure, previous, expected) => {
    expect(normalizeCountSubject(raw, measure, previous)).toBe(expected);
  });
});

describe('helpers', () => {
  it('folds the quotes around 三公', () => {
    expect(foldQuotes('「三公」经费')).toBe('“三公”经费');
  });

  it('looseKey lets two spellings of the 三公 total meet', () => {
    expect(looseKey('“三公”经费支出')).toBe(looseKey('“三公”经费财政拨款支出'));
  });

  it.each([
    ['部门整体支出绩效自评情况', '部门整体支出'],
    ['某某系统建设项目绩效自评情况', '某某系统建设项目'],
    ['主要变动情况', undefined],
    ['具体情况', undefined],
    ['主要用于', undefined],
  ])('topicOfLead(%s) → %s', (lead, expected) => {
    expect(topicOfLead(lead)).toBe(expected);
  });
});
