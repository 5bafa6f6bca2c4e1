import { z } from 'zod';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import { formatFixed, valueIn } from '#domain/quantity.ts';
import type { RawLine } from '#domain/raw-document.ts';
import { TABLE_IDS, TABLE_NAMES, tableNumber, type TableId } from '#domain/table.ts';
import { describeCell, resolveRefs, type EvalContext, type ResolvedCell } from '../context.ts';
import { notApplicable, type RuleResult } from '../operator.ts';
import { RefListSchema, RefSchema } from '../refs.ts';
import type { Rule } from '../rule.schema.ts';
import { tableOperators } from './tables.ts';

/** Helpers shared by the operators added after `tables.ts`; they reuse its `relation` for every comparison. */

export const TableIdSchema = z.enum(TABLE_IDS);

export { RefListSchema, RefSchema };

export const RelationSchema = z.enum(['eq', 'le']).default('eq');
export const ColumnListSchema = z.array(z.number().int().positive()).min(1);

/** "表3 支出决算表" / "Expenditure table (t3)". */
export function tableLabel(id: TableId): LocalizedText {
  return { zh: `${tableNumber(id)} ${TABLE_NAMES[id].zh}`, en: `${TABLE_NAMES[id].en} (${id})` };
}

export function missingTable(id: TableId): LocalizedText {
  const t = tableLabel(id);
  return { zh: `文档中未识别到${t.zh}`, en: `${t.en} not found in the document` };
}

export function lineEvidence(line: RawLine): Evidence {
  return { page: line.page, line: line.line, text: line.text };
}

/** "第3页第12行" / "page 3, line 12". */
export function lineLocation(line: RawLine): LocalizedText {
  return { zh: `第${line.page}页第${line.line}行`, en: `page ${line.page}, line ${line.line}` };
}

export function printedCells(cells: readonly ResolvedCell[]): ResolvedCell[] {
  return cells.filter((c) => c.cell);
}

/** Whether any cell the references name is printed (tables assumed present). */
export function anyPrinted(ctx: EvalContext, refs: readonly string[]): boolean {
  const res = resolveRefs(ctx, refs);
  return res.ok && res.cells.some((c) => c.cell);
}

/** The printed sum of resolved cells in the unit of their table (unprinted rows count as zero). */
export function printedSum(cells: readonly ResolvedCell[]): bigint {
  let total = 0n;
  for (const c of cells) if (c.cell) total += valueIn(c.cell.figure, c.table.unit);
  return total;
}

/** Names a set of cells for a message: each cell when there are few, the reference text otherwise. */
export function describeCells(cells: readonly ResolvedCell[], refs: readonly string[]): LocalizedText {
  const shown = cells.length <= 3 ? cells : printedCells(cells);
  if (shown.length > 0 && shown.length <= 3) {
    const parts = shown.map((c) => {
      const d = describeCell(c);
      return c.cell ? d : { zh: `${d.zh}（未列示）`, en: `${d.en} (not printed)` };
    });
    return { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join('; ') };
  }
  return { zh: refs.join('、'), en: refs.join(', ') };
}

const relationOperator = tableOperators.relation;
if (!relationOperator) throw new Error('operator table: "relation" missing');
const relation = relationOperator;

/** Parsed `relation` parameters by comparison; rules re-run the same comparisons on every document. */
const parsedParams = new Map<string, unknown>();
const PARSED_PARAMS_LIMIT = 20_000;

function relationParams(
  left: readonly string[],
  right: readonly string[],
  rel: 'eq' | 'le',
  exact: boolean,
): unknown {
  const key = `${rel}|${String(exact)}|${left.join(';')}|${right.join(';')}`;
  let params = parsedParams.get(key);
  if (params === undefined) {
    if (parsedParams.size >= PARSED_PARAMS_LIMIT) parsedParams.clear();
    params = relation.params.parse({ left, right, relation: rel, exact });
    parsedParams.set(key, params);
  }
  return params;
}

/**
 * Runs the `relation` operator on one comparison, so every operator shares its interval arithmetic,
 * rounding notes and messages. The counterpart cells are named in the message: a finding on 表1 says which
 * cell of 表3 it was compared with.
 */
export function runRelation(
  rule: Rule,
  ctx: EvalContext,
  left: readonly string[],
  right: readonly string[],
  rel: 'eq' | 'le',
  exact: boolean,
): RuleResult[] {
  const results = relation.run(rule, relationParams(left, right, rel, exact), ctx);
  if (!results.some((r) => r.report)) return results;
  const counterpart = resolveRefs(ctx, right);
  if (!counterpart.ok) return results;
  const other = describeCells(counterpart.cells, right);
  return results.map((r) =>
    r.report
      ? {
          ...r,
          report: {
            ...r.report,
            message: {
              zh: `${r.report.message.zh}（对照 ${other.zh}）`,
              en: `${r.report.message.en} (compared with ${other.en})`,
            },
          },
        }
      : r,
  );
}

/**
 * A precondition of a conditional rule (final-accounts-template.md §4.2 “C”). `zero`: every listed cell
 * prints 0 (unprinted rows count as 0); `equal`: the two references print the same amount.
 */
export const ConditionSchema = z.union([
  z.object({ zero: RefListSchema }).strict(),
  z.object({ equal: z.tuple([RefSchema, RefSchema]) }).strict(),
]);
export type Condition = z.infer<typeof ConditionSchema>;
export const WhenSchema = z.array(ConditionSchema).min(1).optional();

/** Why the conditions do not hold (or cannot be judged); undefined when they all hold. */
export function unmetCondition(
  ctx: EvalContext,
  when: readonly Condition[] | undefined,
): LocalizedText | undefined {
  for (const cond of when ?? []) {
    if ('zero' in cond) {
      const res = resolveRefs(ctx, cond.zero);
      if (!res.ok) return cannotJudge(res.reason);
      for (const rc of printedCells(res.cells)) {
        if (!rc.cell || rc.cell.figure.value === 0n) continue;
        const where = describeCell(rc);
        return {
          zh: `适用条件不成立：${where.zh} 为 ${rc.cell.figure.text}，不为零`,
          en: `condition not met: ${where.en} is ${rc.cell.figure.text}, not zero`,
        };
      }
    } else {
      const [a, b] = cond.equal;
      const ra = resolveRefs(ctx, [a]);
      if (!ra.ok) return cannotJudge(ra.reason);
      const rb = resolveRefs(ctx, [b]);
      if (!rb.ok) return cannotJudge(rb.reason);
      const va = printedSum(ra.cells);
      const vb = printedSum(rb.cells);
      if (va !== vb) {
        const da = describeCells(ra.cells, [a]);
        const db = describeCells(rb.cells, [b]);
        return {
          zh: `适用条件不成立：${da.zh}（${formatFixed(va, 2)}）与 ${db.zh}（${formatFixed(vb, 2)}）不相等`,
          en: `condition not met: ${da.en} (${formatFixed(va, 2)}) differs from ${db.en} (${formatFixed(vb, 2)})`,
        };
      }
    }
  }
  return undefined;
}

function cannotJudge(reason: LocalizedText): LocalizedText {
  return { zh: `无法判断适用条件：${reason.zh}`, en: `cannot judge the condition: ${reason.en}` };
}

/** The single outcome of a rule that found nothing to check. */
export function nothingToCheck(zh: string, en: string): RuleResult[] {
  return [notApplicable({ zh, en })];
}
