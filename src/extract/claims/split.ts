import { FIGURE_END_RE, MONEY_ANY_RE } from './patterns.ts';

/** A piece of a paragraph's text and where it starts in that text. */
export interface Piece {
  text: string;
  start: number;
}

// Quotes are not tracked: one stray “ would otherwise stop every split after it.
function isOpen(ch: string): boolean {
  return ch === '(' || ch === '《';
}

function isClose(ch: string): boolean {
  return ch === ')' || ch === '》';
}

function isSentenceEnd(ch: string): boolean {
  return ch === '。' || ch === '!' || ch === '?';
}

function depthStep(ch: string, depth: number): number {
  if (isOpen(ch)) return depth + 1;
  if (isClose(ch)) return depth > 0 ? depth - 1 : 0;
  return depth;
}

const BRACKET_RE = /[()《》]/;
/** Last characters of a figure with its unit: only then can a 、 separate two stated figures. */
const UNIT_END = new Set(['元', '万', '%', '个', '辆', '台', '套', ')', '人', '次', '项', '家']);
const NONE: ReadonlySet<number> = new Set();

/**
 * Positions of brackets that are not closed (or opened) within their sentence. They are read as plain
 * characters, so that “平均得分99.43分(其中,…;…。” still splits at its semicolons and commas.
 */
function unmatchedBrackets(text: string): ReadonlySet<number> {
  if (!BRACKET_RE.test(text)) return NONE;
  const out = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (isOpen(ch)) stack.push(i);
    else if (isClose(ch)) {
      if (stack.length > 0) stack.pop();
      else out.add(i);
    } else if (isSentenceEnd(ch)) {
      for (const j of stack) out.add(j);
      stack.length = 0;
    }
  }
  for (const j of stack) out.add(j);
  return out;
}

function piece(text: string, from: number, to: number, offset: number): Piece | undefined {
  let a = from;
  let b = to;
  while (a < b && (text[a] ?? '') <= ' ') a++;
  while (b > a && (text[b - 1] ?? '') <= ' ') b--;
  // A bracket left over from a sentence that ended inside it: “…正在整改的0个)”.
  if (b > a && text[b - 1] === ')' && !text.slice(a, b - 1).includes('(')) b--;
  if (b > a && text[a] === '(' && !text.slice(a + 1, b).includes(')')) a++;
  return a < b ? { text: text.slice(a, b), start: offset + a } : undefined;
}

/**
 * Splits a paragraph into sentences (at 。!?) and each sentence into the pieces its semicolons separate.
 * A 。 always ends a sentence, even inside brackets, so one unbalanced bracket cannot swallow a paragraph;
 * a ; inside brackets does not split.
 */
export function splitSentences(text: string): Piece[][] {
  const sentences: Piece[][] = [];
  let current: Piece[] = [];
  let depth = 0;
  let from = 0;
  const ignored = unmatchedBrackets(text);
  const cut = (to: number): void => {
    const p = piece(text, from, to, 0);
    if (p) current.push(p);
    from = to + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (isSentenceEnd(ch)) {
      cut(i);
      if (current.length > 0) sentences.push(current);
      current = [];
      depth = 0;
    } else if (ch === ';' && depth === 0) {
      cut(i);
    } else if (!ignored.has(i)) {
      depth = depthStep(ch, depth);
    }
  }
  cut(text.length);
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/** A comma between digits with three digits after it is a thousands separator (3,193.39). */
function isThousands(text: string, i: number): boolean {
  return /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));
}

/**
 * Splits a sentence piece into clauses at top-level commas, and at 、 where the text before it ends with a
 * figure (货物支出8.04万元、工程支出0万元). A bracket at the end of a clause that states an amount of its own
 * (0.39万(含外宾接待支出0.00万元)) becomes a clause after it.
 */
export function splitClauses(p: Piece): Piece[] {
  const out: Piece[] = [];
  const { text } = p;
  let depth = 0;
  let from = 0;
  const ignored = unmatchedBrackets(text);
  const cut = (to: number): void => {
    const c = piece(text, from, to, p.start);
    if (c) out.push(...detachAmountBracket(c));
    from = to + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (depth === 0 && ch === ',' && !isThousands(text, i)) cut(i);
    else if (
      depth === 0 &&
      ch === '、' &&
      UNIT_END.has(text[i - 1] ?? '') &&
      FIGURE_END_RE.test(text.slice(from, i))
    ) {
      cut(i);
    } else if (!ignored.has(i)) depth = depthStep(ch, depth);
  }
  cut(text.length);
  return out;
}

const INCLUDED_RE = /^(?:含|其中:?|包括)/;

function detachAmountBracket(c: Piece): Piece[] {
  if (!c.text.endsWith(')')) return [c];
  let depth = 0;
  for (let i = c.text.length - 1; i >= 0; i--) {
    const ch = c.text[i];
    if (ch === ')') depth++;
    else if (ch === '(' && --depth === 0) {
      const inner = c.text.slice(i + 1, -1);
      if (i === 0 || !MONEY_ANY_RE.test(inner)) return [c];
      const skip = INCLUDED_RE.exec(inner)?.[0].length ?? 0;
      return [
        { text: c.text.slice(0, i), start: c.start },
        { text: inner.slice(skip), start: c.start + i + 1 + skip },
      ];
    }
  }
  return [c];
}

/** The position of the last colon outside brackets, or -1. */
export function lastTopLevelColon(text: string): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === ':' && depth === 0) found = i;
    else depth = depthStep(ch, depth);
  }
  return found;
}
