import { z } from 'zod';
import type { RawLine } from '#domain/raw-document.ts';
import type { EvalContext } from '../context.ts';
import { defineOperator, type Operator, type RuleResult } from '../operator.ts';
import { normalizeName } from './codes.ts';
import { lineEvidence, lineLocation, nothingToCheck } from './support.ts';

/**
 * Text hygiene over every line of the document (page and line known): template leftovers, the fiscal year
 * and the organisation named consistently (N-22), percentages printed without their sign.
 */

/**
 * Hygiene findings depend on the text lines (and the document's year and org) alone, never on the figures; a document checked again (the
 * mutation harness perturbs figures thousands of times) reuses them. Keyed by the lines array itself.
 */
const memo = new WeakMap<readonly RawLine[], Map<string, RuleResult[]>>();

function memoized(op: Operator<unknown>, name: string): Operator<unknown> {
  return {
    params: op.params,
    run(rule, params, ctx) {
      let byRule = memo.get(ctx.doc.lines);
      if (!byRule) {
        byRule = new Map();
        memo.set(ctx.doc.lines, byRule);
      }
      const key = [name, rule.id, ctx.doc.fiscalYear, ctx.doc.org, JSON.stringify(params)].join('|');
      let results = byRule.get(key);
      if (!results) {
        results = op.run(rule, params, ctx);
        byRule.set(key, results);
      }
      return results;
    },
  };
}

function sortedLines(ctx: EvalContext): RawLine[] {
  return [...ctx.doc.lines].sort((a, b) => a.page - b.page || a.line - b.line);
}

function noLines(): RuleResult[] {
  return nothingToCheck('文档没有可读取的文字行', 'the document has no text lines');
}

function finding(line: RawLine, zh: string, en: string, reported?: string, expected?: string): RuleResult {
  const loc = lineLocation(line);
  return {
    status: 'failed',
    report: {
      message: { zh: `${loc.zh}：${zh}`, en: `${loc.en}: ${en}` },
      expected,
      reported,
      evidence: [lineEvidence(line)],
    },
  };
}

const RegexSchema = z.string().refine(
  (s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** Placeholders and template leftovers (XX, ××, 【请填写】, （单位名称）, 20XX…); the patterns are rule data. */
const placeholdersOp = defineOperator({
  params: z.object({ patterns: z.array(RegexSchema).min(1) }),
  run(_rule, p, ctx) {
    const lines = sortedLines(ctx);
    if (lines.length === 0) return noLines();
    const patterns = p.patterns.map((s) => new RegExp(s, 'gu'));
    const results: RuleResult[] = [];
    for (const line of lines) {
      const hits = new Set<string>();
      for (const re of patterns) for (const m of line.text.matchAll(re)) hits.add(m[0]);
      if (hits.size === 0) continue;
      const zh = [...hits].map((h) => `“${h}”`).join('、');
      const en = [...hits].map((h) => `"${h}"`).join(', ');
      results.push(
        finding(
          line,
          `疑似未替换的模板占位符 ${zh}`,
          `template placeholder left in the text: ${en}`,
          [...hits].join(' '),
        ),
      );
    }
    return results.length > 0 ? results : [{ status: 'passed' }];
  },
});

const TITLE_YEAR = /(20\d{2})\s*年度?/u;
const TITLE_KIND = /(?:决算|预算)/u;

/** How far into the document the title may sit (text exports put a blank page header first). */
const TITLE_WINDOW = 10;

/** The title: among the first lines, the first short one naming a year and 决算/预算 (“2024年度××局部门决算”). */
function titleLine(lines: readonly RawLine[]): RawLine | undefined {
  return lines
    .slice(0, TITLE_WINDOW)
    .find((l) => l.text.length <= 80 && TITLE_YEAR.test(l.text) && TITLE_KIND.test(l.text));
}

/** A heading or table title rather than a sentence: short, without sentence punctuation. */
function isHeading(text: string): boolean {
  return text.length <= 60 && !/[，。；;]|,(?!\d{3})/u.test(text);
}

const HEADING_YEAR = /(20\d{2})\s*年(?:度|(?=\s*(?:部门|单位)?(?:决算|预算)))/gu;
/** Words that make a year a comparison base, not the year of the report (比2023年度, 上年度…). */
const COMPARISON_BEFORE = /(?:上|比|较|与|同|对比|相比|自|从|和)\s*$/u;
const BASE_AFTER = /^\s*(?:部门)?(?:决算|预算)数/u;
const AS_OF = /截至\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;

/**
 * The fiscal year of the title (or the document's) is the year of every heading and table title that names
 * one, and the 截至 date of the report is the end of that year. Years used as comparison bases are skipped.
 */
const fiscalYearOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx) {
    const lines = sortedLines(ctx);
    if (lines.length === 0) return noLines();
    const title = titleLine(lines);
    const titleYear = title ? Number(TITLE_YEAR.exec(title.text)?.[1]) : undefined;
    // The title is the reference; the document's own year (from its identity) only when there is none.
    const year = titleYear ?? ctx.doc.fiscalYear;
    if (year === undefined) {
      return nothingToCheck('未能从标题识别决算年度', 'the fiscal year could not be read from the title');
    }
    const results: RuleResult[] = [];
    for (const line of lines) {
      if (isHeading(line.text)) {
        for (const m of line.text.matchAll(HEADING_YEAR)) {
          const before = line.text.slice(0, m.index);
          const after = line.text.slice(m.index + m[0].length);
          if (COMPARISON_BEFORE.test(before) || BASE_AFTER.test(after)) continue;
          const named = Number(m[1]);
          results.push(
            named === year
              ? { status: 'passed' }
              : finding(
                  line,
                  `标题或表头中的年度“${m[0]}”与决算年度${year}年度不一致`,
                  `the heading names the year "${m[0]}", but the report covers ${year}`,
                  m[0],
                  `${year}年度`,
                ),
          );
        }
      }
      for (const m of line.text.matchAll(AS_OF)) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const yearEnd = y === year && mo === 12 && d === 31;
        // A later date (after year-end) can be legitimate; the report's own year must end on 12-31.
        if (yearEnd || y > year) {
          results.push({ status: 'passed' });
          continue;
        }
        results.push(
          finding(
            line,
            `“${m[0]}”不是决算年度${year}年的年末`,
            `"${m[0]}" is not the end of the fiscal year ${year}`,
            m[0],
            `截至${year}年12月31日`,
          ),
        );
      }
    }
    return results.length > 0 ? results : [{ status: 'passed' }];
  },
});

/** The organisation in the title: what remains of the title line without part heading, year and kind. */
function orgOfTitle(text: string): string | undefined {
  const org = text
    .replace(/^第[一二三四五六七八九十]+部分[:：]?/u, '')
    .replace(/(20\d{2})\s*年度?/gu, '')
    .replace(/(?:部门|单位)?(?:决算|预算)(?:公开)?(?:表|情况说明|说明|报告)?\s*$/u, '')
    .replace(/\s+/gu, '');
  return org.length >= 2 ? org : undefined;
}

const HEADER_ORG = /^(?:部门|部门名称|单位名称|编制单位|预算单位)\s*[:：]\s*([^\t]+)/u;

/** A 部门 header that names the title's organisation, allowing an added (本级) or a region prefix. */
function sameOrg(header: string, title: string): boolean {
  const h = normalizeName(header);
  const t = normalizeName(title);
  if (h === t) return true;
  // One name may carry the region the other leaves out (广州市荔湾区… / 荔湾区…).
  if (h.endsWith(t) || t.endsWith(h)) return true;
  return h.startsWith(t) && /^\(?(?:本级|机关本级|汇总|合并)\)?$/u.test(h.slice(t.length));
}

/** Every “部门：…” line of the table headers names the organisation of the title. */
const orgNameOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx) {
    const lines = sortedLines(ctx);
    if (lines.length === 0) return noLines();
    const title = titleLine(lines);
    // The title is the reference: the document's identity may itself come from the headers.
    const org = (title ? orgOfTitle(title.text) : undefined) ?? ctx.doc.org;
    if (!org)
      return nothingToCheck('未能从标题识别单位名称', 'the organisation could not be read from the title');
    const results: RuleResult[] = [];
    for (const line of lines) {
      const m = HEADER_ORG.exec(line.text);
      const raw = m?.[1];
      if (!raw) continue;
      const named = raw.replace(/\s*(?:金额)?单位\s*[:：].*$/u, '').trim();
      if (!named || /^(?:万元|元|亿元)$/u.test(named)) continue;
      results.push(
        sameOrg(named, org)
          ? { status: 'passed' }
          : finding(
              line,
              `表头单位“${named}”与标题中的“${org}”不一致`,
              `the header names "${named}", the title "${org}"`,
              named,
              org,
            ),
      );
    }
    if (results.length === 0) {
      return nothingToCheck('没有“部门：”表头行', 'no "部门：" header line in the document');
    }
    return results;
  },
});

/** Contexts in which a number is a percentage: 增长8.5%, 占74.7%, 完成预算的99.9%. */
const PERCENT_CONTEXT =
  /(?:增长|下降|增幅|降幅|占比|占[^，,。；;:：\d]{1,20}?的|占|完成[^，,。；;:：]{0,30}?的)\s*(\d+(?:\.\d+)?)/gu;
/** What may follow such a number: the sign, or a unit that shows it is not a percentage at all. */
const ALLOWED_AFTER =
  /^\s*(?:[%％‰]|个百分点|百分点|倍|万|元|亿|个|人|次|辆|台|套|项|家|份|年|月|日|天|户|篇|件|批|名|条|所|期|场|小时|平方|米|公里|吨|[-~～至到]\s*\d)/u;

/** A percentage printed without “%” (“增长8.5”, “占74.7”). A number cut by a line end is read on. */
const percentSignOp = defineOperator({
  params: z.object({}),
  run(_rule, _p, ctx) {
    const lines = sortedLines(ctx);
    if (lines.length === 0) return noLines();
    const results: RuleResult[] = [];
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      const continued = next && next.page === line.page ? next.text.slice(0, 12) : '';
      const text = line.text + continued;
      for (const m of text.matchAll(PERCENT_CONTEXT)) {
        if (m.index >= line.text.length) continue;
        const end = m.index + m[0].length;
        const rest = text.slice(end);
        // Reached the end of the text: the sign may be on a line we cannot see.
        if (rest.trim() === '' && end >= line.text.length) continue;
        if (ALLOWED_AFTER.test(rest)) {
          results.push({ status: 'passed' });
          continue;
        }
        results.push(
          finding(
            line,
            `百分比“${m[0]}”缺少“%”`,
            `the percentage "${m[0]}" lacks its "%" sign`,
            m[0],
            `${m[0]}%`,
          ),
        );
      }
    });
    return results.length > 0 ? results : [{ status: 'passed' }];
  },
});

export const hygieneOperators: Record<string, Operator> = {
  placeholders: memoized(placeholdersOp, 'placeholders'),
  'fiscal-year': memoized(fiscalYearOp, 'fiscal-year'),
  'org-name': memoized(orgNameOp, 'org-name'),
  'percent-sign': memoized(percentSignOp, 'percent-sign'),
};
