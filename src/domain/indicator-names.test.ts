import { describe, expect, it } from 'vitest';
import { nameIndex, nameKey, subjectKey } from './indicator-names.ts';

describe('nameKey', () => {
  it.each([
    ['公用经费控制率', '公用经费控制'],
    ['公用经费控制情况', '公用经费控制'],
    ['“三公”经费控制情况', '三公经费控制'],
    ['"三公"经费 控制率', '三公经费控制'],
    ['部门整体绩效目标产出指标完成情况', '部门整体绩效目标产出'],
    ['（4）绩效管理', '绩效管理'],
    ['2.预算执行分析', '预算执行'],
    ['一、履职效能', '履职效能'],
    ['产出指标', '产出'],
    // Never stripped to nothing: 率 alone stays.
    ['效率', '效率'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps 率 in a metric subject', () => {
    expect(subjectKey('“三公”经费 控制率')).toBe('三公经费控制率');
  });
});

describe('nameIndex', () => {
  const index = nameIndex([
    { id: 'perf', name: '绩效管理', aliases: [] },
    { id: 'perf.practice', name: '绩效管理制度执行', aliases: [] },
    { id: 'funds', name: '公用经费控制情况', aliases: ['公共经费控制情况'] },
    { id: 'ex-ante', name: '新增项目事前绩效评估', aliases: ['新增项目事项绩效评估'] },
    { id: 'output', name: '部门整体绩效目标产出指标', aliases: ['产出指标'] },
  ]);

  it.each([
    ['绩效管理', 'perf', 'name'],
    ['绩效管理分析', 'perf', 'name'],
    ['公用经费控制率', 'funds', 'name'],
    ['公共经费控制情况', 'funds', 'alias'],
    ['新增项目事项绩效评估', 'ex-ante', 'alias'],
    ['产出', 'output', 'alias'],
    // The longer indicator wins over one its name contains.
    ['部门绩效管理制度执行情况说明', 'perf.practice', 'contains'],
    ['事前绩效评估', 'ex-ante', 'contains'],
  ])('%s → %s (%s)', (printed, id, how) => {
    expect(index.match(printed)).toEqual({ id, how });
  });

  it.each([['智慧城市建设经费项目'], ['总分'], ['效益']])('%s matches nothing', (printed) => {
    expect(index.match(printed)).toBeUndefined();
  });

  it('refuses two indicators that read the same', () => {
    expect(() =>
      nameIndex([
        { id: 'a', name: '结转结余率', aliases: [] },
        { id: 'b', name: '结转结余情况', aliases: [] },
      ]),
    ).toThrow(/of b reads the same as a name of a/);
  });
});
