import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import { compact, normalizeText } from '#extract/normalize.ts';
import {
  headingMarker,
  MONEY_ANY_RE,
  NARRATIVE_END_RE,
  NARRATIVE_START_RE,
  PART_HEADING_RE,
} from './patterns.ts';

/**
 * The 情况说明 part of a document as paragraphs of running text: table rows, page furniture and the table
 * of contents left out, lines that a page or line break split mid-sentence joined again, and each
 * paragraph placed under its headings.
 */

export interface Paragraph {
  /** Normalised text without whitespace. */
  text: string;
  /** Where each line of the paragraph starts in `text`, ascending; `lines[i]` is its index in `Narrative.lines`. */
  starts: number[];
  lines: number[];
  /** Headings above (and, for a numbered item, including) this paragraph, outermost first. */
  section: string[];
  /** The numbered item this paragraph belongs to (“一般公共服务支出(类)…(项)”), without its marker. */
  topic?: string;
  /** The paragraph is a heading and nothing else. */
  heading: boolean;
}

export interface Narrative {
  lines: RawLine[];
  paragraphs: Paragraph[];
}

interface TextLine {
  raw: RawLine;
  text: string;
  left: number;
  right: number;
  /** The line runs to the right margin, so its text continues on the next line. */
  wrapped: boolean;
}

const PAGE_NUMBER_RE = /^(?:[-—]*\d{1,4}[-—]*|第\d+页(?:共\d+页)?|\d+\/\d+)$/;
const NUMERIC_CELL_RE = /^[-\d.,%]+$/;
/** A line opening with closing punctuation or the rest of a 类/款/项 path continues the line before it. */
const CONTINUATION_RE = /^(?:[。,;:)、”%]|\((?:类|款|项)\))/;
const INNER_PUNCT_RE = /[,;:。!?]/;
/** A heading is at most this long; longer marker-led text is a numbered paragraph. */
const MAX_HEADING = 60;
/** A short marker-free line after a heading finishes the heading (“情况说明”, “医疗(项)”). */
const MAX_TITLE_TAIL = 8;

/**
 * The text of a line without whitespace, or undefined when the line is a table row. Readers deliver
 * normalised text; normalisation happens again, for the narrative lines only, in readNarrative.
 */
function lineText(line: RawLine): string | undefined {
  if (line.grid) return undefined;
  if (line.cells.length > 1) {
    let numeric = 0;
    for (const c of line.cells) if (NUMERIC_CELL_RE.test(compact(c.text))) numeric++;
    if (numeric >= 2) return undefined;
  }
  return compact(line.cells.length > 1 ? line.cells.map((c) => c.text).join('') : line.text);
}

/** Texts printed as the first or last line of many pages: running headers and footers. */
function pageFurniture(pages: readonly TextLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0]?.text, lines[lines.length - 1]?.text]);
    for (const t of edges) if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(pages.length * 0.3));
  const out = new Set<string>();
  for (const [t, n] of counts) if (n >= min && !MONEY_ANY_RE.test(t)) out.add(t);
  return out;
}

function narrativeRange(lines: readonly { text: string }[]): { start: number; end: number } {
  let start = -1;
  lines.forEach((l, i) => {
    if (NARRATIVE_START_RE.test(l.text)) start = i;
  });
  // Without a 第三部分 heading (budgets, other layouts) read everything: table rows drop out anyway.
  if (start < 0) return { start: 0, end: lines.length };
  // The last 第三部分 is the body's; earlier ones belong to the table of contents.
  for (let i = start + 1; i < lines.length; i++) {
    if (NARRATIVE_END_RE.test(lines[i]?.text ?? '')) return { start: start + 1, end: i };
  }
  return { start: start + 1, end: lines.length };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * Marks lines that reach the right margin. Only PDF-like sources have geometry; text sources keep one
 * paragraph per line, so nothing is marked there.
 */
function markWrapped(lines: TextLine[], doc: RawDocument): void {
  const widths = new Map(doc.pages.map((p) => [p.number, p.width]));
  const measured = lines.filter((l) => (widths.get(l.raw.page) ?? 0) > 0 && l.raw.cells.length > 0);
  if (measured.length === 0) return;
  const margin = percentile(
    measured.map((l) => l.right),
    0.9,
  );
  const charWidth = percentile(
    measured.filter((l) => l.text.length >= 8).map((l) => (l.right - l.left) / l.text.length),
    0.5,
  );
  // Tight on purpose: this only decides whether a heading goes on, and a heading can end near the margin.
  // A line cut early because “(项)” did not fit is caught by CONTINUATION_RE instead.
  for (const l of measured) l.wrapped = l.right >= margin - 1.5 * charWidth;
}

function isTitleLike(text: string): boolean {
  if (text.length > MAX_HEADING + 6) return false;
  const marker = headingMarker(text);
  if (!marker) return false;
  const body = text.slice(marker.length).replace(/。$/, '');
  return body.length <= MAX_HEADING && !INNER_PUNCT_RE.test(body) && !MONEY_ANY_RE.test(body);
}

function isMarkerOnly(text: string): boolean {
  const marker = headingMarker(text);
  return marker !== undefined && marker.length === text.length;
}

/** Whether `next` continues the paragraph whose text so far is `prev`. */
function continues(prev: string, prevWrapped: boolean, next: string): boolean {
  if (CONTINUATION_RE.test(next)) return true;
  if (isMarkerOnly(prev)) return true;
  if (headingMarker(next)) return false;
  if (isTitleLike(prev)) {
    if (prevWrapped) return true;
    return (
      next.length <= MAX_TITLE_TAIL && !INNER_PUNCT_RE.test(next) && !/\d/.test(next) && !prev.endsWith('。')
    );
  }
  // Everything else joins: a paragraph that ended with 。 is split again into sentences later.
  return true;
}

/** The name a heading gives its section: a title whole, a numbered paragraph up to its first figure. */
function headingLabel(text: string): string {
  if (isTitleLike(text)) return text.replace(/。$/, '');
  const marker = headingMarker(text);
  const start = marker?.length ?? 0;
  let end = text.length;
  const punct = INNER_PUNCT_RE.exec(text.slice(start));
  if (punct) end = start + punct.index;
  const digit = /\d/.exec(text.slice(start));
  if (digit && start + digit.index < end) end = start + digit.index;
  return text.slice(0, end);
}

/** Reads the narrative part of a document. Pure; a few milliseconds for a 30-page document. */
export function readNarrative(doc: RawDocument): Narrative {
  const pages = doc.pages.map((page) => {
    const out: TextLine[] = [];
    for (const raw of page.lines) {
      const text = lineText(raw);
      if (text === undefined || text === '' || PAGE_NUMBER_RE.test(text)) continue;
      let left = Infinity;
      let right = -Infinity;
      for (const c of raw.cells) {
        if (c.x0 < left) left = c.x0;
        if (c.x1 > right) right = c.x1;
      }
      out.push({ raw, text, left, right, wrapped: false });
    }
    return out;
  });
  const furniture = pageFurniture(pages);
  const all = pages.flat().filter((l) => !furniture.has(l.text));
  const { start, end } = narrativeRange(all);
  const region = all.slice(start, end).filter((l) => !PART_HEADING_RE.test(l.text));
  for (const l of region) l.text = compact(normalizeText(l.text));
  markWrapped(region, doc);

  const lines: RawLine[] = region.map((l) => l.raw);
  const paragraphs: Paragraph[] = [];
  const stack: { level: number; label: string }[] = [];

  let text = '';
  let starts: number[] = [];
  let indices: number[] = [];
  let lastWrapped = false;
  const flush = (): void => {
    if (text === '') return;
    const marker = headingMarker(text);
    const heading = isTitleLike(text);
    if (marker) {
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= marker.level) stack.pop();
      stack.push({ level: marker.level, label: headingLabel(text) });
    }
    const item = [...stack].reverse().find((h) => h.level >= 3);
    const topic = item ? item.label.slice(headingMarker(item.label)?.length ?? 0) : undefined;
    paragraphs.push({
      text,
      starts,
      lines: indices,
      section: stack.map((h) => h.label),
      ...(topic ? { topic } : {}),
      heading,
    });
    text = '';
    starts = [];
    indices = [];
  };

  region.forEach((line, index) => {
    if (text !== '' && !continues(text, lastWrapped, line.text)) flush();
    starts.push(text.length);
    indices.push(index);
    text += line.text;
    lastWrapped = line.wrapped;
  });
  flush();
  return { lines, paragraphs };
}
