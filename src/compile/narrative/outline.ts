import type { Block } from '#compile/model.ts';
import { chineseNumeral } from './phrasing.ts';

/**
 * A narrative before numbering: parts (一、) of subsections (（一）) of paragraphs. A subsection without
 * paragraphs and a part without subsections are not printed, and the numbers close up behind them.
 */
export interface Subsection {
  /** The heading without its marker: "年度收入总体情况". */
  title: string;
  paragraphs: string[];
}

export interface Part {
  title: string;
  subsections: Subsection[];
}

/** Headings at levels 2 (一、) and 3 (（一）) and the paragraphs, numbered over what is printed. */
export function outlineBlocks(parts: readonly Part[]): Block[] {
  const blocks: Block[] = [];
  let partNo = 0;
  for (const part of parts) {
    const subs = part.subsections.filter((s) => s.paragraphs.length > 0);
    if (subs.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: `${chineseNumeral(++partNo)}、${part.title}` });
    subs.forEach((s, i) => {
      blocks.push({ kind: 'heading', level: 3, text: `（${chineseNumeral(i + 1)}）${s.title}` });
      for (const text of s.paragraphs) blocks.push({ kind: 'paragraph', text });
    });
  }
  return blocks;
}

/** Clauses joined by "，" into one sentence ending in "。"; missing clauses are skipped. */
export function sentence(...clauses: (string | undefined)[]): string {
  return `${clauses.filter((c): c is string => c !== undefined && c !== '').join('，')}。`;
}

/** Numbers a list of items "1." "2." …, skipping the missing ones. */
export function numbered(items: readonly (string | undefined)[]): string[] {
  return items.filter((t): t is string => t !== undefined).map((t, i) => `${i + 1}.${t}`);
}

/** Paragraphs without the missing ones. */
export function present(...paragraphs: (string | undefined)[]): string[] {
  return paragraphs.filter((p): p is string => p !== undefined);
}
