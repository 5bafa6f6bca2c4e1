import { parseFigure, type Figure } from '#domain/quantity.ts';
import type { RawLine } from '#domain/raw-document.ts';
import type { IndicatorGroup, IndicatorRow } from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';
import { compact } from '#extract/normalize.ts';
import { actualFromNote } from './actual.ts';
import { parseQuantity } from './quantities.ts';
import { parseTarget } from './target.ts';

/**
 * Indicator tables (产出指标完成情况表, 效益指标完成情况表 …): a header row that names the 三级指标 and the
 * target or completion columns, then one line per row. Cells are taken by column position, as every reader
 * delivers them; a line whose 序号 cell is empty continues the row above (a wrapped name or note).
 */

/** A line as the extractor sees it (markup removed) with the source it came from. */
export interface SourceLine {
  line: RawLine;
  source: SourceRef;
}

type Column =
  | 'index'
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'actual'
  | 'actual-note'
  | 'note'
  | 'rate'
  | 'points'
  | 'score'
  | 'other';

const HEADER_WORDS: readonly [RegExp, Column][] = [
  [/^(?:序号|编号)$/, 'index'],
  [/^一级指标$/, 'level1'],
  [/^二级指标$/, 'level2'],
  [/^(?:三级指标|指标名称|绩效指标)$/, 'name'],
  [/(?:指标值|目标值)$/, 'target'],
  [/(?:实际)?完成值.*(?:说明|原因)/, 'actual-note'],
  [/^(?:实际完成值|实际值|完成值|全年实际值|实际完成情况)$/, 'actual'],
  [/完成率|完成比例/, 'rate'],
  [/说明|原因|备注/, 'note'],
  [/^(?:分值|权重|指标分值)$/, 'points'],
  [/得分$/, 'score'],
];

const GROUP_WORDS: readonly [RegExp, IndicatorGroup][] = [
  [/产出/, 'output'],
  [/满意/, 'satisfaction'],
  [/效益/, 'outcome'],
  [/成本/, 'cost'],
];

/** 二级指标 names and the group they belong to, for tables that print neither 一级指标 nor a title. */
const LEVEL2_GROUPS: readonly [RegExp, IndicatorGroup][] = [
  [/数量|质量|时效/, 'output'],
  [/社会效益|经济效益|生态效益|可持续/, 'outcome'],
  [/满意/, 'satisfaction'],
  [/成本/, 'cost'],
];

const TITLE_RE = /^表\s*\d|指标.*表$|情况表$/;
const TITLE_LOOKBACK = 3;

function columnOf(header: string): Column {
  const t = compact(header);
  return HEADER_WORDS.find(([re]) => re.test(t))?.[1] ?? 'other';
}

/**
 * The columns a header row names, or undefined when the line is no header: it names the 三级指标 and the
 * target or completion rate, and every other cell it prints is a header word too (a data row such as
 * "绩效指标 | 产出指标 | …完成率 | =100%" prints values).
 */
function headerColumns(line: RawLine): Column[] | undefined {
  if (line.cells.length < 3) return undefined;
  const columns = line.cells.map((c) => columnOf(c.text));
  const has = (c: Column): boolean => columns.includes(c);
  const unknown = line.cells.some((c, i) => columns[i] === 'other' && compact(c.text) !== '');
  return !unknown && has('name') && (has('target') || has('rate')) ? columns : undefined;
}

function isTabular(line: RawLine): boolean {
  return line.grid !== undefined || line.cells.length > 1;
}

function groupFrom(
  text: string | undefined,
  words: readonly [RegExp, IndicatorGroup][],
): IndicatorGroup | undefined {
  if (text === undefined) return undefined;
  return words.find(([re]) => re.test(compact(text)))?.[1];
}

function percentCell(text: string): Figure | undefined {
  const t = compact(text).replace(/%$/, '');
  return parseFigure(t, 'percent');
}

/** One row of cells by column, continuation lines already merged in. */
interface DraftRow {
  cells: Map<Column, string>;
  source: SourceRef;
}

function cellsOf(line: RawLine, columns: readonly Column[]): Map<Column, string> {
  const out = new Map<Column, string>();
  columns.forEach((col, i) => {
    const text = line.cells[i]?.text.trim() ?? '';
    if (col !== 'other' && text !== '') out.set(col, text);
  });
  return out;
}

/** 一级/二级指标 cells merged over several rows carry their text in the first row only. */
function inheritMerged(cells: Map<Column, string>, above: ReadonlyMap<Column, string>): Map<Column, string> {
  for (const col of ['level1', 'level2'] as const) {
    const text = above.get(col);
    if (!cells.has(col) && text !== undefined) cells.set(col, text);
  }
  return cells;
}

function merge(row: DraftRow, more: Map<Column, string>): void {
  // A wrapped cell continues without a separator: the break fell inside a word (智 / 慧经济).
  for (const [col, text] of more) row.cells.set(col, (row.cells.get(col) ?? '') + text);
}

function toRow(d: DraftRow, table: string, tableGroup: IndicatorGroup | undefined): IndicatorRow | undefined {
  const get = (c: Column): string | undefined => d.cells.get(c);
  const name = get('name');
  if (name === undefined) return undefined;
  const level2 = get('level2');
  const group =
    groupFrom(get('level1'), GROUP_WORDS) ?? tableGroup ?? groupFrom(level2, LEVEL2_GROUPS) ?? 'output';
  const targetText = get('target');
  const target = targetText === undefined ? undefined : parseTarget(targetText);
  const note = get('actual-note') ?? get('note');
  const actualText = get('actual');
  const actual =
    actualText !== undefined
      ? parseQuantity(actualText, { cell: true })?.quantity
      : note !== undefined && get('actual-note') !== undefined
        ? actualFromNote(note, target)
        : undefined;
  const index = get('index');
  const rate = get('rate');
  const points = get('points');
  const score = get('score');
  return {
    group,
    table,
    ...(index !== undefined && /^\d+$/.test(index) ? { index: Number(index) } : {}),
    ...(level2 !== undefined ? { level2 } : {}),
    name,
    ...(target ? { target } : {}),
    ...(actual ? { actual } : {}),
    ...optionalFigure('completionRate', rate === undefined ? undefined : percentCell(rate)),
    ...optionalFigure('points', points === undefined ? undefined : parseFigure(compact(points), 'point')),
    ...optionalFigure('score', score === undefined ? undefined : parseFigure(compact(score), 'point')),
    ...(note !== undefined ? { note } : {}),
    source: d.source,
  };
}

function optionalFigure<K extends string>(key: K, f: Figure | undefined): Partial<Record<K, Figure>> {
  return f ? ({ [key]: f } as Record<K, Figure>) : {};
}

function titleAbove(lines: readonly SourceLine[], header: number): number | undefined {
  for (let i = header - 1; i >= Math.max(0, header - TITLE_LOOKBACK); i--) {
    const line = lines[i]?.line;
    if (!line || isTabular(line)) return undefined;
    if (TITLE_RE.test(compact(line.text))) return i;
  }
  return undefined;
}

export interface IndicatorTables {
  rows: IndicatorRow[];
  /** Indexes (into the lines given) of titles, headers and rows: they are not prose. */
  consumed: Set<number>;
}

/** Reads every indicator table among `lines` (all pages, in reading order). */
export function readIndicatorTables(lines: readonly SourceLine[]): IndicatorTables {
  const rows: IndicatorRow[] = [];
  const consumed = new Set<number>();
  let lastTitle = '';
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]?.line;
    const columns = header ? headerColumns(header) : undefined;
    if (!columns) continue;
    const titleAt = titleAbove(lines, i);
    if (titleAt !== undefined) {
      consumed.add(titleAt);
      lastTitle = (lines[titleAt]?.line.text ?? '').trim();
    }
    const tableGroup = groupFrom(lastTitle, GROUP_WORDS);
    consumed.add(i);
    const drafts: DraftRow[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const entry = lines[j];
      if (!entry || !isTabular(entry.line) || headerColumns(entry.line)) break;
      consumed.add(j);
      const cells = cellsOf(entry.line, columns);
      const last = drafts[drafts.length - 1];
      if (last && columns.includes('index') && !cells.has('index')) merge(last, cells);
      else drafts.push({ cells: last ? inheritMerged(cells, last.cells) : cells, source: entry.source });
    }
    for (const d of drafts) {
      const row = toRow(d, lastTitle, tableGroup);
      if (row) rows.push(row);
    }
    i = j - 1;
  }
  return { rows, consumed };
}
