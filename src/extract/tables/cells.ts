import type { Unit } from '#domain/quantity.ts';
import type { SourceRef } from '#domain/source.ts';
import type { Cell } from '#domain/table.ts';
import { isCodeHeader, isNameHeader, type PanelMap } from './header.ts';
import { codeDigits, headerKey, isMoneyText, readFigure, smallInt } from './text.ts';
import type { TableLine, TableProblem } from './types.ts';

/** One panel of one line, read through its column roles; not yet a row. */
export interface Draft {
  label: string;
  codeParts: string[];
  lineNo?: number;
  cells: Cell[];
  /** Some figure cell holds printed text (a number or a dash), not just a blank. */
  hasFigureText: boolean;
  source: SourceRef;
}

export function sourceOf(line: TableLine): SourceRef {
  return { page: line.raw.page, line: line.raw.line, text: line.raw.text };
}

export function problemAt(line: TableLine, message: string): TableProblem {
  return { page: line.raw.page, line: line.raw.line, message };
}

/** Whether any cell of the line in [start, end) is non-empty. */
export function hasText(line: TableLine, start = 0, end = line.cells.length): boolean {
  for (let j = start; j < end; j++) if ((line.cells[j] ?? '').trim() !== '') return true;
  return false;
}

/**
 * Reads the cells of one panel. Figure columns become Cells (blank and dashes as zero); code columns
 * give code parts; 行次 columns the printed line number; everything else is label text. Header words
 * sharing a line with data (Shanghai prints “类 款 项 │ 合计 │ 2,946.25 …” as one row) are dropped.
 */
export function readPanel(line: TableLine, map: PanelMap, unit: Unit, problems: TableProblem[]): Draft {
  const source = sourceOf(line);
  const labelParts: string[] = [];
  const codeParts: string[] = [];
  const cells: Cell[] = [];
  let lineNo: number | undefined;
  let hasFigureText = false;
  let hasCodeColumns = false;
  for (const r of map.roles.values()) if (r.role === 'code') hasCodeColumns = true;
  for (let j = map.start; j < map.end; j++) {
    const text = (line.cells[j] ?? '').trim();
    const role = map.roles.get(j);
    if (role?.role === 'figure') {
      const read = readFigure(text, unit);
      if (read.ok) {
        cells.push({ column: role.number, figure: read.figure, source });
        if (text !== '') hasFigureText = true;
      } else {
        problems.push(problemAt(line, `column ${role.number}: "${text}" is not a number`));
      }
      continue;
    }
    if (text === '') continue;
    const key = headerKey(text);
    if ((role?.role === 'code' && isCodeHeader(key)) || (role?.role === 'name' && isNameHeader(key)))
      continue;
    if (role?.role === 'lineNo') {
      const n = smallInt(text);
      if (n !== undefined) {
        lineNo = n;
        continue;
      }
    }
    const digits = codeDigits(text);
    if (digits !== undefined && (role?.role === 'code' || (!hasCodeColumns && labelParts.length === 0))) {
      codeParts.push(digits);
      continue;
    }
    if (role === undefined && isMoneyText(text)) {
      problems.push(problemAt(line, `"${text}" is in a column the header does not identify`));
      continue;
    }
    labelParts.push(text);
  }
  cells.sort((a, b) => a.column - b.column);
  let label = labelParts.join('').replace(/\s+/g, '');
  // A code printed in the name cell (“2010301 行政运行”).
  if (codeParts.length === 0) {
    const m = /^(\d{3}|\d{5}|\d{7})(\D.*)$/.exec(label);
    if (m?.[1] && m[2]) {
      codeParts.push(m[1]);
      label = m[2];
    }
  }
  const draft: Draft = { label, codeParts, cells, hasFigureText, source };
  if (lineNo !== undefined) draft.lineNo = lineNo;
  return draft;
}

/** A draft that only carries label text: the wrapped part of a name printed on its own line. */
export function isTextOnly(d: Draft): boolean {
  return d.label !== '' && d.codeParts.length === 0 && d.lineNo === undefined && !d.hasFigureText;
}

/** A draft with nothing in it (an empty ruled row, a template row left blank). */
export function isEmptyDraft(d: Draft): boolean {
  return d.label === '' && d.codeParts.length === 0 && !d.hasFigureText;
}
