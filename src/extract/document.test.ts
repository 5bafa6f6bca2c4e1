import { describe, expect, it } from 'vitest';
import { readText } from '#adapters/text-reader.ts';
import { extractDocument } from './document.ts';

function read(...lines: string[]): ReturnType<typeof extractDocument> {
  return extractDocument(readText(new TextEncoder().encode(lines.join('\n'))), 'x.txt');
}

describe('extractDocument', () => {
  it('reads what a self-evaluation report states', () => {
    const doc = read('2023年度某区某某局部门整体支出绩效自评报告', '自评得分为 96 分。');
    expect(doc.kind).toBe('self-evaluation');
    expect(doc.selfEvaluation?.scores.map((s) => s.score.text)).toEqual(['96']);
  });

  it('leaves other kinds without one', () => {
    const doc = read('2024年度某区某某局部门决算', '一、部门概况', '综合得分为 96 分。');
    expect(doc.kind).toBe('final-accounts');
    expect(doc.selfEvaluation).toBeUndefined();
  });
});
