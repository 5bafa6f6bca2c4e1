import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMarkup } from './markup.ts';

describe('cleanMarkup', () => {
  it.each([
    ['$\\geq 5$', '≥5'],
    ['$\\leq 10$', '≤10'],
    ['$>=2200$ M', '>=2200 M'],
    ['$>=85\\%$', '>=85%'],
    // The conversion artifact: the digit after the closing $ belongs to the number.
    ['$>=40000$ 0', '>=400000'],
    ['## 一、基本情况', '一、基本情况'],
    ['**(1)预算编制。**指标分值 3 分', '(1)预算编制。指标分值 3 分'],
    // Plain text stays as it is, including a lone dollar sign.
    ['≥10', '≥10'],
    ['价格$5', '价格$5'],
  ])('%s → %s', (input, expected) => {
    expect(cleanMarkup(input)).toBe(expected);
  });
});

describe('cleanLine', () => {
  it('cleans every cell and rebuilds the text, keeping the position', () => {
    const line = cleanLine({
      page: 2,
      line: 7,
      text: '10\t$>=2200$ M',
      cells: [
        { text: '10', x0: 0, x1: 1 },
        { text: '$>=2200$ M', x0: 1, x1: 2 },
      ],
      y: 7,
    });
    expect(line).toEqual({
      page: 2,
      line: 7,
      text: '10\t>=2200 M',
      cells: [
        { text: '10', x0: 0, x1: 1 },
        { text: '>=2200 M', x0: 1, x1: 2 },
      ],
      y: 7,
    });
  });
});
