import { z } from 'zod';
import { findCell, findRow, type ExtractedTable, type TableId } from '#domain/table.ts';
import type { EvalContext } from '../context.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import { parseRef } from '../refs.ts';
import type { Rule } from '../rule.schema.ts';
import {
  anyPrinted,
  ColumnListSchema,
  ConditionSchema,
  missingTable,
  nothingToCheck,
  RefListSchema,
  RelationSchema,
  runRelation,
  TableIdSchema,
  tableLabel,
  unmetCondition,
  WhenSchema,
} from './support.ts';

/**
 * Operators that relate two tables (final-accounts-template.md §4.2). Comparisons go through `relation`, so
 * rounding is judged the same way everywhere.
 */

const SideSchema = z.object({ table: TableIdSchema, columns: ColumnListSchema });

function printed(table: ExtractedTable, key: string, column: number): boolean {
  const row = findRow(table, key);
  return row !== undefined && findCell(row, column) !== undefined;
}

/**
 * Compares one reference with another. When the left side is not printed but the right side is, an
 * equality is checked from the right (an unprinted row means zero); an inequality left ≤ right holds
 * trivially. Pairs printed on neither side are skipped.
 */
function comparePair(
  rule: Rule,
  ctx: EvalContext,
  pair: { left: string[]; right: string[]; leftPrinted: boolean; rightPrinted: boolean },
  relation: 'eq' | 'le',
  exact: boolean,
): RuleResult[] {
  if (pair.leftPrinted) return runRelation(rule, ctx, pair.left, pair.right, relation, exact);
  if (pair.rightPrinted && relation === 'eq')
    return runRelation(rule, ctx, pair.right, pair.left, 'eq', exact);
  return [];
}

function tablesOrReason(
  ctx: EvalContext,
  ids: readonly TableId[],
): { ok: true; tables: Map<TableId, ExtractedTable> } | { ok: false; result: RuleResult[] } {
  const tables = new Map<TableId, ExtractedTable>();
  for (const id of ids) {
    const t = ctx.table(id);
    if (!t) return { ok: false, result: [notApplicable(missingTable(id))] };
    tables.set(id, t);
  }
  return { ok: true, tables };
}

/**
 * Row-by-row comparison of two tables. With `mapping` (left row key → right row key, e.g. 表1 行31 → 201),
 * only the mapped rows are compared; without it, the coded rows of the given code lengths are paired by
 * code (plus the `include` keys such as `total`). Columns pair up by position.
 */
const matchRowsOp = defineOperator({
  params: z
    .object({
      left: SideSchema,
      right: SideSchema,
      mapping: z.record(z.string(), z.string()).optional(),
      levels: z.array(z.number().int().positive()).default([3, 5, 7]),
      include: z.array(z.string()).default([]),
      relation: RelationSchema,
      exact: z.boolean().default(false),
      when: WhenSchema,
    })
    .refine((p) => p.left.columns.length === p.right.columns.length, {
      message: 'left and right need the same number of columns',
    }),
  run(rule, p, ctx) {
    const found = tablesOrReason(ctx, [p.left.table, p.right.table]);
    if (!found.ok) return found.result;
    const reason = unmetCondition(ctx, p.when);
    if (reason) return [notApplicable(reason)];
    const lt = found.tables.get(p.left.table);
    const rt = found.tables.get(p.right.table);
    if (!lt || !rt) return [];
    const pairs: [string, string][] = [];
    if (p.mapping) {
      pairs.push(...Object.entries(p.mapping));
    } else {
      const keys = new Set<string>(p.include);
      const coded = (t: ExtractedTable) =>
        t.rows.filter((r) => r.code !== undefined && p.levels.includes(r.code.length)).map((r) => r.key);
      for (const k of coded(lt)) keys.add(k);
      // For an inequality a row missing on the left is zero and cannot exceed the right.
      if (p.relation === 'eq') for (const k of coded(rt)) keys.add(k);
      for (const k of keys) pairs.push([k, k]);
    }
    const results: RuleResult[] = [];
    for (const [lk, rk] of pairs) {
      p.left.columns.forEach((lc, i) => {
        const rc = p.right.columns[i] ?? lc;
        const pair = {
          left: [`${lt.id}[${lk}].c${lc}`],
          right: [`${rt.id}[${rk}].c${rc}`],
          leftPrinted: printed(lt, lk, lc),
          rightPrinted: printed(rt, rk, rc),
        };
        results.push(...comparePair(rule, ctx, pair, p.relation, p.exact));
      });
    }
    if (results.length === 0) {
      const a = tableLabel(lt.id);
      const b = tableLabel(rt.id);
      return nothingToCheck(`${a.zh}与${b.zh}没有可对照的行`, `no row of ${a.en} and ${b.en} to compare`);
    }
    return results;
  },
});

/** A list of explicit comparisons, one result each (T1[4..8] = 表2 合计 栏3..7; 三公 ≤ 表6 codes). */
const eachPairOp = defineOperator({
  params: z.object({
    pairs: z.array(z.object({ left: RefListSchema, right: RefListSchema }).strict()).min(1),
    relation: RelationSchema,
    exact: z.boolean().default(false),
    when: WhenSchema,
  }),
  run(rule, p, ctx) {
    const ids = new Set<TableId>();
    for (const pair of p.pairs) for (const r of [...pair.left, ...pair.right]) ids.add(parseRef(r).table);
    const found = tablesOrReason(ctx, [...ids]);
    if (!found.ok) return found.result;
    const reason = unmetCondition(ctx, p.when);
    if (reason) return [notApplicable(reason)];
    const results: RuleResult[] = [];
    for (const pair of p.pairs) {
      results.push(
        ...comparePair(
          rule,
          ctx,
          { ...pair, leftPrinted: anyPrinted(ctx, pair.left), rightPrinted: anyPrinted(ctx, pair.right) },
          p.relation,
          p.exact,
        ),
      );
    }
    if (results.length === 0)
      return nothingToCheck('所列单元格均未列示', 'none of the listed cells is printed');
    return results;
  },
});

/** `relation` that runs only when its preconditions hold; otherwise not applicable, with the reason. */
const relationWhenOp = defineOperator({
  params: z.object({
    left: RefListSchema,
    right: RefListSchema,
    relation: RelationSchema,
    exact: z.boolean().default(false),
    when: z.array(ConditionSchema).min(1),
  }),
  run(rule, p, ctx) {
    const reason = unmetCondition(ctx, p.when);
    if (reason) return [notApplicable(reason)];
    return runRelation(rule, ctx, p.left, p.right, p.relation, p.exact);
  },
});

/**
 * Every code printed in the `subset` tables is printed in `superset` too (X-18: codes(表5) ⊆ codes(表3)).
 * Tables of the subset that are absent contribute no codes.
 */
const codeSubsetOp = defineOperator({
  params: z.object({
    subset: z.array(TableIdSchema).min(1),
    superset: TableIdSchema,
    levels: z.array(z.number().int().positive()).default([3, 5, 7]),
    when: WhenSchema,
  }),
  run(_rule, p, ctx) {
    const sup = ctx.table(p.superset);
    if (!sup) return [notApplicable(missingTable(p.superset))];
    const reason = unmetCondition(ctx, p.when);
    if (reason) return [notApplicable(reason)];
    const subs = p.subset.map((id) => ctx.table(id)).filter((t): t is ExtractedTable => t !== undefined);
    if (subs.length === 0) {
      const first = p.subset[0];
      return first ? [notApplicable(missingTable(first))] : [];
    }
    const supLabel = tableLabel(sup.id);
    const results: RuleResult[] = [];
    for (const t of subs) {
      const label = tableLabel(t.id);
      for (const row of t.rows) {
        if (row.code === undefined || !p.levels.includes(row.code.length)) continue;
        if (findRow(sup, row.key)) {
          results.push({ status: 'passed' });
          continue;
        }
        const name = [row.code, row.label !== row.code ? row.label : ''].filter(Boolean).join(' ');
        results.push({
          status: 'failed',
          report: {
            message: {
              zh: `${label.zh}「${name}」（第${row.source.page}页）：该科目未在${supLabel.zh}中列示`,
              en: `${label.en}, row "${name}" (page ${row.source.page}): the code is not printed in ${supLabel.en}`,
            },
            evidence: [
              {
                page: row.source.page,
                line: row.source.line,
                text: row.source.text,
                table: t.id,
                row: row.key,
              },
            ],
          },
        });
      }
    }
    if (results.length === 0) {
      const names = subs.map((t) => tableLabel(t.id));
      return nothingToCheck(
        `${names.map((n) => n.zh).join('、')}没有带科目编码的行`,
        `no coded rows in ${names.map((n) => n.en).join(', ')}`,
      );
    }
    return results;
  },
});

export const crossOperators: Record<string, Operator> = {
  'match-rows': matchRowsOp,
  'each-pair': eachPairOp,
  'relation-when': relationWhenOp,
  'code-subset': codeSubsetOp,
};
