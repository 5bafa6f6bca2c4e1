import type { Claim } from '#domain/claim.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import type { Evidence } from '#domain/finding.ts';
import type { RawLine } from '#domain/raw-document.ts';

/**
 * The narrative as one string without whitespace, so that a phrase broken across PDF lines
 * (“公务用车购置数0\n辆”) still matches, with a map from every offset back to its line.
 */
export interface JoinedText {
  text: string;
  /** Start offset of each line in `text`, ascending, parallel to `lines`. */
  starts: number[];
  lines: RawLine[];
}

const joinedCache = new WeakMap<DisclosureDocument, JoinedText>();

/** Running text only: table rows are left out so that a label in a table never reads as a sentence. */
export function joinedText(doc: DisclosureDocument): JoinedText {
  const cached = joinedCache.get(doc);
  if (cached) return cached;
  const starts: number[] = [];
  const lines: RawLine[] = [];
  let text = '';
  for (const l of doc.lines) {
    if (l.grid || l.cells.length > 1) continue;
    starts.push(text.length);
    lines.push(l);
    text += l.text.replace(/\s+/gu, '');
  }
  const joined = { text, starts, lines };
  joinedCache.set(doc, joined);
  return joined;
}

/** The line an offset falls on. */
export function lineAt(j: JoinedText, offset: number): RawLine | undefined {
  let lo = 0;
  let hi = j.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((j.starts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? j.lines[found] : undefined;
}

export function lineEvidence(line: RawLine | undefined, fallback: string): Evidence {
  return line ? { page: line.page, line: line.line, text: line.text } : { page: 0, line: 0, text: fallback };
}

/**
 * Where a claim stands in the joined text: the start of its sentence when the sentence can be found at or
 * after its line, else the start of its line; undefined when its line is not part of the running text.
 */
export function claimOffset(j: JoinedText, claim: Claim): number | undefined {
  const idx = j.lines.findIndex((l) => l.page === claim.source.page && l.line === claim.source.line);
  if (idx < 0) return undefined;
  const start = j.starts[idx] ?? 0;
  const sentence = claim.sentence.replace(/\s+/gu, '');
  if (sentence) {
    const at = j.text.indexOf(sentence, Math.max(0, start - sentence.length));
    if (at >= 0 && at <= start + 2000) return at;
  }
  return start;
}
