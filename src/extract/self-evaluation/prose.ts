import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import type { SourceRef } from '#domain/source.ts';
import { readNarrative } from '#extract/claims/narrative.ts';
import { LEADING_MARKER_RE } from '#extract/claims/patterns.ts';
import { lastTopLevelColon, splitClauses, splitSentences, type Piece } from '#extract/claims/split.ts';
import type { SourceLine } from './indicator-table.ts';
import { cleanLine } from './markup.ts';

/**
 * The running text of a report as paragraphs → sentences (。) → pieces (;) → clauses (,), with the headings
 * above each paragraph. The claims extractor's reader does the joining of wrapped lines and the splitting;
 * this module only feeds it the lines that are not tables and maps offsets back to source lines.
 */

/** A span of a paragraph's text: `start` is its offset in the paragraph. */
export type Span = Piece;

export interface Sentence extends Span {
  /** Clauses, grouped by the piece (;) they belong to. */
  pieces: Span[][];
}

export interface ProseParagraph {
  text: string;
  /** Headings above the paragraph (and the paragraph's own, when it opens with a marker), outermost first. */
  section: string[];
  sentences: Sentence[];
  /** The source line of the character at `at`. */
  source(at: number): SourceRef;
}

/** A clause with what frames it split off: the words before its colon and an item marker (1. / 一是). */
export interface ClauseParts {
  lead?: Span;
  body: Span;
}

const ORDINAL_RE = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,、]?)/;

/** Strips an item marker, an ordinal (一是) and 其中 from the start of a span. */
export function stripMarkers(span: Span): Span {
  let { text, start } = span;
  for (const re of [LEADING_MARKER_RE, ORDINAL_RE, /^其中:?/]) {
    const m = re.exec(text);
    if (m) {
      text = text.slice(m[0].length);
      start += m[0].length;
    }
  }
  return { text, start };
}

export function clauseParts(c: Span): ClauseParts {
  const colon = lastTopLevelColon(c.text);
  if (colon < 0) return { body: stripMarkers(c) };
  const lead = stripMarkers({ text: c.text.slice(0, colon), start: c.start });
  const body = stripMarkers({ text: c.text.slice(colon + 1), start: c.start + colon + 1 });
  // "其中:" frames what follows and names nothing.
  return lead.text === '' ? { body } : { lead, body };
}

/** Clauses of a piece; a bracket detached as a clause of its own is split at its commas too. */
function clausesOf(piece: Piece): Span[] {
  return splitClauses(piece).flatMap((c) => {
    const again = splitClauses(c);
    return again.length > 1 ? again : [c];
  });
}

function sentencesOf(text: string): Sentence[] {
  return splitSentences(text).map((pieces) => {
    const first = pieces[0] ?? { text: '', start: 0 };
    const last = pieces[pieces.length - 1] ?? first;
    const end = last.start + last.text.length;
    return {
      text: text.slice(first.start, end),
      start: first.start,
      pieces: pieces.map(clausesOf),
    };
  });
}

/** Every line of a document with its Markdown/LaTeX remnants removed, and the source it came from. */
export function sourceLines(raw: RawDocument): SourceLine[] {
  return raw.pages.flatMap((p) =>
    p.lines.map((l) => ({ line: cleanLine(l), source: { page: l.page, line: l.line, text: l.text } })),
  );
}

/**
 * Reads the prose of `lines` (markup already removed), leaving out the lines at `skip` (titles, tables).
 * Page sizes come from `doc`, so that PDF line geometry still tells wrapped lines from short ones.
 */
export function readProse(
  doc: RawDocument,
  lines: readonly SourceLine[],
  skip: ReadonlySet<number>,
): ProseParagraph[] {
  const sources = new Map<RawLine, SourceRef>();
  const kept: RawLine[] = [];
  lines.forEach((l, i) => {
    if (skip.has(i)) return;
    sources.set(l.line, l.source);
    kept.push(l.line);
  });
  const prose: RawDocument = {
    format: doc.format,
    pages: doc.pages.map((p) => ({ ...p, lines: kept.filter((l) => l.page === p.number) })),
  };
  const narrative = readNarrative(prose);
  return narrative.paragraphs.map((p) => {
    const source = (at: number): SourceRef => {
      let k = 0;
      while (k + 1 < p.starts.length && (p.starts[k + 1] ?? 0) <= at) k++;
      const line = narrative.lines[p.lines[k] ?? -1];
      return (line && sources.get(line)) ?? { page: 0, line: 0, text: '' };
    };
    return { text: p.text, section: p.section, sentences: sentencesOf(p.text), source };
  });
}
