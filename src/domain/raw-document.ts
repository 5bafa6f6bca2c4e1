/**
 * What a reader adapter delivers: pages of positioned lines, before any interpretation.
 *
 * A line is a run of text at one vertical position. Where the source has table structure (tabs in text
 * exports, ruled cells in a PDF, table cells in DOCX) a line carries one cell per column, empty cells
 * included, so column positions survive.
 */

export type SourceFormat = 'pdf' | 'docx' | 'text';

export interface RawCell {
  /** Cell text after normalisation (NFKC, look-alikes folded); "" for an empty cell. */
  text: string;
  /** Left and right edge in page units (PDF points; column index for text sources). */
  x0: number;
  x1: number;
}

export interface RawLine {
  /** Page number, 1-based. */
  page: number;
  /** Line number within the page, 1-based, in reading order. */
  line: number;
  /** The whole line's text (cells joined by a single tab when there are several). */
  text: string;
  /** Cells in left-to-right order; a single cell for running text. */
  cells: RawCell[];
  /** Top of the line in page units, from the top of the page (PDF); the line index for text sources. */
  y: number;
  /** Set when the line is one row of a ruled table: which table on the page (0-based) and which row. */
  grid?: { table: number; row: number; columns: number };
}

export interface RawPage {
  number: number;
  width: number;
  height: number;
  lines: RawLine[];
}

export interface RawDocument {
  format: SourceFormat;
  pages: RawPage[];
}
