import type { Unit } from '#domain/quantity.ts';
import type { Cell, TableRow } from '#domain/table.ts';
import { hasText, problemAt, readPanel, sourceOf } from './cells.ts';
import {
  THREE_PUBLIC_CATEGORIES,
  THREE_PUBLIC_KINDS,
  type TableTemplate,
  type TemplateColumn,
} from '#domain/final-accounts-template.ts';
import { columnChain, expandHeader, headerSteps, type ColumnRole, type PanelMap } from './header.ts';
import { widthOf, type ParsedBody } from './parse-coded.ts';
import { headerKey } from './text.ts';
import type { Segment, TableLine, TableProblem } from './types.ts';

const KINDS = THREE_PUBLIC_KINDS.map((k) => ({ offset: k.offset, keys: new Set(k.keys.map(headerKey)) }));

function kindOf(key: string): number | undefined {
  return KINDS.find((k) => k.keys.has(key))?.offset;
}

function categoryOf(chain: readonly string[]): number | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const key = chain[i] ?? '';
    const c = THREE_PUBLIC_CATEGORIES.find((x) => x.keys.some((k) => headerKey(k) === key));
    if (c) return c.number;
  }
  return undefined;
}

interface Layout {
  /** Column → 栏次, when 预算数/决算数 sit in the header (national and Shanghai layouts). */
  columns?: Map<number, number>;
  /** Column → category 1..6, when 预算数/决算数 label the rows instead (transposed layout). */
  categories?: Map<number, number>;
}

/**
 * Works out which 栏次 each column holds. The national layout groups six categories under 预算数 and
 * under 决算数; Shanghai pairs 预算数/决算数 under each category. Both are read from the header words
 * (merged cells restored), then from a printed 1…12 row, then by position for exactly 12 columns.
 */
function layoutOf(header: readonly TableLine[], width: number): Layout {
  const expanded = expandHeader(header, width);
  let kindRow = -1;
  expanded.forEach((row, r) => {
    if (row.some((k) => kindOf(k) !== undefined)) kindRow = r;
  });
  const categories = new Map<number, number>();
  for (let j = 0; j < width; j++) {
    const chain = columnChain(
      expanded.filter((_, r) => r !== kindRow),
      j,
    );
    const c = categoryOf(chain);
    if (c !== undefined) categories.set(j, c);
  }
  if (kindRow < 0) return { categories };
  const columns = new Map<number, number>();
  const used = new Set<number>();
  for (let j = 0; j < width; j++) {
    const offset = kindOf(expanded[kindRow]?.[j] ?? '');
    const c = categories.get(j);
    if (offset === undefined || c === undefined || used.has(offset + c)) continue;
    used.add(offset + c);
    columns.set(j, offset + c);
  }
  if (columns.size === 12) return { columns };
  const steps = headerSteps(header);
  if (steps.size === 12 && [...steps.values()].every((n) => n >= 1 && n <= 12))
    return { columns: new Map(steps) };
  if (width === 12) return { columns: new Map(Array.from({ length: 12 }, (_, j) => [j, j + 1])) };
  return { columns };
}

function figureMap(columns: ReadonlyMap<number, number>, width: number): PanelMap {
  const roles = new Map<number, ColumnRole>();
  for (const [j, n] of columns) roles.set(j, { role: 'figure', number: n });
  return { start: 0, end: width, roles, found: new Map() };
}

/**
 * The data lines of a segment. A data row left entirely blank (a table declared empty) cannot be told
 * from header lines by its content, so an empty line after the last header words is taken as the row.
 */
function bodyOf(seg: Segment): readonly TableLine[] {
  if (seg.body.length > 0) return seg.body;
  let lastWords = -1;
  seg.header.forEach((l, i) => {
    if (hasText(l)) lastWords = i;
  });
  const blank = seg.header[lastWords + 1];
  return blank ? [blank] : [];
}

/**
 * 表9: one data row (key "row") with 栏次 1..12, 预算数 1–6 and 决算数 7–12, whatever order the
 * document prints them in.
 */
export function parseThreePublic(
  segments: readonly Segment[],
  template: TableTemplate,
  unit: Unit,
  problems: TableProblem[],
): ParsedBody {
  const byNumber = new Map<number, TemplateColumn>();
  for (const c of template.panels[0]?.columns ?? []) byNumber.set(c.number, c);
  const columns = new Map<number, TemplateColumn>();
  const cells = new Map<number, Cell>();
  let first: TableLine | undefined;
  let layout: Layout | undefined;
  for (const seg of segments) {
    const width = widthOf([...seg.header, ...seg.body]);
    if (seg.header.length > 0) layout = layoutOf(seg.header, width);
    if (!layout) continue;
    for (const line of bodyOf(seg)) {
      if (!hasText(line) && first) continue;
      let columnsOfLine = layout.columns;
      if (!columnsOfLine && layout.categories) {
        const offset = line.cells.map((c) => kindOf(headerKey(c))).find((k) => k !== undefined);
        if (offset === undefined) {
          problems.push(problemAt(line, 'a 三公 row that is neither 预算数 nor 决算数'));
          continue;
        }
        columnsOfLine = new Map([...layout.categories].map(([j, c]) => [j, offset + c]));
      }
      if (!columnsOfLine || columnsOfLine.size === 0) {
        problems.push(problemAt(line, 'the 三公 header names no column'));
        continue;
      }
      const d = readPanel(line, figureMap(columnsOfLine, width), unit, problems);
      for (const cell of d.cells) {
        if (cells.has(cell.column)) {
          problems.push(problemAt(line, `column ${cell.column} is printed twice; the first is kept`));
          continue;
        }
        cells.set(cell.column, cell);
        const c = byNumber.get(cell.column);
        if (c) columns.set(cell.column, c);
      }
      first ??= line;
    }
  }
  if (!first) return { rows: [], columns };
  const row: TableRow = {
    key: 'row',
    label: '',
    cells: [...cells.values()].sort((a, b) => a.column - b.column),
    source: sourceOf(first),
  };
  return { rows: [row], columns };
}
