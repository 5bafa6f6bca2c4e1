import type { Quantity, StatedMetric } from '#domain/self-evaluation.ts';
import type { Used } from './located.ts';
import { isRelative, subjectAfter, subjectBefore, subjectOfBracketed } from './metric-subject.ts';
import { clauseParts, type ProseParagraph, type Sentence, type Span } from './prose.ts';
import { scanQuantities, type QuantityToken, type TokenKind } from './quantities.ts';

/**
 * Every other quantity the prose states (业务受理量163.37万件, 节约费用66.3万元, 固定资产利用率100%): one
 * metric per number that no budget, score or count reader took and that is a stated quantity (not a date,
 * ordinal, name, title, threshold or span of months, see quantities.ts).
 *
 * The subject is the words before the number back to the previous figure or separator; for a number of
 * counted things (a classifier such as 个/项/种/条, or 万 without a measure word) the words after it name
 * the things ("2251项行政权力事项"); a figure restated in brackets takes the words before the bracket; a
 * share or change (占…的66.87%, 同比增长9.28%) is named after the figure before it. A number with no
 * subject at all is left out.
 *
 * A period (1-10月, 上半年, 第一季度) named in a clause without figures holds for the rest of that piece of
 * the sentence (up to ;); one named before a figure in its own clause holds for that clause.
 */

const PERIOD_RE = /\d{1,2}-\d{1,2}月|(?<![\d-])\d{1,2}月份?(?!\d*日)|上半年|下半年|前三季度|第[一二三四]季度/;
/** Measure words of counted things: the thing counted follows them. */
const CLASSIFIERS = new Set([
  '个',
  '项',
  '种',
  '类',
  '家',
  '所',
  '批',
  '宗',
  '条',
  '篇',
  '台',
  '套',
  '名',
  '位',
  '户',
  '份',
  '处',
  '块',
  '面',
  '张',
  '封',
  '路',
  '部',
  '座',
  '间',
  '本',
  '册',
]);
/** Tokens that end the words before the next number (names and titles do not). */
const BOUNDARY_KINDS: ReadonlySet<TokenKind> = new Set([
  'quantity',
  'date',
  'duration',
  'ordinal',
  'threshold',
]);

function counted(q: Quantity): boolean {
  return (
    q.value.unit === 'count' &&
    (CLASSIFIERS.has(q.measure) || (q.measure === '' && /[万亿]$/.test(q.value.text)))
  );
}

function periodIn(text: string): string | undefined {
  return PERIOD_RE.exec(text)?.[0];
}

class SentenceMetrics {
  readonly out: StatedMetric[] = [];
  private lastSubject: string | undefined;
  private period: string | undefined;
  private previousWords = '';

  constructor(
    private readonly p: ProseParagraph,
    private readonly used: Used,
  ) {}

  piece(clauses: Span[]): void {
    this.period = undefined;
    for (const c of clauses) this.clause(clauseParts(c).body);
  }

  private clause(c: Span): void {
    const tokens = scanQuantities(c.text);
    const quantities = tokens.filter((t) => t.kind === 'quantity');
    if (quantities.length === 0) {
      this.period = periodIn(c.text) ?? this.period;
      this.previousWords = c.text;
      return;
    }
    let from = 0;
    for (const [i, t] of tokens.entries()) {
      if (!BOUNDARY_KINDS.has(t.kind)) continue;
      const before = c.text.slice(from, t.start);
      from = t.end;
      if (t.kind !== 'quantity' || this.used.has(c.start + t.at)) continue;
      const next = tokens.slice(i + 1).find((n) => BOUNDARY_KINDS.has(n.kind));
      const after = c.text.slice(t.end, next?.start ?? c.text.length);
      this.metric(t, before, after, c);
    }
    this.previousWords = '';
  }

  private subjectOf(t: QuantityToken, before: string, after: string): string {
    const following = subjectAfter(after);
    if (counted(t.quantity) && following !== '') return following;
    const preceding = subjectBefore(before);
    if (preceding !== '') {
      return isRelative(preceding) && this.lastSubject ? this.lastSubject + preceding : preceding;
    }
    if (following !== '') return following;
    return this.previousWords === '' ? '' : subjectOfBracketed(this.previousWords);
  }

  private metric(t: QuantityToken, before: string, after: string, c: Span): void {
    const subject = this.subjectOf(t, before, after);
    if (subject === '') return;
    this.used.add(c.start + t.at);
    this.lastSubject = subject;
    const period = periodIn(before) ?? this.period;
    const over = /^及?以上/.test(after) && !t.quantity.approx;
    this.out.push({
      subject,
      ...(period ? { period } : {}),
      quantity: over ? { ...t.quantity, approx: 'over' } : t.quantity,
      source: this.p.source(c.start + t.at),
    });
  }
}

/** The metrics one sentence states, in reading order. */
export function readMetrics(s: Sentence, p: ProseParagraph, used: Used): StatedMetric[] {
  const reader = new SentenceMetrics(p, used);
  for (const piece of s.pieces) reader.piece(piece);
  return reader.out;
}
