import type { RawLine } from '#domain/raw-document.ts';
import type { ExtractedTable } from '#domain/table.ts';

/** Something the recognizer could not read as the template expects, with where it happened. */
export interface TableProblem {
  page: number;
  line: number;
  message: string;
}

export interface TableExtraction {
  /** Recognised tables in document order; each id at most once. */
  tables: ExtractedTable[];
  problems: TableProblem[];
}

/** One structured line of a table region: a ruled-table row or a tab-separated text line. */
export interface TableLine {
  raw: RawLine;
  /** Cell texts, trimmed; "" for an empty cell. */
  cells: string[];
}

/**
 * A header block and the body lines that follow it. A table split across pages yields one segment per
 * repeated header; a continuation without its own header has an empty `header`.
 */
export interface Segment {
  header: TableLine[];
  body: TableLine[];
}
