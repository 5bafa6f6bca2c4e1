import type { SourceRef } from '#domain/source.ts';
import type { TableProblem, TableExtraction } from './types.ts';

/**
 * The golden form of a table extraction: what a reviewer compares with the page, cell texts as printed
 * (blank cells as ""), without figures' internal values. Shared by scripts/update-golden.ts and the test.
 */

/** Corpus documents with a reviewed tables.golden.json under fixtures/<name>/. */
export const GOLDEN_CASES: readonly { name: string; file: string }[] = [
  { name: 'seed-004', file: 'seeds/004_93c4c58a71a1e296.txt' },
  { name: 'sh-pt-czj-2024-final', file: 'real/sh-pt-czj-2024-final.pdf' },
  { name: 'sh-pt-czj-2024-final-testbad', file: 'real/sh-pt-czj-2024-final-testbad.pdf' },
  { name: 'sh-pt-ghzy-2024-final', file: 'real/sh-pt-ghzy-2024-final.pdf' },
  { name: 'sh-pt-shgzb-2024-final', file: 'real/sh-pt-shgzb-2024-final.pdf' },
];

export interface GoldenRow {
  label: string;
  code?: string;
  lineNo?: number;
  page: number;
  cells: Record<string, string>;
}

export interface GoldenTable {
  title: string;
  printedNumber?: string;
  unit: string;
  pages: number[];
  declaredEmpty: boolean;
  emptyNote?: SourceRef;
  columns: number[];
  rows: Record<string, GoldenRow>;
}

export interface Golden {
  tables: Record<string, GoldenTable>;
  problems: TableProblem[];
}

export function toGolden(extraction: TableExtraction): Golden {
  const tables: Record<string, GoldenTable> = {};
  for (const t of extraction.tables) {
    const rows: Record<string, GoldenRow> = {};
    for (const r of t.rows) {
      const cells: Record<string, string> = {};
      for (const c of r.cells) cells[String(c.column)] = c.figure.text;
      rows[r.key] = {
        label: r.label,
        ...(r.code !== undefined ? { code: r.code } : {}),
        ...(r.lineNo !== undefined ? { lineNo: r.lineNo } : {}),
        page: r.source.page,
        cells,
      };
    }
    tables[t.id] = {
      title: t.title,
      ...(t.printedNumber !== undefined ? { printedNumber: t.printedNumber } : {}),
      unit: t.unit,
      pages: t.pages,
      declaredEmpty: t.declaredEmpty,
      ...(t.emptyNote ? { emptyNote: t.emptyNote } : {}),
      columns: t.columns.map((c) => c.number),
      rows,
    };
  }
  return { tables, problems: extraction.problems };
}

/** Stable, reviewable JSON: one line per row and per problem, tables and rows in document order. */
export function formatGolden(extraction: TableExtraction): string {
  const golden = toGolden(extraction);
  const j = (v: unknown): string => JSON.stringify(v);
  const out: string[] = ['{', '  "tables": {'];
  extraction.tables.forEach((table, ti) => {
    const t = golden.tables[table.id];
    if (!t) return;
    const { rows, ...head } = t;
    out.push(`    ${j(table.id)}: {`);
    for (const [k, v] of Object.entries(head)) out.push(`      ${j(k)}: ${j(v)},`);
    out.push(`      "rows": {`);
    table.rows.forEach((r, ri) => {
      out.push(`        ${j(r.key)}: ${j(rows[r.key])}${ri < table.rows.length - 1 ? ',' : ''}`);
    });
    out.push('      }');
    out.push(`    }${ti < extraction.tables.length - 1 ? ',' : ''}`);
  });
  out.push('  },');
  if (golden.problems.length === 0) {
    out.push('  "problems": []');
  } else {
    out.push('  "problems": [');
    golden.problems.forEach((p, i) => out.push(`    ${j(p)}${i < golden.problems.length - 1 ? ',' : ''}`));
    out.push('  ]');
  }
  out.push('}');
  return out.join('\n') + '\n';
}
