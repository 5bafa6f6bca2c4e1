import type { Claim, ClaimBase, Direction } from '#domain/claim.ts';
import { parseFigure, type Figure, type Unit } from '#domain/quantity.ts';
import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import type { SourceRef } from '#domain/source.ts';
import { readNarrative, type Paragraph } from './narrative.ts';
import {
  baseOf,
  BUDGET_RE,
  CHANGE_AMOUNT_RE,
  CHANGE_PERCENT_RE,
  completionBase,
  COMPLETION_RE,
  CONTEXT_BASE_RE,
  COUNT_RE,
  directionOf,
  FLAT_RE,
  LEADING_MARKER_RE,
  moneyUnit,
  QUALITATIVE_RE,
  SHARE_RE,
  VALUE_RE,
} from './patterns.ts';
import { lastTopLevelColon, splitClauses, splitSentences, type Piece } from './split.ts';
import {
  isPlaceholderSubject,
  isUnscopedSubject,
  looseKey,
  normalizeCountSubject,
  normalizeSubject,
  topicOfLead,
} from './subject.ts';

/** A figure and where it was printed. */
interface Located {
  figure: Figure;
  source: SourceRef;
}

interface BudgetPart {
  kind: 'budget';
  at: number;
  base: ClaimBase;
  amount?: Located;
  percent?: Located;
  notComparable: boolean;
}

interface ChangePart {
  kind: 'change';
  at: number;
  base?: ClaimBase;
  direction: Direction;
  word: string;
  amount?: Located;
  percent?: Located;
  notComparable: boolean;
}

interface SharePart {
  kind: 'share';
  at: number;
  percent: Located;
}

type Part = BudgetPart | ChangePart | SharePart;

/** What one subject is said to be within one sentence piece, before it becomes one claim per base. */
interface Statement {
  subject: string;
  at: number;
  value?: Located;
  parts: Part[];
  sentence: string;
}

type Draft = Omit<Claim, 'id'>;

const BUDGET_BASES: ReadonlySet<ClaimBase> = new Set(['initial-budget', 'full-year-budget', 'budget']);
const REASON_TAIL_RE = /的主要(?:原因|情况)(?:是|为|如下)?$/;
const DIRECTION_TAIL_RE = /(?:有所|大幅|略有)?(?:增加|减少|增长|下降|降低|上升)$/;
const HAN_RE = /\p{Script=Han}/u;
const NOT_A_COUNT_RE = /(?:第|排名|前|约)$/;
const TOTAL_LEAD_RE = /^(?:共|合计|总)/;
const DIGIT_RE = /\d/;
const CHANGE_WORD_START_RE = /^(?:增长|下降|增加|减少|降低|上升)/;
const CHANGE_WORD_RE = /增加|减少|增长|下降|降低|上升/;
const COMPARE_WORD_RE = /大于|小于|高于|低于|超过|少于|多于|等于/;
const CONTEXT_START_RE = /^(?:比|较|与|同|和)/;

function sectionKey(section: readonly string[]): string {
  return section.join('\u0000');
}

function sameSubject(a: string, b: string): boolean {
  return a === b || looseKey(a) === looseKey(b);
}

/**
 * Reads the 情况说明 of one document into claims. Walks paragraphs → sentences (。) → pieces (;) → clauses (,),
 * keeping the statement a clause adds to open until the piece ends; each statement then yields one claim per
 * base it is measured against, because a claim carries a single base.
 */
class Collector {
  readonly drafts: Draft[] = [];
  private readonly draftSections: string[] = [];
  private readonly lines: readonly RawLine[];

  private para: Paragraph | undefined;
  private paraSection = '';
  /** Base of the last comparison in the paragraph, for changes that name none (其中: X减少…). */
  private lastBase: ClaimBase | undefined;
  /** Topic set by a lead-in such as “部门整体支出绩效自评情况:”. */
  private leadTopic: string | undefined;
  /** Base set by “与2023年度相比,” for the rest of the sentence. */
  private pendingBase: ClaimBase | undefined;
  private piece: Piece = { text: '', start: 0 };
  private open: Statement | undefined;
  /** Clauses without figures right before the current one: they scope an unscoped subject. */
  private contexts: string[] = [];
  private lastCount: string | undefined;

  constructor(lines: readonly RawLine[]) {
    this.lines = lines;
  }

  paragraph(p: Paragraph): void {
    this.para = p;
    this.paraSection = sectionKey(p.section);
    this.lastBase = undefined;
    this.leadTopic = undefined;
    for (const sentence of splitSentences(p.text)) {
      this.pendingBase = undefined;
      for (const piece of sentence) {
        this.piece = piece;
        this.contexts = [];
        this.lastCount = undefined;
        for (const clause of splitClauses(piece)) this.clause(clause);
        this.close();
      }
    }
  }

  // ---- clauses ------------------------------------------------------------------------------------

  private clause(c: Piece): void {
    let { text, start } = c;
    const colon = lastTopLevelColon(text);
    if (colon >= 0) {
      this.lead(text.slice(0, colon), start);
      start += colon + 1;
      text = text.slice(colon + 1);
    }
    const marker = LEADING_MARKER_RE.exec(text);
    if (marker) {
      start += marker[0].length;
      text = text.slice(marker[0].length);
    }
    if (text.startsWith('其中')) {
      start += 2;
      text = text.slice(2);
    }
    if (text === '') return;
    if (this.statement(text, start)) this.contexts = [];
    else this.contexts.push(text);
  }

  /** The words before a colon: a remark on the figures before (…的主要原因), a topic, or glue. */
  private lead(lead: string, start: number): void {
    const text = lead.replace(LEADING_MARKER_RE, '');
    const remark = text.replace(REASON_TAIL_RE, '');
    const qual = QUALITATIVE_RE.exec(remark);
    if (qual?.groups) {
      this.qualitative(qual.groups.subj ?? '', qual.groups.dir ?? '', baseOf(qual.groups.bt ?? ''));
      return;
    }
    const flat = FLAT_RE.exec(remark);
    if (flat?.groups?.bt !== undefined && baseOf(flat.groups.bt) !== 'prior-final') {
      this.qualitative(flat.groups.subj ?? '', flat.groups.dir ?? '持平', baseOf(flat.groups.bt));
      return;
    }
    const topic = topicOfLead(text);
    if (topic !== undefined) {
      this.leadTopic = topic;
      return;
    }
    this.statement(text, start + (lead.length - text.length));
  }

  /** Reads one clause; false when it states no figure. */
  private statement(text: string, at: number): boolean {
    // Cheap guards first: most clauses are prose, and the anchored patterns are costly to fail.
    const digits = DIGIT_RE.test(text);
    let m: RegExpExecArray | null;
    if (digits && text.includes('完成') && (m = COMPLETION_RE.exec(text))) this.completion(m, at);
    else if (digits && text.includes('预算') && (m = BUDGET_RE.exec(text))) this.budget(m, at);
    else if (CHANGE_WORD_START_RE.test(text) && (m = CHANGE_PERCENT_RE.exec(text))) this.changePercent(m, at);
    else if (digits && CHANGE_WORD_RE.test(text) && (m = CHANGE_AMOUNT_RE.exec(text))) this.change(m, at);
    else if (text.endsWith('持平') && (m = FLAT_RE.exec(text))) this.flat(m, at);
    else if (COMPARE_WORD_RE.test(text) && (m = QUALITATIVE_RE.exec(text))) {
      const g = m.groups ?? {};
      this.qualitative(g.subj ?? '', g.dir ?? '', baseOf(g.bt ?? ''));
    } else if (digits && text.endsWith('%') && (m = SHARE_RE.exec(text))) this.share(m, at);
    else if (digits && (m = COUNT_RE.exec(text))) return this.count(m, at);
    else if (digits && (m = VALUE_RE.exec(text))) this.value(m, at);
    else if (CONTEXT_START_RE.test(text) && (m = CONTEXT_BASE_RE.exec(text))) {
      this.pendingBase = baseOf(m.groups?.bt ?? '');
    } else return false;
    return true;
  }

  // ---- figures ------------------------------------------------------------------------------------

  private source(at: number): SourceRef {
    const starts = this.para?.starts ?? [];
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[this.para?.lines[lo] ?? 0];
    return line ? { page: line.page, line: line.line, text: line.text } : { page: 0, line: 0, text: '' };
  }

  private figure(m: RegExpExecArray, group: string, unit: Unit, at: number): Located | undefined {
    const text = m.groups?.[group];
    const span = m.indices?.groups?.[group];
    if (text === undefined || span === undefined) return undefined;
    const figure = parseFigure(text, unit);
    return figure ? { figure, source: this.source(at + span[0]) } : undefined;
  }

  private money(m: RegExpExecArray, at: number): Located | undefined {
    return this.figure(m, 'amt', moneyUnit(m.groups?.unit ?? ''), at);
  }

  private offset(m: RegExpExecArray, group: string, at: number): number {
    return at + (m.indices?.groups?.[group]?.[0] ?? 0);
  }

  // ---- statements ---------------------------------------------------------------------------------

  private begin(subject: string, at: number): Statement {
    this.close();
    const st: Statement = { subject, at, parts: [], sentence: this.piece.text };
    this.open = st;
    return st;
  }

  /** The topic a subject-less figure belongs to. */
  private topic(): string | undefined {
    return this.leadTopic ?? this.para?.topic;
  }

  /** The statement a named or subject-less clause adds to, or undefined when nothing names the subject. */
  private target(subject: string, at: number): Statement | undefined {
    if (!isPlaceholderSubject(subject)) {
      if (this.open && sameSubject(this.open.subject, subject)) return this.open;
      return this.begin(subject, at);
    }
    if (this.open) return this.open;
    const topic = this.topic();
    return topic ? this.begin(topic, at) : undefined;
  }

  /** Scopes 采购金额 / 涉及预算金额 with the words before it in the sentence. */
  private scoped(subject: string, raw: string): string {
    if (this.contexts.length > 0) return [...this.contexts, subject].join(',');
    if (this.lastCount !== undefined && !TOTAL_LEAD_RE.test(raw)) return this.lastCount + subject;
    return subject;
  }

  private value(m: RegExpExecArray, at: number): void {
    const raw = m.groups?.subj ?? '';
    const subject = normalizeSubject(raw);
    const value = this.money(m, at);
    if (!value) return;
    if (isPlaceholderSubject(subject)) {
      if (this.open && !this.open.value) {
        this.open.value = value;
        return;
      }
      const topic = this.topic();
      if (topic) this.begin(topic, at).value = value;
      else this.close();
      return;
    }
    this.begin(isUnscopedSubject(subject) ? this.scoped(subject, raw) : subject, at).value = value;
  }

  private budget(m: RegExpExecArray, at: number): void {
    const g = m.groups ?? {};
    const amount = this.money(m, at);
    const subject = normalizeSubject(g.subj ?? '');
    const st = this.target(subject, at);
    if (!st || !amount) return;
    const part: BudgetPart = {
      kind: 'budget',
      at: this.offset(m, 'kind', at),
      base: baseOf(g.kind ?? ''),
      amount,
      notComparable: false,
    };
    st.parts.push(part);
  }

  private completion(m: RegExpExecArray, at: number): void {
    const g = m.groups ?? {};
    const subject = normalizeSubject(g.subj ?? '');
    const base = completionBase(g.kind);
    const amount = g.amt !== undefined ? this.money(m, at) : undefined;
    const percent = g.pct !== undefined ? this.figure(m, 'pct', 'percent', at) : undefined;
    const notComparable = g.nc !== undefined || g.note !== undefined;
    if (
      !this.open &&
      !amount &&
      isPlaceholderSubject(subject) &&
      this.completeEarlier(g.kind, base, percent, notComparable)
    ) {
      return;
    }
    const st = this.target(subject, at);
    if (!st) return;
    let part: BudgetPart | undefined;
    if (!amount) {
      const waiting = st.parts.filter(
        (p): p is BudgetPart => p.kind === 'budget' && !p.percent && !p.notComparable,
      );
      // 完成预算的C% refers to the budget just stated; 完成年初预算的C% to the 年初 one, whatever it says.
      part = g.kind === undefined ? waiting[waiting.length - 1] : waiting.find((p) => p.base === base);
    }
    if (part) {
      if (percent) part.percent = percent;
      part.notComparable ||= notComparable;
      return;
    }
    st.parts.push({
      kind: 'budget',
      at: this.offset(m, 'pct', at),
      base,
      ...(amount ? { amount } : {}),
      ...(percent ? { percent } : {}),
      notComparable,
    });
  }

  /**
   * “…支出决算为0.88万元。完成年初预算的100.00%。”: a completion rate in a sentence of its own belongs to the
   * budget comparison the previous sentence of the paragraph made.
   */
  private completeEarlier(
    kind: string | undefined,
    base: ClaimBase,
    percent: Located | undefined,
    notComparable: boolean,
  ): boolean {
    const d = this.drafts[this.drafts.length - 1];
    const topic = this.topic();
    if (!d || this.draftSections[this.drafts.length - 1] !== this.paraSection || d.subject !== topic)
      return false;
    if (!d.base || !BUDGET_BASES.has(d.base) || d.percent || d.notComparable) return false;
    if (kind !== undefined && d.base !== base) return false;
    if (percent) d.percent = percent.figure;
    if (notComparable) d.notComparable = true;
    return true;
  }

  /** The statement a change clause adds to; a subject-less change after “X增加,” is about X. */
  private changeTarget(subject: string, at: number): Statement | undefined {
    if (!isPlaceholderSubject(subject)) {
      if (this.open && sameSubject(this.open.subject, subject)) return this.open;
      return this.begin(subject, at);
    }
    if (this.open) return this.open;
    const before = this.contexts[this.contexts.length - 1];
    const derived = before !== undefined ? normalizeSubject(before.replace(DIRECTION_TAIL_RE, '')) : '';
    const named = !isPlaceholderSubject(derived) ? derived : this.topic();
    return named ? this.begin(named, at) : undefined;
  }

  private change(m: RegExpExecArray, at: number): void {
    const g = m.groups ?? {};
    const st = this.changeTarget(normalizeSubject(g.subj ?? ''), at);
    if (!st) return;
    const base = g.bt !== undefined ? baseOf(g.bt) : (this.pendingBase ?? this.lastBase);
    const amount = this.money(m, at);
    st.parts.push({
      kind: 'change',
      at: this.offset(m, 'dir', at),
      ...(base ? { base } : {}),
      direction: directionOf(g.dir ?? ''),
      word: g.dir ?? '',
      ...(amount ? { amount } : {}),
      notComparable: false,
    });
    if (base) this.lastBase = base;
  }

  private changePercent(m: RegExpExecArray, at: number): void {
    const g = m.groups ?? {};
    const st = this.open;
    if (!st) return;
    const word = `${g.dir ?? ''}${g.alt ?? ''}`;
    const direction = directionOf(g.dir ?? '');
    const percent = g.pct !== undefined ? this.figure(m, 'pct', 'percent', at) : undefined;
    const notComparable = g.nc !== undefined || g.note !== undefined;
    const last = [...st.parts].reverse().find((p): p is ChangePart => p.kind === 'change');
    if (last && !last.percent && !(last.notComparable && last.direction !== 'flat')) {
      if (percent) last.percent = percent;
      last.notComparable ||= notComparable;
      // Keep a contradiction visible: “减少0.15万元，下降(增长)27.78%”.
      if (direction !== last.direction || g.alt !== undefined) last.word = `${last.word}/${word}`;
      return;
    }
    const base = this.pendingBase ?? this.lastBase;
    st.parts.push({
      kind: 'change',
      at: this.offset(m, 'dir', at),
      ...(base ? { base } : {}),
      direction,
      word,
      ...(percent ? { percent } : {}),
      notComparable,
    });
  }

  private flat(m: RegExpExecArray, at: number): void {
    const g = m.groups ?? {};
    const subject = normalizeSubject(g.subj ?? '');
    const base = g.bt !== undefined ? baseOf(g.bt) : (this.pendingBase ?? this.lastBase);
    const word = m[0].endsWith('基本持平') ? '基本持平' : '持平';
    if (base !== undefined && base !== 'prior-final' && isPlaceholderSubject(subject)) {
      // 决算数与预算数基本持平: a remark on the budget comparison just made.
      this.qualitative('', word, base);
      return;
    }
    const st = isPlaceholderSubject(subject) ? this.open : this.changeTarget(subject, at);
    if (!st) return;
    st.parts.push({
      kind: 'change',
      at: this.offset(m, 'dir', at),
      ...(base ? { base } : {}),
      direction: 'flat',
      word,
      notComparable: false,
    });
    if (base) this.lastBase = base;
  }

  private share(m: RegExpExecArray, at: number): void {
    const g = m.groups ?? {};
    const percent = this.figure(m, 'pct', 'percent', at);
    const subject = normalizeSubject(g.subj ?? '');
    const st = isPlaceholderSubject(subject) ? this.open : this.changeTarget(subject, at);
    if (!st || !percent) return;
    st.parts.push({ kind: 'share', at: this.offset(m, 'pct', at), percent });
  }

  private count(m: RegExpExecArray, at: number): boolean {
    const g = m.groups ?? {};
    const subject = normalizeCountSubject(g.subj ?? '', g.measure ?? '', this.lastCount);
    if (subject === '' || !HAN_RE.test(subject) || NOT_A_COUNT_RE.test(subject)) return false;
    const value = this.figure(m, 'num', 'count', at);
    if (!value) return false;
    this.begin(subject, at).value = value;
    this.lastCount = subject;
    return true;
  }

  /**
   * “决算数小于预算数的主要原因”, “…支出决算大于上年决算数的主要情况”: gives a direction to the latest claim of
   * this section that is measured against that kind of base and has none yet.
   */
  private qualitative(rawSubject: string, word: string, base: ClaimBase): void {
    this.close();
    const key = looseKey(normalizeSubject(rawSubject));
    const budget = BUDGET_BASES.has(base);
    for (let i = this.drafts.length - 1; i >= 0; i--) {
      if (this.draftSections[i] !== this.paraSection) return;
      const d = this.drafts[i];
      if (!d?.base) continue;
      if (budget ? !BUDGET_BASES.has(d.base) : d.base !== base) continue;
      if (key !== '' && looseKey(d.subject) !== key) continue;
      if (d.direction === undefined) {
        d.direction = directionOf(word);
        d.directionWord = word;
      }
      return;
    }
  }

  // ---- claims -------------------------------------------------------------------------------------

  /** The latest claim of this section with the same subject and a value. */
  private earlierValue(subject: string): Draft | undefined {
    for (let i = this.drafts.length - 1; i >= 0; i--) {
      if (this.draftSections[i] !== this.paraSection) return undefined;
      const d = this.drafts[i];
      if (d?.value && d.subject === subject) return d;
    }
    return undefined;
  }

  private close(): void {
    const st = this.open;
    this.open = undefined;
    if (!st) return;
    let value = st.value;
    let sentence = st.sentence;
    let parts = [...st.parts].sort((a, b) => a.at - b.at);
    if (!value && parts.some((p) => p.kind === 'change')) {
      // “与2023年度相比，X减少…” restates a change of an X whose amount an earlier sentence gave.
      const earlier = this.earlierValue(st.subject);
      if (earlier?.value) {
        value = { figure: earlier.value, source: earlier.source };
        sentence = `${earlier.sentence}。${sentence}`;
      }
    }
    // A bare 持平 with no amount anywhere says nothing a table could confirm.
    if (!value) parts = parts.filter((p) => p.kind !== 'change' || p.amount || p.percent || p.notComparable);
    if (parts.length === 0) {
      if (value) this.emit(st.subject, value.source, sentence, { value: value.figure });
      return;
    }
    for (const part of parts) {
      const fields = facet(part);
      const source = value?.source ?? firstSource(part) ?? this.source(st.at);
      this.emit(st.subject, source, sentence, { ...(value ? { value: value.figure } : {}), ...fields });
    }
  }

  private emit(subject: string, source: SourceRef, sentence: string, fields: Partial<Draft>): void {
    this.drafts.push({ subject, section: [...(this.para?.section ?? [])], ...fields, source, sentence });
    this.draftSections.push(this.paraSection);
  }
}

function firstSource(part: Part): SourceRef | undefined {
  switch (part.kind) {
    case 'budget':
      return (part.amount ?? part.percent)?.source;
    case 'change':
      return (part.amount ?? part.percent)?.source;
    case 'share':
      return part.percent.source;
  }
}

function facet(part: Part): Partial<Draft> {
  switch (part.kind) {
    case 'budget':
      return {
        base: part.base,
        ...(part.amount ? { baseValue: part.amount.figure } : {}),
        ...(part.percent ? { percent: part.percent.figure } : {}),
        ...(part.notComparable ? { notComparable: true } : {}),
      };
    case 'change':
      return {
        ...(part.base ? { base: part.base } : {}),
        direction: part.direction,
        directionWord: part.word,
        ...(part.amount ? { changeAmount: part.amount.figure } : {}),
        ...(part.percent ? { changePercent: part.percent.figure } : {}),
        ...(part.notComparable ? { notComparable: true } : {}),
      };
    case 'share':
      return { base: 'total', percent: part.percent.figure };
  }
}

/** Field order of a claim, so that claims print (and diff) the same way however they were built. */
function ordered(d: Draft, id: string): Claim {
  return {
    id,
    subject: d.subject,
    section: d.section,
    ...(d.value ? { value: d.value } : {}),
    ...(d.base ? { base: d.base } : {}),
    ...(d.baseValue ? { baseValue: d.baseValue } : {}),
    ...(d.percent ? { percent: d.percent } : {}),
    ...(d.direction ? { direction: d.direction } : {}),
    ...(d.directionWord !== undefined ? { directionWord: d.directionWord } : {}),
    ...(d.changeAmount ? { changeAmount: d.changeAmount } : {}),
    ...(d.changePercent ? { changePercent: d.changePercent } : {}),
    ...(d.notComparable ? { notComparable: true } : {}),
    source: d.source,
    sentence: d.sentence,
  };
}

/**
 * The numeric claims of a document's narrative (情况说明, with 预算绩效管理情况 and 其他重要事项). One claim per
 * subject and base: “三公”经费 6.78万元 measured against its 全年预算 and against the 上年决算 are two claims.
 * Ids are `c{page}-{line}-{n}`, n counting the claims whose value is printed on that line.
 */
export function extractClaims(raw: RawDocument): Claim[] {
  const narrative = readNarrative(raw);
  const collector = new Collector(narrative.lines);
  for (const p of narrative.paragraphs) if (!p.heading) collector.paragraph(p);
  const seen = new Map<string, number>();
  return collector.drafts.map((d) => {
    const key = `${d.source.page}-${d.source.line}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return ordered(d, `c${key}-${n}`);
  });
}
