import type { StatedGrade, StatedScore } from '#domain/self-evaluation.ts';
import { headingMarker } from '#extract/claims/patterns.ts';
import { figureOf, NUM, type Located, type Used } from './located.ts';
import { clauseParts, type ProseParagraph, type Sentence, type Span } from './prose.ts';
import { scanQuantities } from './quantities.ts';

/**
 * Stated scores and the grade. The forms read:
 *
 * - the total: "(部门整体支出)绩效自评得分为(:)97分" / "自评分数为98.5分", with the scope the sentence names;
 * - a bracket after the indicator's name: "绩效结果运用(指标分值3分,自评得分2分,)";
 * - clauses in a row: "指标分值50分,自评得分50分,得分率100%" / "总分20分,得分19.8分" / "得分10分";
 * - an indicator and its score: "部门整体绩效目标产出指标19.81分";
 * - "扣1分" in a later sentence: a deduction from the score stated last, that sentence being its reason;
 * - "该项指标得2分": a restatement of the score stated last, kept only when it says something else.
 *
 * A score without a name in its own clause takes it from the sentence's opening words when they name an
 * indicator (…指标完成情况), from the clause just before when that states a rate (部门预算资金支出率为99.96%,
 * 得分10分), or else from the heading above ("5.采购管理分析" → 采购管理).
 */

const TOTAL_RE = new RegExp(String.raw`(?:自评|评价)(?:得分|分数|总分)(?:为|是|:)+(?<score>${NUM})分`, 'd');
/** "总分100分" / "满分100分" beside a total. */
const TOTAL_POINTS_RE = new RegExp(String.raw`(?:总分|满分)(?:为)?(?<pts>${NUM})分`, 'd');
const BRACKET_RE = new RegExp(
  String.raw`^(?<ind>[^()]+?)\((?:指标分值|指标值|分值)(?<pts>${NUM})分,?(?:自评)?得分(?<score>${NUM})分(?:,?得分率(?<rate>${NUM})%)?,?\)$`,
  'd',
);
const INDICATOR_SCORE_RE = new RegExp(String.raw`^(?<ind>.+?指标)(?<score>${NUM})分$`, 'd');
const POINTS_RE = new RegExp(String.raw`^(?:指标分值|指标值|总分|分值|满分)(?:为)?(?<pts>${NUM})分$`, 'd');
const SCORE_RE = new RegExp(
  String.raw`^(?:自评得分|评分得分|评价得分|得分)(?:为|是)?(?<score>${NUM})分$`,
  'd',
);
const RATE_RE = new RegExp(String.raw`^得分率(?:为)?(?<rate>${NUM})%$`, 'd');
const DEDUCTION_RE = new RegExp(String.raw`扣(?:除)?(?<ded>${NUM})分`, 'd');
const RESTATED_RE = new RegExp(String.raw`(?:该项?指标|该项)得(?<score>${NUM})分$`, 'd');
const GRADE_RE =
  /(?:绩效等级|评价等级|等级|等次|自评结果|评价结果)(?:为|是|:)*["“”'‘’]?(?<grade>优|良|中|差)(?:秀|好|等)?["“”'‘’]?/d;

const INDICATOR_LEAD_RE = /指标|情况$/;
const NAME_TAIL_RE = /(?:完成情况|分析)$/;
const RATE_SUBJECT_RE = new RegExp(String.raw`^(?<subj>.+?率)(?:为|是|达到|达)?${NUM}%$`);

/** The name of an indicator as the text gives it, without its item marker and 分析/完成情况. */
export function indicatorName(text: string): string {
  const marker = headingMarker(text);
  const t = (marker ? text.slice(marker.length) : text).replace(/。$/, '').replace(/[“”"]/g, '');
  return t.replace(NAME_TAIL_RE, '');
}

/** The scope a sentence stating the total names: 部门整体(支出) or 项目(支出). */
function scopeNamedIn(text: string): Pick<StatedScore, 'statedScope'> {
  if (/部门整体/.test(text)) return { statedScope: 'department' };
  return /项目/.test(text) ? { statedScope: 'project' } : {};
}

function headingName(p: ProseParagraph): string {
  return indicatorName(p.section[p.section.length - 1] ?? '');
}

function statesFigure(text: string): boolean {
  return scanQuantities(text).some((t) => t.kind === 'quantity');
}

/** Scores read so far in the document: a deduction or restatement refers to the last. */
export interface ScoreState {
  scores: StatedScore[];
}

interface Draft {
  points?: Located;
  score?: Located;
  rate?: Located;
  /** Index of the clause that opened the draft in the sentence's clause list. */
  at: number;
}

class SentenceScores {
  private readonly clauses: Span[];
  private draft: Draft | undefined;

  constructor(
    private readonly s: Sentence,
    private readonly p: ProseParagraph,
    private readonly used: Used,
    private readonly state: ScoreState,
  ) {
    this.clauses = s.pieces.flat().map((c) => clauseParts(c).body);
  }

  read(): void {
    this.total();
    this.clauses.forEach((c, i) => this.clause(c, i));
    this.close();
  }

  private total(): void {
    if (/指标分值|指标值/.test(this.s.text)) return;
    const m = TOTAL_RE.exec(this.s.text);
    const score = m && figureOf(m, 'score', 'point', this.s.start, this.p, this.used);
    if (!score) return;
    const full = TOTAL_POINTS_RE.exec(this.s.text);
    const points = full && figureOf(full, 'pts', 'point', this.s.start, this.p, this.used);
    this.emit({
      indicator: '总分',
      ...(points ? { points: points.figure } : {}),
      score: score.figure,
      total: true,
      ...scopeNamedIn(this.s.text),
      source: score.source,
    });
  }

  private clause(c: Span, i: number): void {
    let m: RegExpExecArray | null;
    if ((m = BRACKET_RE.exec(c.text))) this.bracket(m, c);
    else if ((m = POINTS_RE.exec(c.text))) this.field('points', m, 'pts', c, i);
    else if ((m = SCORE_RE.exec(c.text))) this.field('score', m, 'score', c, i);
    else if ((m = RATE_RE.exec(c.text))) this.field('rate', m, 'rate', c, i);
    else if ((m = INDICATOR_SCORE_RE.exec(c.text))) this.named(m, c);
    else if ((m = RESTATED_RE.exec(c.text))) this.restated(m, c);
    if ((m = DEDUCTION_RE.exec(c.text))) this.deduction(m, c);
  }

  private bracket(m: RegExpExecArray, c: Span): void {
    this.close();
    const points = figureOf(m, 'pts', 'point', c.start, this.p, this.used);
    const score = figureOf(m, 'score', 'point', c.start, this.p, this.used);
    const rate = figureOf(m, 'rate', 'percent', c.start, this.p, this.used);
    if (!score) return;
    this.emit({
      indicator: indicatorName(m.groups?.ind ?? ''),
      ...(points ? { points: points.figure } : {}),
      score: score.figure,
      ...(rate ? { rate: rate.figure } : {}),
      source: score.source,
    });
  }

  private field(
    key: 'points' | 'score' | 'rate',
    m: RegExpExecArray,
    group: string,
    c: Span,
    i: number,
  ): void {
    const at = c.start + (m.indices?.groups?.[group]?.[0] ?? 0);
    if (this.used.has(at)) return;
    if (this.draft?.[key] !== undefined || (key === 'points' && this.draft?.score !== undefined))
      this.close();
    const located = figureOf(m, group, key === 'rate' ? 'percent' : 'point', c.start, this.p, this.used);
    if (!located) return;
    this.draft ??= { at: i };
    this.draft[key] = located;
  }

  private named(m: RegExpExecArray, c: Span): void {
    this.close();
    const score = figureOf(m, 'score', 'point', c.start, this.p, this.used);
    if (score)
      this.emit({ indicator: indicatorName(m.groups?.ind ?? ''), score: score.figure, source: score.source });
  }

  private restated(m: RegExpExecArray, c: Span): void {
    this.close();
    const score = figureOf(m, 'score', 'point', c.start, this.p, this.used);
    if (!score) return;
    const last = this.state.scores[this.state.scores.length - 1];
    const same = last && last.score.value === score.figure.value;
    if (!same) {
      this.emit({
        indicator: last?.indicator ?? headingName(this.p),
        score: score.figure,
        source: score.source,
      });
    }
  }

  private deduction(m: RegExpExecArray, c: Span): void {
    this.close();
    const amount = figureOf(m, 'ded', 'point', c.start, this.p, this.used);
    const last = this.state.scores[this.state.scores.length - 1];
    if (!amount || !last) return;
    last.deduction = amount.figure;
    last.reason = last.reason ? `${last.reason}。${this.s.text}` : this.s.text;
  }

  /** The name of what the draft opened at clause `i` scores. */
  private indicatorFor(i: number): string {
    const first = this.clauses[0];
    if (i > 0 && first && !statesFigure(first.text) && INDICATOR_LEAD_RE.test(first.text)) {
      return indicatorName(first.text);
    }
    const before = i > 0 ? RATE_SUBJECT_RE.exec(this.clauses[i - 1]?.text ?? '') : null;
    if (before?.groups?.subj) return indicatorName(before.groups.subj);
    return headingName(this.p);
  }

  private close(): void {
    const d = this.draft;
    this.draft = undefined;
    if (!d?.score) return;
    this.emit({
      indicator: this.indicatorFor(d.at),
      ...(d.points ? { points: d.points.figure } : {}),
      score: d.score.figure,
      ...(d.rate ? { rate: d.rate.figure } : {}),
      source: d.score.source,
    });
  }

  private emit(score: StatedScore): void {
    this.state.scores.push(score);
  }
}

/** Reads the scores one sentence states into `state.scores`. */
export function readScores(s: Sentence, p: ProseParagraph, used: Used, state: ScoreState): void {
  new SentenceScores(s, p, used, state).read();
}

/** The grade a sentence states as the result (绩效等级为优, 自评结果为“优”), if any. */
export function readGrade(s: Sentence, p: ProseParagraph): StatedGrade | undefined {
  const m = GRADE_RE.exec(s.text);
  const grade = m?.groups?.grade;
  const span = m?.indices?.groups?.grade;
  if (!grade || !span) return undefined;
  return { grade: grade as StatedGrade['grade'], source: p.source(s.start + span[0]) };
}
