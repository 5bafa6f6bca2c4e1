import type { ClaimBase, Direction } from '#domain/claim.ts';
import type { Unit } from '#domain/quantity.ts';

/**
 * The phrase patterns of 情况说明 sentences, compiled once. Text reaching them is NFKC-normalised with all
 * whitespace removed, so full-width punctuation has become ASCII (“，” → “,”, “（” → “(”, “：” → “:”).
 * Every clause pattern is anchored: a clause is one comma-delimited piece of a sentence.
 */

/** A printed number: thousands separators allowed, never starting inside another number. */
export const NUM = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

/** Money units. A bare 万 is accepted where the template forgot 元 (“0.39万(含…)”), never before 余/户/+. */
const MONEY = String.raw`万元|亿元|元|万(?=$|\()`;

/** What a change is measured against, as printed after 比/较/与. */
const BASE = [
  String.raw`上年决算数?`,
  String.raw`上年度决算数?`,
  String.raw`上年同期`,
  String.raw`上一年度?`,
  String.raw`上年度?`,
  String.raw`上一度`,
  String.raw`\d{4}年度?预算数?`,
  String.raw`\d{4}年度?(?:决算数?)?`,
  String.raw`年初预算数?`,
  String.raw`全年预算数?`,
  String.raw`调整后预算数?`,
  String.raw`调整预算数?`,
  String.raw`预算数?`,
].join('|');

const CMP = String.raw`(?:比|较|与|同|和)(?<bt>${BASE})(?:相比|比较|相较)?`;
const NOT_COMPARABLE_NOTE = String.raw`(?<note>\(基数为0[^)]*\))?`;

/** 完成全年预算10.55万元的64.3% / 完成年初预算的98.20% / 完成预算0万元的--%(基数为0,不可比). */
export const COMPLETION_RE = new RegExp(
  String.raw`^(?<subj>.*?)完成(?<kind>全年|年初|调整后|调整)?预算数?(?:(?<amt>${NUM})(?<unit>${MONEY}))?的?(?:(?<pct>${NUM})%?|(?<nc>--%?))${NOT_COMPARABLE_NOTE}$`,
  'd',
);

/** X年初预算为A万元 / 全年预算数3197.42万元: a budget amount, the base of a later completion. */
export const BUDGET_RE = new RegExp(
  String.raw`^(?<subj>.*?)(?<kind>年初预算|全年预算|调整后预算|调整预算|预算)数?(?:为|是)?(?<amt>${NUM})(?<unit>${MONEY})$`,
  'd',
);

/** X比上年决算数减少189.43万元 / 比年初预算数增加0万元 / 收入支出总计增加307.82万元. */
export const CHANGE_AMOUNT_RE = new RegExp(
  String.raw`^(?<subj>.*?)(?:${CMP})?(?<dir>增加|减少|增长|下降|降低|上升)(?<amt>${NUM})(?<unit>${MONEY})$`,
  'd',
);

/** 增长8.5% / 下降(增长)27.78% / 增长--(基数为0,不可比) / 增长13.95 (percent sign missing). */
export const CHANGE_PERCENT_RE = new RegExp(
  String.raw`^(?<dir>增长|下降|增加|减少|降低|上升)(?<alt>\((?:增长|下降|增加|减少)\))?(?:(?<pct>${NUM})%?|(?<nc>--%?))${NOT_COMPARABLE_NOTE}$`,
  'd',
);

/** 与上年决算数持平 / X支出决算持平 / 决算数与预算数基本持平. */
export const FLAT_RE = new RegExp(String.raw`^(?<subj>.*?)(?:${CMP})?(?:基本)?(?<dir>持平)$`, 'd');

/** 决算数小于预算数(的主要原因) / “三公”经费支出决算大于上年决算数(的主要情况). */
export const QUALITATIVE_RE = new RegExp(
  String.raw`^(?<subj>.*?)(?<dir>大于|小于|高于|低于|超过|少于|多于|等于)(?<bt>${BASE})(?:的主要(?:原因|情况))?(?:是|为)?$`,
  'd',
);

/** 占74.7% / 占政府采购支出总额的100% / X占货物支出金额的100%. */
export const SHARE_RE = new RegExp(
  String.raw`^(?<subj>.*?)占(?:比)?(?<total>.*?)的?(?:比重|比例)?(?:为)?(?<pct>${NUM})%$`,
  'd',
);

/** Counts that end their clause: 车辆1辆, 团组1个, 累计1人次, 设备6台(套). */
export const COUNT_RE = new RegExp(
  String.raw`^(?<subj>.*?)(?<![\d.,])(?<num>\d+)(?<measure>台\(套\)|人次|批次|个|辆|台|套|人|次|项|家)$`,
  'd',
);

/** A stated amount closing its clause: 基本支出2,036.26万元 / 支出决算为B万元. */
export const VALUE_RE = new RegExp(String.raw`^(?<subj>.*?)(?<amt>${NUM})(?<unit>${MONEY})$`, 'd');

/** 与2023年度相比: sets the base of the changes that follow in the sentence. */
export const CONTEXT_BASE_RE = new RegExp(String.raw`^${CMP}$`, 'd');

/** An amount, count or percentage closing a piece of text: where a 、 separates list items. */
export const FIGURE_END_RE = new RegExp(
  String.raw`(?:${NUM}(?:万元|亿元|元|万|%)|\d+(?:台\(套\)|人次|批次|个|辆|台|套|人|次|项|家))$`,
);

/** Any money amount, for telling title-like headings from sentences. */
export const MONEY_ANY_RE = new RegExp(String.raw`${NUM}(?:万元|亿元|元)`);

/** The unit of a money amount as printed. */
export function moneyUnit(text: string): Unit {
  if (text === '亿元') return 'yi-yuan';
  if (text === '元') return 'yuan';
  return 'wan-yuan';
}

/** The kind of base a comparison names (§3.3 of the template notes: never mix the three). */
export function baseOf(text: string): ClaimBase {
  if (text.includes('年初预算')) return 'initial-budget';
  if (text.includes('全年预算') || text.includes('调整')) return 'full-year-budget';
  if (text.includes('预算')) return 'budget';
  return 'prior-final';
}

/** The base named by a completion phrase (完成全年预算 / 完成年初预算 / 完成预算). */
export function completionBase(kind: string | undefined): ClaimBase {
  if (kind === '年初') return 'initial-budget';
  if (kind === '全年' || kind === '调整后' || kind === '调整') return 'full-year-budget';
  return 'budget';
}

export function directionOf(word: string): Direction {
  if (word.endsWith('持平') || word === '等于') return 'flat';
  switch (word) {
    case '增加':
    case '增长':
    case '上升':
    case '大于':
    case '高于':
    case '超过':
    case '多于':
      return 'increase';
    default:
      return 'decrease';
  }
}

/** Heading markers, by level: 一、 / (一) / 1、 1. / (1). */
const HEADING_RES: readonly { level: number; re: RegExp }[] = [
  { level: 1, re: /^[一二三四五六七八九十]+、/ },
  { level: 2, re: /^\([一二三四五六七八九十]+\)/ },
  { level: 3, re: /^\d{1,2}(?:、|\.(?!\d))/ },
  { level: 4, re: /^\(\d{1,2}\)/ },
];

export interface HeadingMarker {
  level: number;
  /** Length of the marker in characters. */
  length: number;
}

export function headingMarker(text: string): HeadingMarker | undefined {
  for (const { level, re } of HEADING_RES) {
    const m = re.exec(text);
    if (m) return { level, length: m[0].length };
  }
  return undefined;
}

/** An item marker opening a clause (“1.”, “(1)”, “一、”), dropped before the clause is read. */
export const LEADING_MARKER_RE =
  /^(?:\d{1,2}(?:、|\.(?!\d))|\(\d{1,2}\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;

export const PART_HEADING_RE = /^第[一二三四五六七八九十]+部分/;
export const NARRATIVE_START_RE = /^第三部分/;
export const NARRATIVE_END_RE = /^(?:第[四五六七八九十]+部分|名词解释)/;
