/**
 * Subject names: the words before a number, cut down to the name of the thing the number is about.
 * The document's own name is kept; only framing (org and year, 本部门, 其中, 为, 支出决算为) is dropped and
 * a few spellings of the 三公 items are folded so one item has one name.
 */

/** Framing words that may open a subject (共 only before a verb: 共同财政事权 is a name). */
const LEADING_GLUE_RE =
  /^(?:其中|另外|此外|本部门|本单位|我部门|我单位|我局|共计|累计|涉及(?!(?:资金|预算金额|金额)$)|包括|分别为|发生|列明|共(?=涉及|接待|发现|承办|安排)|[,:])/;

/** Framing words that may close a subject (the verb before the number). */
const TRAILING_GLUE = [
  '决算数为',
  '决算为',
  '决算数',
  '决算',
  '执行数为',
  '共计',
  '累计',
  '约为',
  '为',
  '是',
  '达',
  '共',
  '的',
  ':',
  ',',
];

/** Words that end an organisation's name, so “<org>2024年度” can be cut as a whole. */
const ORG_END = /(?:局|委|会|办|部|厅|院|所|室|处|站|馆|队|中心|街道|镇|乡|府|公司|学校|医院|署|社|团)$/;
const YEAR_RE = /(\d{4})年度?/;
/** Words a count subject may carry before its noun (全年使用财政拨款安排出国(境)团组). */
const ARRANGE_RE = /^.*安排/;
const HOLD_RE = /^.*共有/;
/** “…局所属各预算单位开支财政拨款的公务用车保有量”: the org's qualifier before 的. */
const ORG_QUALIFIER_RE = /^.*(?:单位|部门|局|委|中心)[^的]*的(?=[^的]+$)/;
const NOTE_PAREN_RE = /\([^()]*为准\)$/;
const QUOTED_SANGONG_RE = /["'“”‘’「」『』]?三公["'“”‘’「」『』]?/g;

/** One item, several spellings: the first name of each row is the one produced. */
const ALIASES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['公务用车购置费', '公务用车购置支出', '公务用车购置', '公务用车购置费用'],
      ['公务用车运行维护费', '公务用车运行维护支出', '公务用车运行维护', '公务用车运行费'],
      ['公务用车购置及运行维护费', '公务用车购置及运行维护支出', '公务用车购置及运行费'],
      ['因公出国(境)费', '因公出国(境)费用', '出国(境)费'],
      ['因公出国(境)团组', '出国(境)团组'],
      ['因公出国(境)人次', '出国(境)人次'],
      ['公务接待费', '公务接待费用'],
    ] as const
  ).flatMap(([name, ...others]) => [[name, name] as const, ...others.map((o) => [o, name] as const)]),
);

function stripLeading(s: string): string {
  let t = s;
  for (let m = LEADING_GLUE_RE.exec(t); m && m[0].length < t.length; m = LEADING_GLUE_RE.exec(t)) {
    t = t.slice(m[0].length);
  }
  return t;
}

function stripTrailing(s: string): string {
  let t = s;
  for (let changed = true; changed && t.length > 0;) {
    changed = false;
    for (const g of TRAILING_GLUE) {
      if (t.endsWith(g)) {
        t = t.slice(0, t.length - g.length);
        changed = true;
        break;
      }
    }
  }
  return t;
}

/** Drops “<org>2024年度” or a leading “2024年度”; a year inside a name is removed on its own. */
function stripYear(s: string): string {
  let t = s;
  for (let m = YEAR_RE.exec(t); m; m = YEAR_RE.exec(t)) {
    const prefix = t.slice(0, m.index);
    const rest = t.slice(m.index + m[0].length);
    t = prefix === '' || ORG_END.test(prefix) ? rest : prefix + rest;
  }
  return t;
}

/** 机关运行经费支出 → 机关运行经费, 因公出国(境)费支出 → 因公出国(境)费: an expense named with its 费. */
function dropExpenseSuffix(s: string): string {
  return /费支出$/.test(s) ? s.slice(0, -2) : s;
}

/** Puts the quotes of “三公” back into one form: PDFs print them in several. */
export function foldQuotes(s: string): string {
  return s.replace(QUOTED_SANGONG_RE, '“三公”');
}

/**
 * The subject a money statement is about. `raw` is the text before the amount within one clause, already
 * without spaces and item markers.
 */
export function normalizeSubject(raw: string): string {
  let t = foldQuotes(raw);
  t = stripLeading(t);
  t = stripYear(t);
  t = stripLeading(t);
  t = stripTrailing(t).replace(NOTE_PAREN_RE, '');
  t = stripTrailing(t);
  t = dropExpenseSuffix(t);
  return ALIASES.get(t) ?? t;
}

/** Measures that name a quantity of their own (人次 is not 团组): they become part of the subject. */
const MEASURE_SUFFIX: Readonly<Record<string, string>> = { 人次: '人次', 批次: '批次', 次: '次数' };
const COUNT_STEM_RE = /(?:团组|批次|人次|次数|个数|数量)$/;

/**
 * The subject of a count (车辆1辆, 出国(境)团组1个, 累计1人次). A bare measure takes its noun from the
 * previous count of the same sentence: “团组1个、累计1人次” counts 人次 of the same 团组.
 */
export function normalizeCountSubject(raw: string, measure: string, previous?: string): string {
  let t = foldQuotes(raw).replace(HOLD_RE, '').replace(ARRANGE_RE, '');
  t = stripLeading(t);
  t = stripYear(t);
  t = t.replace(ORG_QUALIFIER_RE, '');
  t = stripLeading(t);
  t = stripTrailing(t);
  if (t === '' && previous !== undefined) t = previous.replace(COUNT_STEM_RE, '');
  const suffix = MEASURE_SUFFIX[measure];
  if (t !== '' && suffix !== undefined && !t.endsWith(suffix)) t += suffix;
  return ALIASES.get(t) ?? t;
}

/**
 * A key under which two spellings of one subject meet (“三公”经费支出决算 / “三公”经费财政拨款支出):
 * for attaching a later remark to an earlier claim, never for output.
 */
export function looseKey(subject: string): string {
  return subject.replace(/财政拨款|支出|决算数?|数$/g, '');
}

/** Subjects that name nothing: the figure belongs to the sentence's topic (支出决算为…, 执行数…, 项目全年预算数…). */
const PLACEHOLDER = new Set(['', '项目', '支出', '执行数', '决算数', '决算']);

/** Subjects that name a measure but not its scope: the words before them in the sentence supply it. */
const UNSCOPED = new Set(['资金', '金额', '采购金额', '预算金额', '涉及预算金额', '涉及资金']);

export function isPlaceholderSubject(subject: string): boolean {
  return PLACEHOLDER.has(subject);
}

export function isUnscopedSubject(subject: string): boolean {
  return UNSCOPED.has(subject);
}

/** A lead-in such as “部门整体支出绩效自评情况” names the topic of the figures after its colon. */
export function topicOfLead(lead: string): string | undefined {
  const t = stripYear(stripLeading(foldQuotes(lead)));
  if (!/情况$/.test(t)) return undefined;
  if (/^(?:主要|具体|变动|增减|其他)/.test(t) || /主要(?:变动|增减变动)?情况$/.test(t)) return undefined;
  const topic = t.replace(/(?:绩效自评|自评|绩效评价|执行)?情况$/, '');
  return topic === '' ? undefined : topic;
}
