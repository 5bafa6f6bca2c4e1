import { describe, expect, it } from 'vitest';
import { lastTopLevelColon, splitClauses, splitSentences } from './split.ts';

function clauses(text: string): string[] {
  return splitClauses({ text, start: 0 }).map((c) => c.text);
}

describe('splitSentences', () => {
  it.each([
    ['a。b;c。', [['a'], ['b', 'c']]],
    ['增长--(基数为0,不可比);主要变动情况:持平;', [['增长--(基数为0,不可比)', '主要变动情况:持平']]],
    // A ; inside brackets does not split; a 。 always does, and a bracket left open by it is plain text.
    [
      '得分99分(其中,优的项目4个;良的项目0个。问题0个)。',
      [['得分99分(其中,优的项目4个', '良的项目0个'], ['问题0个']],
    ],
    ['(类)1.00万元;(类)2.00万元', [['(类)1.00万元', '(类)2.00万元']]],
  ])('%s', (text, expected) => {
    expect(splitSentences(text).map((s) => s.map((p) => p.text))).toEqual(expected);
  });

  it('keeps offsets into the paragraph', () => {
    const [[, second] = []] = splitSentences('甲1万元;乙2万元');
    expect(second).toEqual({ text: '乙2万元', start: 5 });
  });
});

describe('splitClauses', () => {
  it.each([
    [
      '基本支出2,036.26万元,比上年决算数减少189.43万元,下降8.5%',
      ['基本支出2,036.26万元', '比上年决算数减少189.43万元', '下降8.5%'],
    ],
    ['增长--(基数为0,不可比)', ['增长--(基数为0,不可比)']],
    [
      '货物支出8.04万元、工程支出0万元、服务支出185.28万元',
      ['货物支出8.04万元', '工程支出0万元', '服务支出185.28万元'],
    ],
    ['主要包括:基本工资、津贴补贴', ['主要包括:基本工资、津贴补贴']],
    ['共接待国外、境外来访团组0个、累计0人次', ['共接待国外、境外来访团组0个', '累计0人次']],
    ['国内公务接待支出0.39万(含外宾接待支出0.00万元)', ['国内公务接待支出0.39万', '外宾接待支出0.00万元']],
    ['设备(不含车辆)6台(套)', ['设备(不含车辆)6台(套)']],
    ['正在整改的0个)', ['正在整改的0个']],
  ])('%s', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it('offsets of a detached bracket point inside it', () => {
    const parts = splitClauses({ text: 'X0.39万(含Y0.00万元)', start: 10 });
    expect(parts.map((p) => p.start)).toEqual([10, 18]);
  });
});

describe('lastTopLevelColon', () => {
  it.each([
    ['其中:人员经费1万元', 2],
    ['a(b:c)d', -1],
    ['情况:1.项目全年预算数为1万元', 2],
  ])('%s', (text, expected) => {
    expect(lastTopLevelColon(text)).toBe(expected);
  });
});
