import { z } from 'zod';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import type { TableRow } from '#domain/table.ts';
import { rowName, type CodeEntry } from '../context.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import { nothingToCheck, TableIdSchema, tableLabel } from './support.ts';

/** Classification codes against the code tables (final-accounts-template.md X-19, §8). */

/** Names compare equal regardless of spacing, full- or half-width brackets and quotation marks. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”‘’"'「」『』]/g, '');
}

const FUNCTIONAL_LEVELS = [3, 5, 7];
const ECONOMIC_LEVELS = [3, 5];

/**
 * Every code of the coded tables exists in its code table (functional for 表2/3/5/7/8, economic for 表6),
 * is printed with the reference name, and has its parent row (类 of a 款, 款 of a 项) in the same table.
 * Unknown codes are warnings: the shipped code tables are partial and not split by year.
 */
const codesKnownOp = defineOperator({
  params: z.object({
    tables: z.array(TableIdSchema).min(1).default(['t2', 't3', 't5', 't6', 't7', 't8']),
    economic: z.array(TableIdSchema).default(['t6']),
  }),
  run(_rule, p, ctx) {
    const codes = ctx.codes;
    if (!codes) {
      return nothingToCheck('未加载科目编码表', 'no classification code tables loaded');
    }
    const present = p.tables.filter((id) => ctx.table(id));
    if (present.length === 0) {
      return [notApplicable({ zh: '文档中未识别到带科目编码的表', en: 'no coded table in the document' })];
    }
    const results: RuleResult[] = [];
    // The same problem with the same code in several tables (表2, 表3, 表5 print the same codes) is one
    // finding with evidence in each table, not one per table.
    const groups = new Map<string, { problem: Problem; where: LocalizedText[]; evidence: Evidence[] }>();
    for (const id of present) {
      const table = ctx.table(id);
      if (!table) continue;
      const economic = p.economic.includes(id);
      const reference = economic ? codes.economic : codes.functional;
      const levels = economic ? ECONOMIC_LEVELS : FUNCTIONAL_LEVELS;
      const system: LocalizedText = economic
        ? { zh: '部门预算支出经济分类科目', en: 'economic classification' }
        : { zh: '支出功能分类科目', en: 'functional classification' };
      const t = tableLabel(id);
      const keys = new Set(table.rows.map((r) => r.key));
      for (const row of table.rows) {
        if (row.code === undefined) continue;
        const problems = checkRow(row, reference.get(row.code), levels, keys, system);
        if (problems.length === 0) results.push({ status: 'passed' });
        for (const problem of problems) {
          const key = `${economic ? 'e' : 'f'}|${row.code}|${problem.text.en}`;
          const group = groups.get(key) ?? { problem, where: [], evidence: [] };
          group.where.push({
            zh: `${t.zh}「${rowName(row, 'zh')}」（第${row.source.page}页）`,
            en: `${t.en}, row "${rowName(row, 'en')}" (page ${row.source.page})`,
          });
          group.evidence.push({
            page: row.source.page,
            line: row.source.line,
            text: row.source.text,
            table: id,
            row: row.key,
          });
          groups.set(key, group);
        }
      }
    }
    for (const { problem, where, evidence } of groups.values()) {
      results.push({
        status: 'failed',
        report: {
          message: {
            zh: `${where.map((w) => w.zh).join('、')}：${problem.text.zh}`,
            en: `${where.map((w) => w.en).join('; ')}: ${problem.text.en}`,
          },
          expected: problem.expected,
          reported: problem.reported,
          evidence,
        },
      });
    }
    if (results.length === 0) {
      return nothingToCheck('所列表中没有带科目编码的行', 'no coded rows in the listed tables');
    }
    return results;
  },
});

interface Problem {
  text: LocalizedText;
  expected?: string;
  reported?: string;
}

function checkRow(
  row: TableRow,
  entry: CodeEntry | undefined,
  levels: number[],
  keys: ReadonlySet<string>,
  system: LocalizedText,
): Problem[] {
  const code = row.code ?? '';
  const problems: Problem[] = [];
  if (!levels.includes(code.length)) {
    problems.push({
      text: {
        zh: `科目编码 ${code} 的位数不符合${system.zh}（应为 ${levels.join('/')} 位）`,
        en: `code ${code} does not have the ${levels.join('/')} digits of the ${system.en}`,
      },
    });
    return problems;
  }
  if (!entry) {
    problems.push({
      text: {
        zh: `科目编码 ${code} 不在${system.zh}编码表中`,
        en: `code ${code} is not in the ${system.en} code table`,
      },
    });
  } else if (row.label && row.label !== code && normalizeName(row.label) !== normalizeName(entry.name)) {
    problems.push({
      text: {
        zh: `科目名称应为“${entry.name}”，表中为“${row.label}”`,
        en: `the name of code ${code} should be "${entry.name}", printed "${row.label}"`,
      },
      expected: entry.name,
      reported: row.label,
    });
  }
  const level = levels.indexOf(code.length);
  const parentLength = level > 0 ? levels[level - 1] : undefined;
  if (parentLength !== undefined) {
    const parent = code.slice(0, parentLength);
    if (!keys.has(parent)) {
      problems.push({
        text: {
          zh: `上级科目 ${parent} 未在表中列示`,
          en: `its parent code ${parent} is not printed in the table`,
        },
      });
    }
  }
  return problems;
}

export const codeOperators: Record<string, Operator> = {
  'codes-known': codesKnownOp,
};
