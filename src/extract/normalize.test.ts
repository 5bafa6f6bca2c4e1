import { describe, expect, it } from 'vitest';
import { compact, isZeroMark, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('folds full-width forms, Kangxi radicals and CJK Radicals Supplement characters', () => {
    expect(normalizeText('１，９４０．６８')).toBe('1,940.68');
    expect(normalizeText('\u2F08政')).toBe('人政'); // KANGXI RADICAL MAN
    expect(normalizeText('部\u2ED4决算')).toBe('部门决算'); // Chromium's ⻔ for 门
    expect(normalizeText('\u2EC5\u2ED3\u2EE5')).toBe('见长鱼');
  });

  it('folds look-alike dashes and spaces', () => {
    expect(normalizeText('—\u3000－')).toBe('- -');
  });
});

describe('compact and isZeroMark', () => {
  it('drop spaces and recognise blanks and dashes as zero', () => {
    expect(compact('因 公 出 国')).toBe('因公出国');
    expect(isZeroMark(' -- ')).toBe(true);
    expect(isZeroMark('0.00')).toBe(false);
  });
});
