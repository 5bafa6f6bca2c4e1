import { describe, expect, it } from 'vitest';
import { rawDocument } from '#src/testing/raw-document.ts';
import { clauseParts, readProse, sourceLines, stripMarkers } from './prose.ts';

describe('readProse', () => {
  const lines = [
    '## 一、绩效自评情况',
    '部门全年预算数 6416.64万元，执行数 6416.64万元，完成',
    '预算的 100%。按支出性质看，基本支出 2225.69万元。',
    '序号\t三级指标\t年度指标值',
    '**（1）预算编制。**指标分值 3 分，自评得分 3 分。',
  ];
  const doc = rawDocument(lines);
  const paragraphs = readProse(doc, sourceLines(doc), new Set([3]));

  it('joins wrapped lines, splits sentences and clauses, leaves out skipped lines and markup', () => {
    expect(paragraphs.map((p) => p.sentences.map((s) => s.pieces.flat().map((c) => c.text)))).toEqual([
      [['一、绩效自评情况']],
      [
        ['部门全年预算数6416.64万元', '执行数6416.64万元', '完成预算的100%'],
        ['按支出性质看', '基本支出2225.69万元'],
      ],
      [['(1)预算编制'], ['指标分值3分', '自评得分3分']],
    ]);
    expect(paragraphs[2]?.section).toEqual(['一、绩效自评情况', '(1)预算编制']);
  });

  it('maps a paragraph offset back to the source line as printed', () => {
    const p = paragraphs[1];
    const at = p?.text.indexOf('100%') ?? -1;
    // The source keeps the line as the reader delivered it (NFKC: full-width commas folded).
    expect(p?.source(at)).toEqual({ page: 1, line: 3, text: doc.pages[0]?.lines[2]?.text });
    const heading = paragraphs[2]?.source(0);
    expect([heading?.line, heading?.text.startsWith('**')]).toEqual([5, true]);
  });
});

describe('clauseParts', () => {
  it.each([
    ['其中:基本支出年初预算数1万元', undefined, '基本支出年初预算数1万元'],
    ['各项目的支出情况:一是某某项目', '各项目的支出情况', '某某项目'],
    ['1.“某经费”项目绩效自评综述:全年预算数为1万元', '“某经费”项目绩效自评综述', '全年预算数为1万元'],
  ])('%s', (text, lead, body) => {
    const parts = clauseParts({ text, start: 10 });
    expect(parts.lead?.text).toBe(lead);
    expect(parts.body.text).toBe(body);
    expect(parts.body.start).toBe(10 + text.indexOf(body));
  });

  it('strips item markers and ordinals', () => {
    expect(stripMarkers({ text: '(2)二是X', start: 0 })).toEqual({ text: 'X', start: 5 });
  });
});
