import { describe, expect, it } from 'vitest';
import { rawDocument } from '#src/testing/raw-document.ts';
import { readCounts } from './counts.ts';
import { clauseParts, readProse, sourceLines } from './prose.ts';

function counts(line: string): [string, number][] {
  const doc = rawDocument([line]);
  const out: [string, number][] = [];
  for (const p of readProse(doc, sourceLines(doc), new Set())) {
    for (const s of p.sentences) {
      const used = new Set<number>();
      for (const c of s.pieces.flat()) {
        out.push(
          ...readCounts(clauseParts(c).body, p, used).map((x): [string, number] => [x.subject, x.count]),
        );
      }
    }
  }
  return out;
}

describe('readCounts', () => {
  it.each<[string, [string, number][]]>([
    ['对于申报表中所设置的15项产出指标，均已完成。', [['产出指标', 15]]],
    ['所设置的 7 项效益指标', [['效益指标', 7]]],
    [
      '共设数量指标21个、质量指标 1个，共设社会效益指标 6个，可持续发展指标 1个。',
      [
        ['数量指标', 21],
        ['质量指标', 1],
        ['社会效益指标', 6],
        ['可持续发展指标', 1],
      ],
    ],
    ['共 23 个项目，自评覆盖率达到100%。', [['projects', 23]]],
    [
      '其中一级项目 3 个，二级项目 26 个。',
      [
        ['一级项目', 3],
        ['二级项目', 26],
      ],
    ],
    ['对10个项目开展事前评估。', [['项目开展事前评估', 10]]],
    ['部门整体绩效目标及10个项目支出绩效目标均已完成。', [['项目支出绩效目标', 10]]],
    // Other things counted are metrics.
    ['以 1972 项景区体征指标赋能治理，落地122个改革主题。', []],
  ])('%s', (line, expected) => {
    expect(counts(line)).toEqual(expected);
  });
});
