import { z } from 'zod';
import type { Evidence } from '#domain/finding.ts';
import { TABLE_IDS } from '#domain/table.ts';
import { cellEvidence, describeCell, type ResolvedCell } from '../context.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import { nothingToCheck, TableIdSchema, tableLabel } from './support.ts';

/** Whether the disclosure contains what it must (final-accounts-template.md §2, N-20). */

const TablesSchema = z
  .array(TableIdSchema)
  .min(1)
  .default([...TABLE_IDS]);

/** Each listed table is in the document (a table declared empty counts as present). */
const tablesPresentOp = defineOperator({
  params: z.object({ tables: TablesSchema }),
  run(_rule, p, ctx) {
    if (ctx.doc.tables.length === 0 && ctx.doc.lines.length === 0) {
      return nothingToCheck('文档没有可读取的文字', 'the document has no readable text');
    }
    return p.tables.map((id): RuleResult => {
      if (ctx.table(id)) return { status: 'passed' };
      const t = tableLabel(id);
      return {
        status: 'failed',
        report: {
          message: { zh: `缺少${t.zh}`, en: `${t.en} is missing` },
          evidence: [],
        },
      };
    });
  },
});

/**
 * N-20: a table carries the “本表本年度无发生额 / 无数据” note exactly when every amount it prints is zero.
 * One result per listed table that the document contains.
 */
const declaredEmptyOp = defineOperator({
  params: z.object({ tables: TablesSchema }),
  run(_rule, p, ctx) {
    const results: RuleResult[] = [];
    for (const id of p.tables) {
      const table = ctx.table(id);
      if (!table) continue;
      // Cells are read directly: a note about the whole table does not make each cell part of a relation.
      const cells: ResolvedCell[] = table.rows.flatMap((row) =>
        row.cells.map((cell) => ({ table, rowKey: row.key, row, column: cell.column, cell })),
      );
      const nonZero = cells.find((c) => c.cell && c.cell.figure.value !== 0n);
      const t = tableLabel(id);
      const note: Evidence[] = table.emptyNote
        ? [{ page: table.emptyNote.page, line: table.emptyNote.line, text: table.emptyNote.text, table: id }]
        : [];
      if (table.declaredEmpty && nonZero?.cell) {
        const where = describeCell(nonZero);
        results.push({
          status: 'failed',
          report: {
            message: {
              zh: `${t.zh}注明本表无数据，但${where.zh}为 ${nonZero.cell.figure.text}`,
              en: `${t.en} is declared empty, but ${where.en} prints ${nonZero.cell.figure.text}`,
            },
            reported: nonZero.cell.figure.text,
            evidence: [...note, cellEvidence(nonZero)],
          },
        });
      } else if (!table.declaredEmpty && !nonZero) {
        results.push({
          status: 'failed',
          report: {
            message: {
              zh: `${t.zh}（第${table.source.page}页）金额全部为零，但未注明“本表本年度无发生额”或“本表无数据”`,
              en: `${t.en} (page ${table.source.page}) prints only zeros but carries no "no data this year" note`,
            },
            evidence: [
              { page: table.source.page, line: table.source.line, text: table.source.text, table: id },
            ],
          },
        });
      } else {
        results.push({ status: 'passed' });
      }
    }
    if (results.length === 0) {
      return [
        notApplicable({ zh: '文档中未识别到所列的表', en: 'none of the listed tables is in the document' }),
      ];
    }
    return results;
  },
});

export const completenessOperators: Record<string, Operator> = {
  'tables-present': tablesPresentOp,
  'declared-empty': declaredEmptyOp,
};
