import { matchColumn } from '#domain/template-keys.ts';
import {
  CODE_HEADERS,
  LINE_NO_HEADERS,
  NAME_HEADERS,
  type TemplateColumn,
  type TemplatePanel,
} from '#domain/final-accounts-template.ts';
import { headerKey, stepNumbers } from './text.ts';
import type { TableLine } from './types.ts';

const CODE_SET = new Set(CODE_HEADERS.map(headerKey));
const NAME_SET = new Set(NAME_HEADERS.map(headerKey));
const LINE_NO_SET = new Set(LINE_NO_HEADERS.map(headerKey));

export function isCodeHeader(key: string): boolean {
  return CODE_SET.has(key);
}

export function isNameHeader(key: string): boolean {
  return NAME_SET.has(key);
}

/**
 * Header rows with merged cells restored. A merged cell carries its text in its first column only; the
 * text is copied rightwards while no row above starts a cell there (a cell starting in a higher row marks
 * the border of the merged span). Rows of 栏次 numbers are left out. Cells become `headerKey`s.
 */
export function expandHeader(header: readonly TableLine[], width: number): string[][] {
  const rows = header.filter((l) => !stepNumbers(l.cells)).map((l) => l.cells.map(headerKey));
  const out: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const filled: string[] = [];
    for (let j = 0; j < width; j++) {
      const own = row[j] ?? '';
      if (own !== '') {
        filled.push(own);
        continue;
      }
      const left = j > 0 ? (filled[j - 1] ?? '') : '';
      const blockedAbove = rows.slice(0, r).some((above) => (above[j] ?? '') !== '');
      filled.push(left !== '' && !blockedAbove ? left : '');
    }
    out.push(filled);
  }
  return out;
}

/** The distinct header texts above column j, top to bottom. */
export function columnChain(expanded: readonly string[][], j: number): string[] {
  const chain: string[] = [];
  for (const row of expanded) {
    const t = row[j] ?? '';
    if (t !== '' && chain[chain.length - 1] !== t) chain.push(t);
  }
  return chain;
}

/** The 栏次 numbers printed under the header, by cell index. */
export function headerSteps(header: readonly TableLine[]): Map<number, number> {
  for (const l of header) {
    const s = stepNumbers(l.cells);
    if (s) return s;
  }
  return new Map();
}

export type ColumnRole =
  { role: 'figure'; number: number } | { role: 'code' } | { role: 'name' } | { role: 'lineNo' };

export interface PanelMap {
  start: number;
  end: number;
  /** Cell index → role; cells without a role are read as label text. */
  roles: Map<number, ColumnRole>;
  /** Template columns found, by 栏次. */
  found: Map<number, TemplateColumn>;
}

/**
 * Roles of the cells of one panel. A column headed by a code, name or 行次 word anywhere in its chain is
 * that (Shanghai heads the 合计 row's label cell like a column: “项目 / 科目编码 / 合计”); other columns
 * are matched to template columns by their header words, deepest first, exactly and then by containment;
 * the printed 栏次 numbers fill in what the words left open.
 */
export function mapPanel(
  expanded: readonly string[][],
  steps: ReadonlyMap<number, number>,
  panel: TemplatePanel,
  start: number,
  end: number,
): PanelMap {
  const roles = new Map<number, ColumnRole>();
  const found = new Map<number, TemplateColumn>();
  const assignFigure = (j: number, c: TemplateColumn | undefined): boolean => {
    if (!c || found.has(c.number)) return false;
    found.set(c.number, c);
    roles.set(j, { role: 'figure', number: c.number });
    return true;
  };
  const chains = new Map<number, string[]>();
  for (let j = start; j < end; j++) {
    const chain = columnChain(expanded, j);
    const structural = [...chain]
      .reverse()
      .find((k) => LINE_NO_SET.has(k) || CODE_SET.has(k) || NAME_SET.has(k));
    if (structural === undefined) chains.set(j, chain);
    else if (LINE_NO_SET.has(structural)) roles.set(j, { role: 'lineNo' });
    else roles.set(j, { role: CODE_SET.has(structural) ? 'code' : 'name' });
  }
  for (const exact of [true, false]) {
    for (const [j, chain] of chains) {
      if (roles.has(j)) continue;
      for (let i = chain.length - 1; i >= 0; i--) {
        if (assignFigure(j, matchColumn(chain[i] ?? '', panel.columns, exact))) break;
      }
    }
  }
  for (const [j, n] of steps) {
    if (j < start || j >= end || roles.has(j)) continue;
    assignFigure(
      j,
      panel.columns.find((x) => x.number === n),
    );
  }
  return { start, end, roles, found };
}

/**
 * Where the second panel starts: the column of its header word (“支出”, “公用经费”), else the second
 * run of code-header columns, else the middle.
 */
export function secondPanelStart(
  header: readonly TableLine[],
  expanded: readonly string[][],
  width: number,
  name: string,
): number {
  const key = headerKey(name);
  for (const l of header) {
    for (let j = 1; j < l.cells.length; j++) {
      if (headerKey(l.cells[j] ?? '') === key) return j;
    }
  }
  const starts: number[] = [];
  let inRun = false;
  for (let j = 0; j < width; j++) {
    const chain = columnChain(expanded, j);
    const isCode = chain.some((k) => CODE_SET.has(k) && k.length > 1);
    if (isCode && !inRun) starts.push(j);
    inRun = isCode;
  }
  if (starts.length >= 2 && starts[1] !== undefined) return starts[1];
  return Math.ceil(width / 2);
}
