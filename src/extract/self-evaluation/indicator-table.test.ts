import { describe, expect, it } from 'vitest';
import { rawDocument } from '#src/testing/raw-document.ts';
import { readIndicatorTables } from './indicator-table.ts';
import { sourceLines as lines } from './prose.ts';

const TABLE = [
  '部门整体绩效目标产出指标完成情况。',
  '表1 产出指标完成情况表',
  '序号\t二级指标\t三级指标\t年度指标值\t完成率\t指标实际完成值及相关说明',
  '1\t数量指标\t年度服务人次\t8万以上\t112%\t2022年,服务人次89460人次。',
  '2\t数量指标\t某平台\t$\\geq 5$\t100%\t完成事件、视频、智',
  '\t\t专题场景数量\t\t\t慧经济等 10 个专题场景建设。',
  '3\t数量指标\t收发文数量\t$>=40000$ 0\t185%\t全年收发文总数 74.2 万份',
  '表 2 效益指标完成情况表',
  '序号\t二级指标\t三级指标\t年度指标值\t完成率\t指标实际完成值及相关说明',
  '1\t社会效益\t故障响应率\t>=95%\t100%\t故障响应率达到 100%',
  '下一段正文。',
];

describe('readIndicatorTables', () => {
  it.each([
    ['text cells', rawDocument(TABLE)],
    ['ruled PDF rows', rawDocument(TABLE, { grid: true })],
  ])('reads rows, groups and wrapped rows from %s', (_name, doc) => {
    const { rows, consumed } = readIndicatorTables(lines(doc));
    expect(rows.map((r) => [r.group, r.table, r.index, r.level2, r.name])).toEqual([
      ['output', '表1 产出指标完成情况表', 1, '数量指标', '年度服务人次'],
      ['output', '表1 产出指标完成情况表', 2, '数量指标', '某平台专题场景数量'],
      ['output', '表1 产出指标完成情况表', 3, '数量指标', '收发文数量'],
      ['outcome', '表 2 效益指标完成情况表', 1, '社会效益', '故障响应率'],
    ]);
    // Titles, headers, rows and the continuation line are not prose; the sentences around them are.
    expect([...consumed].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads target, completion rate, actual value and note of each row', () => {
    const { rows } = readIndicatorTables(lines(rawDocument(TABLE)));
    const [first, wrapped, artifact] = rows;
    expect(first?.target).toMatchObject({ text: '8万以上', comparator: 'ge', quantity: { measure: '' } });
    expect(first?.target?.quantity?.value).toMatchObject({ text: '8万', decimals: -4 });
    expect(first?.actual?.value.text).toBe('89460');
    expect(first?.completionRate).toMatchObject({ text: '112', unit: 'percent', decimals: 0 });
    expect(first?.source).toEqual({ page: 1, line: 4, text: TABLE[3] });
    expect(wrapped?.note).toBe('完成事件、视频、智慧经济等 10 个专题场景建设。');
    expect(wrapped?.actual?.value.text).toBe('10');
    expect(wrapped?.target?.text).toBe('≥5');
    expect(artifact?.target?.quantity?.value.value).toBe(400_000n * 10n ** 12n);
    expect(artifact?.actual?.value).toMatchObject({ text: '74.2万', decimals: -3 });
  });

  it('reads separate actual, points and score columns and takes the group from 一级指标', () => {
    const doc = rawDocument([
      '一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\t偏差原因',
      '满意度指标\t服务对象满意度\t群众满意率\t≥90%\t95%\t10\t9.5\t个别投诉',
    ]);
    const [row] = readIndicatorTables(lines(doc)).rows;
    expect(row).toMatchObject({ group: 'satisfaction', table: '', name: '群众满意率', note: '个别投诉' });
    expect(row?.actual?.value.text).toBe('95');
    expect(row?.points?.text).toBe('10');
    expect(row?.score).toMatchObject({ text: '9.5', unit: 'point' });
    expect(row?.index).toBeUndefined();
  });

  it('finds no table in prose', () => {
    expect(readIndicatorTables(lines(rawDocument(['三级指标和年度指标值都已完成。']))).rows).toEqual([]);
  });
});
