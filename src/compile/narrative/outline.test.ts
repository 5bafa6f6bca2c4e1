import { describe, expect, it } from 'vitest';
import { numbered, outlineBlocks, present, sentence } from './outline.ts';

describe('outlineBlocks', () => {
  it('numbers parts and subsections over what is printed', () => {
    const blocks = outlineBlocks([
      { title: '甲', subsections: [{ title: '空', paragraphs: [] }] },
      {
        title: '乙',
        subsections: [
          { title: '空', paragraphs: [] },
          { title: 'A', paragraphs: ['a1', 'a2'] },
          { title: 'B', paragraphs: ['b1'] },
        ],
      },
      { title: '丙', subsections: [{ title: 'C', paragraphs: ['c1'] }] },
    ]);
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '一、乙' },
      { kind: 'heading', level: 3, text: '（一）A' },
      { kind: 'paragraph', text: 'a1' },
      { kind: 'paragraph', text: 'a2' },
      { kind: 'heading', level: 3, text: '（二）B' },
      { kind: 'paragraph', text: 'b1' },
      { kind: 'heading', level: 2, text: '二、丙' },
      { kind: 'heading', level: 3, text: '（一）C' },
      { kind: 'paragraph', text: 'c1' },
    ]);
  });
});

describe('sentence helpers', () => {
  it('join the clauses there are', () => {
    expect(sentence('基本支出2,036.26万元', undefined, '与上年决算数持平')).toBe(
      '基本支出2,036.26万元，与上年决算数持平。',
    );
    expect(sentence('经营支出0万元', '')).toBe('经营支出0万元。');
  });

  it('number the items there are', () => {
    expect(numbered(['甲。', undefined, '乙。'])).toEqual(['1.甲。', '2.乙。']);
    expect(present('a', undefined, 'b')).toEqual(['a', 'b']);
  });
});
