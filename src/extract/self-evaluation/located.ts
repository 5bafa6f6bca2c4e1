import { parseFigure, type Figure, type Unit } from '#domain/quantity.ts';
import type { SourceRef } from '#domain/source.ts';
import type { ProseParagraph } from './prose.ts';

/** Pieces shared by the prose readers: a printed number, where it is, and which numbers are taken. */

/** A printed number (optionally signed, thousands separators allowed), as in claims/patterns.ts. */
export const NUM = String.raw`(?<![\d.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
export const MONEY = String.raw`万元|亿元|元`;

export interface Located {
  figure: Figure;
  /** Offset of the number in the paragraph. */
  at: number;
  source: SourceRef;
}

/** Offsets (in one paragraph) of numbers a reader has already taken, so that later readers skip them. */
export type Used = Set<number>;

export function moneyUnit(text: string): Unit {
  if (text === '亿元') return 'yi-yuan';
  if (text === '元') return 'yuan';
  return 'wan-yuan';
}

/**
 * The figure a named group of a match (made with the `d` flag on text starting at paragraph offset `base`)
 * captured, located in the paragraph and marked as used.
 */
export function figureOf(
  m: RegExpExecArray,
  group: string,
  unit: Unit,
  base: number,
  p: ProseParagraph,
  used: Used,
): Located | undefined {
  const text = m.groups?.[group];
  const span = m.indices?.groups?.[group];
  if (text === undefined || span === undefined) return undefined;
  const figure = parseFigure(text, unit);
  if (!figure) return undefined;
  const at = base + span[0];
  used.add(at);
  return { figure, at, source: p.source(at) };
}
