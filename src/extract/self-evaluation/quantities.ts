import { parseFigure, type Unit } from '#domain/quantity.ts';
import type { Quantity } from '#domain/self-evaluation.ts';
import { compact, normalizeText } from '#extract/normalize.ts';

/**
 * Numbers in running text and table cells, read with what is printed around them: 万/亿 multipliers,
 * 余/多/超/近/约, thousands separators, %, money units and measure words ("19.1万余宗", "超9.72万人次",
 * "1,799.58万元"). Text reaching the scanner is normalised (NFKC) and without whitespace.
 *
 * Every number is classified, so that callers can skip what is not a stated quantity: years and dates,
 * ordinals (第五名), numbers in titles (《…2021年度…报告》), numbers that are part of a name (12345热线, 5G,
 * 数字政府2.0), thresholds marked (含), and spans of months (近3个月未登录), which qualify other figures.
 */

export type TokenKind = 'quantity' | 'bare' | 'date' | 'ordinal' | 'title' | 'duration' | 'threshold';

export interface QuantityToken {
  kind: TokenKind;
  /** The whole token in the scanned text: approximation words, number, magnitude and measure word. */
  start: number;
  end: number;
  /** Where the number itself starts (its sign or first digit). */
  at: number;
  quantity: Quantity;
}

export interface ScanOptions {
  /**
   * Reading a table cell: a Latin measure word ("2200M", where prose has names such as "5G") and a measure
   * in brackets ("≥80.00(%)", "≥12.00(次)", as budget forms print them) are read too.
   */
  cell?: boolean;
}

const NUMBER_RE = /(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)/g;
const RANGE_RE = /^(?:-|~|至|到)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

const APPROX_BEFORE: readonly [string, NonNullable<Quantity['approx']>][] = [
  ['超过', 'over'],
  ['将近', 'under'],
  ['接近', 'under'],
  ['大约', 'about'],
  ['不足', 'under'],
  ['约', 'about'],
  ['近', 'under'],
  ['超', 'over'],
  ['逾', 'over'],
];
const APPROX_AFTER = new Set(['余', '多']);

/** Measure words, longest first where one is the start of another. */
const MEASURES: readonly string[] = [
  '个工作日',
  '工作日',
  '台(套)',
  '平方米',
  '人次',
  '户次',
  '件次',
  '个月',
  '小时',
  '分钟',
  '公里',
  '年度',
  '年底',
  '年初',
  '月份',
  '个',
  '件',
  '张',
  '封',
  '面',
  '块',
  '项',
  '宗',
  '条',
  '篇',
  '台',
  '套',
  '家',
  '类',
  '种',
  '路',
  '名',
  '位',
  '人',
  '次',
  '户',
  '份',
  '所',
  '辆',
  '批',
  '场',
  '期',
  '天',
  '周',
  '倍',
  '处',
  '座',
  '间',
  '本',
  '册',
  '部',
  '吨',
  '亩',
  '米',
  '年',
  '月',
  '日',
  '号',
];
const DATE_MEASURES = new Set(['年', '年度', '年底', '年初', '月', '月份', '日', '号']);
const DURATION_MEASURES = new Set(['个月']);
const LATIN_RE = /^[A-Za-z]+/;
/** 分 is a score only when nothing Han follows it (not 分别, 分中心, 分类). */
const POINT_RE = /^分(?![\p{Script=Han}])/u;

function titleRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /《[^《》]*》/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function approxBefore(text: string, at: number): { word: string; approx: Quantity['approx'] } | undefined {
  for (const [word, approx] of APPROX_BEFORE) {
    if (text.slice(Math.max(0, at - word.length), at) === word) return { word, approx };
  }
  return undefined;
}

interface Suffix {
  end: number;
  unit: Unit;
  measure: string;
  magnitude: '' | '万' | '亿';
  over: boolean;
}

function measureAt(text: string, p: number, options: ScanOptions): string | undefined {
  const rest = text.slice(p);
  const han = MEASURES.find((m) => rest.startsWith(m));
  if (han) return han;
  if (POINT_RE.test(rest)) return '分';
  return options.cell ? LATIN_RE.exec(rest)?.[0] : undefined;
}

/** "(%)" / "(次)" / "(万人次)" right after a number in a cell: the measure in brackets and its length. */
function bracketedMeasure(
  text: string,
  p: number,
  options: ScanOptions,
): { word: string; magnitude: Suffix['magnitude']; length: number } | undefined {
  if (!options.cell || text[p] !== '(') return undefined;
  const close = text.indexOf(')', p);
  const inner = close > p ? text.slice(p + 1, close) : '';
  const money = /^(?:万元|亿元|元)$/.test(inner);
  const magnitude = !money && /^[万亿]/.test(inner) ? (inner[0] as '万' | '亿') : '';
  const word = inner.slice(magnitude.length);
  const known =
    word === '%' || money || MEASURES.includes(word) || LATIN_RE.test(word) || (magnitude && !word);
  return known ? { word, magnitude, length: close - p + 1 } : undefined;
}

/** Whether a magnitude, unit or measure word starts at `p` (so that a 余/多 before it is an approximation). */
function continuesAmount(text: string, p: number, options: ScanOptions): boolean {
  return /^[万亿元%]/.test(text.slice(p, p + 1)) || measureAt(text, p, options) !== undefined;
}

/** What follows a number: 余/多, 万/亿, then %, a money unit, 分 or a measure word. */
function readSuffix(text: string, from: number, options: ScanOptions): Suffix {
  let p = from;
  let over = false;
  if (APPROX_AFTER.has(text[p] ?? '') && continuesAmount(text, p + 1, options)) {
    over = true;
    p++;
  }
  for (const [word, unit] of [
    ['万元', 'wan-yuan'],
    ['亿元', 'yi-yuan'],
    ['元', 'yuan'],
  ] as const) {
    if (text.startsWith(word, p)) return { end: p + word.length, unit, measure: '', magnitude: '', over };
  }
  let magnitude: Suffix['magnitude'] = '';
  if (text[p] === '万' || text[p] === '亿') {
    magnitude = text[p] as '万' | '亿';
    p++;
    if (APPROX_AFTER.has(text[p] ?? '')) {
      over = true;
      p++;
    }
  }
  if (text[p] === '%') return { end: p + 1, unit: 'percent', measure: '', magnitude, over };
  const bracketed = bracketedMeasure(text, p, options);
  if (bracketed) {
    const scaled = magnitude || bracketed.magnitude;
    return { ...unitOf(bracketed.word), end: p + bracketed.length, magnitude: scaled, over };
  }
  const measure = measureAt(text, p, options);
  if (measure === undefined) return { end: p, unit: 'count', measure: '', magnitude, over };
  const unit: Unit = measure === '分' ? 'point' : 'count';
  return { end: p + measure.length, unit, measure, magnitude, over };
}

/** Unit and measure word of a measure printed in brackets. */
function unitOf(word: string): { unit: Unit; measure: string } {
  if (word === '%') return { unit: 'percent', measure: '' };
  if (word === '万元') return { unit: 'wan-yuan', measure: '' };
  if (word === '亿元') return { unit: 'yi-yuan', measure: '' };
  if (word === '元') return { unit: 'yuan', measure: '' };
  return { unit: 'count', measure: word };
}

const MAGNITUDE_DIGITS: Readonly<Record<Suffix['magnitude'], number>> = { '': 0, 万: 4, 亿: 8 };

function kindOf(
  text: string,
  at: number,
  digitsEnd: number,
  s: Suffix,
  titles: [number, number][],
): TokenKind {
  if (titles.some(([a, b]) => at > a && at < b)) return 'title';
  if (DATE_MEASURES.has(s.measure) || /^·\d/.test(text.slice(digitsEnd))) return 'date';
  if (/[·]$/.test(text.slice(0, at))) return 'date';
  if (DURATION_MEASURES.has(s.measure)) return 'duration';
  if (/(?:第|前)$/.test(text.slice(0, at))) return 'ordinal';
  if (text.startsWith('(含)', s.end)) return 'threshold';
  if (s.unit === 'count' && s.measure === '' && s.magnitude === '') return 'bare';
  return 'quantity';
}

/** The sign of a number: a minus right before it that does not join two numbers (1-10月). */
function signStart(text: string, at: number): number {
  if (text[at - 1] !== '-') return at;
  return /[\d.A-Za-z]/.test(text[at - 2] ?? '') ? at : at - 1;
}

/**
 * Every number in `text` (normalised, without whitespace) with what surrounds it. A range (1-10月,
 * 2022-2023年度) is one token of its second number's kind.
 */
export function scanQuantities(text: string, options: ScanOptions = {}): QuantityToken[] {
  const titles = titleRanges(text);
  const out: QuantityToken[] = [];
  const re = new RegExp(NUMBER_RE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = signStart(text, m.index);
    let digitsEnd = m.index + m[0].length;
    const range = RANGE_RE.exec(text.slice(digitsEnd));
    if (range) digitsEnd += range[0].length;
    const suffix = readSuffix(text, digitsEnd, options);
    const before = approxBefore(text, at);
    const base = kindOf(text, at, digitsEnd, suffix, titles);
    const figure = parseFigure(text.slice(at, m.index + m[0].length), suffix.unit);
    re.lastIndex = suffix.end;
    if (!figure) continue;
    const shift = MAGNITUDE_DIGITS[suffix.magnitude];
    const approx = suffix.over ? 'over' : before?.approx;
    out.push({
      // A range in prose (1-10月, 3-5个) states no single quantity.
      kind: range && base === 'quantity' ? 'bare' : base,
      start: at - (before?.word.length ?? 0),
      end: suffix.end,
      at,
      quantity: {
        value: {
          ...figure,
          text: figure.text + suffix.magnitude,
          value: figure.value * 10n ** BigInt(shift),
          decimals: figure.decimals - shift,
        },
        measure: suffix.measure,
        ...(approx ? { approx } : {}),
      },
    });
  }
  return out;
}

/** Normalises a cell or phrase the way prose reaching the scanner is normalised. */
export function scanText(text: string): string {
  return compact(normalizeText(text));
}

const CELL_KINDS: ReadonlySet<TokenKind> = new Set(['quantity', 'bare', 'threshold']);

/**
 * The one quantity a short text such as a table cell states ("8万以上", "74.2 万份", "≥90%(含)"); a bare
 * number counts there. Undefined when the text states none or several.
 */
export function parseQuantity(text: string, options: ScanOptions = {}): QuantityToken | undefined {
  const tokens = scanQuantities(scanText(text), options).filter((t) => CELL_KINDS.has(t.kind));
  return tokens.length === 1 ? tokens[0] : undefined;
}
