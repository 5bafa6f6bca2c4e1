import type { RawDocument } from '#domain/raw-document.ts';
import type { EvaluationScope, SelfEvaluation } from '#domain/self-evaluation.ts';
import { compact } from '#extract/normalize.ts';
import { readBudget } from './budget.ts';
import { readCounts } from './counts.ts';
import { readIndicatorTables, type SourceLine } from './indicator-table.ts';
import type { Used } from './located.ts';
import { readMetrics } from './metrics.ts';
import { clauseParts, readProse, sourceLines, type ProseParagraph, type Sentence } from './prose.ts';
import { readGrade, readScores, type ScoreState } from './scores.ts';

/** The title is within the first lines of the first page and ends with the line naming the report. */
const TITLE_LINES = 6;
const TITLE_END_RE = /报告$/;

/** Indexes of the title block's lines: not prose, its year and name are no metrics. */
function titleBlock(lines: readonly SourceLine[]): number[] {
  const firstPage = lines[0]?.line.page;
  const head = lines.slice(0, TITLE_LINES).filter((l) => l.line.page === firstPage);
  const end = head.findIndex((l) => TITLE_END_RE.test(compact(l.line.text)));
  return end < 0 ? [] : head.slice(0, end + 1).map((_, i) => i);
}

/** 部门整体支出 or 项目支出, from the title. */
function scopeOf(lines: readonly SourceLine[], title: readonly number[]): EvaluationScope {
  const text = title.map((i) => compact(lines[i]?.line.text ?? '')).join('');
  if (/部门整体/.test(text)) return 'department';
  return /项目/.test(text) ? 'project' : 'department';
}

/** Reads one sentence with every prose reader in turn; each takes the numbers it understands. */
function readSentence(s: Sentence, p: ProseParagraph, out: SelfEvaluation, scores: ScoreState): void {
  const used: Used = new Set();
  const budget = readBudget(s, p, used);
  out.budget.push(...budget.figures);
  if (budget.project) out.projects.push(budget.project);
  readScores(s, p, used, scores);
  out.grade ??= readGrade(s, p);
  for (const clause of s.pieces.flat()) out.counts.push(...readCounts(clauseParts(clause).body, p, used));
  out.metrics.push(...readMetrics(s, p, used));
}

/**
 * Reads a performance self-evaluation report (绩效自评报告): budget figures, projects, indicator tables,
 * stated scores and grade, counts and every other stated quantity, each with the line it was printed on.
 * Works on lines and cells, whatever the reader (text, PDF, DOCX).
 */
export function extractSelfEvaluation(raw: RawDocument): SelfEvaluation {
  const lines = sourceLines(raw);
  const tables = readIndicatorTables(lines);
  const title = titleBlock(lines);
  const out: SelfEvaluation = {
    scope: scopeOf(lines, title),
    budget: [],
    projects: [],
    indicators: tables.rows,
    scores: [],
    counts: [],
    metrics: [],
  };
  const scores: ScoreState = { scores: out.scores };
  const skip = new Set([...tables.consumed, ...title]);
  for (const p of readProse(raw, lines, skip)) {
    for (const s of p.sentences) readSentence(s, p, out, scores);
  }
  if (out.grade === undefined) delete out.grade;
  return out;
}
