import { z } from 'zod';
import { TABLE_IDS, type TableId } from '#domain/table.ts';

/**
 * Cell references as rules write them.
 *
 *   t1[27].c1         one cell: table 1, row key "27", 栏次 1
 *   t1[1..8].c1       row keys 1 to 8 (numeric keys only)
 *   t2[total].c2..7   several columns of one row
 *   t2[*].c1          every row of the table
 *   t2[201,206].c1    a list of row keys
 */
export interface CellRef {
  table: TableId;
  rows: RowSelector;
  columns: number[];
  text: string;
}

export type RowSelector = { kind: 'keys'; keys: string[] } | { kind: 'all' };

const REF_RE = /^(t[1-9])\[([^\]]+)\]\.c(\d+)(?:\.\.(\d+))?$/;

export function parseRef(text: string): CellRef {
  const m = REF_RE.exec(text.trim());
  if (!m) throw new Error(`bad cell reference "${text}"`);
  const [, table = '', rowPart = '', c0 = '', c1] = m;
  if (!(TABLE_IDS as readonly string[]).includes(table)) throw new Error(`unknown table in "${text}"`);
  return {
    table: table as TableId,
    rows: parseRows(rowPart, text),
    columns: range(Number(c0), c1 === undefined ? Number(c0) : Number(c1)),
    text,
  };
}

function parseRows(part: string, text: string): RowSelector {
  if (part === '*') return { kind: 'all' };
  const keys: string[] = [];
  for (const piece of part.split(',')) {
    const p = piece.trim();
    const r = /^(\d+)\.\.(\d+)$/.exec(p);
    if (r) keys.push(...range(Number(r[1]), Number(r[2])).map(String));
    else if (p) keys.push(p);
    else throw new Error(`empty row key in "${text}"`);
  }
  return { kind: 'keys', keys };
}

function range(a: number, b: number): number[] {
  if (b < a) throw new Error(`bad range ${a}..${b}`);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export function isRef(text: string): boolean {
  try {
    parseRef(text);
    return true;
  } catch {
    return false;
  }
}

/** A cell reference, checked when the rule file is loaded. */
export const RefSchema = z.string().refine(isRef, { message: 'not a cell reference such as t1[27].c1' });

/** One reference or a list of them, as a list. */
export const RefListSchema = z
  .union([RefSchema, z.array(RefSchema).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));
