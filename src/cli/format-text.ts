import type { DocumentResult } from '#app/check-documents.ts';
import type { Finding } from '#domain/finding.ts';
import type { Lang } from '#app/present.ts';
import { TABLE_IDS, tableNumber, type TableId } from '#domain/table.ts';

const isTableId = (s: string): s is TableId => (TABLE_IDS as readonly string[]).includes(s);

const KIND: Record<string, { zh: string; en: string }> = {
  'final-accounts': { zh: '部门决算', en: 'final accounts' },
  budget: { zh: '部门预算', en: 'budget' },
  'self-evaluation': { zh: '绩效自评报告', en: 'performance self-evaluation' },
  unknown: { zh: '未识别类型', en: 'unknown kind' },
};

const SEVERITY = {
  error: { zh: '错误', en: 'error', mark: '✖' },
  warning: { zh: '警告', en: 'warning', mark: '⚠' },
  info: { zh: '提示', en: 'info', mark: 'ℹ' },
} as const;

interface TextOptions {
  lang: Lang;
  /** List info-level findings too (otherwise only counted). */
  all: boolean;
  color: boolean;
}

function paint(color: boolean, code: string, s: string): string {
  return color ? `\u001b[${code}m${s}\u001b[0m` : s;
}

function findingLines(f: Finding, o: TextOptions): string[] {
  const sev = SEVERITY[f.severity];
  const colour = f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36';
  const head = `  ${paint(o.color, colour, `${sev.mark} ${sev[o.lang]}`)}  ${f.message[o.lang]}  ${paint(o.color, '2', f.ruleId)}`;
  // One line per printed line of the document; the cells it contributes are named before its text.
  const byLine = new Map<string, { e: Finding['evidence'][number]; cells: string[] }>();
  for (const e of f.evidence) {
    const k = `${e.page}:${e.line}`;
    const entry = byLine.get(k) ?? { e, cells: [] };
    if (e.table && e.column !== undefined) {
      entry.cells.push(
        o.lang === 'zh'
          ? `${isTableId(e.table) ? tableNumber(e.table) : e.table}栏${e.column}`
          : `${e.table} c${e.column}`,
      );
    }
    byLine.set(k, entry);
  }
  const groups = [...byLine.values()];
  const ev = groups.slice(0, 4).map(({ e, cells }) => {
    const where = o.lang === 'zh' ? `第${e.page}页第${e.line}行` : `p.${e.page} l.${e.line}`;
    const text = e.text.replace(/\s+/g, ' ').trim();
    const shown = text.length > 80 ? text.slice(0, 79) + '…' : text;
    const cellNote = cells.length ? ` [${[...new Set(cells)].join('、')}]` : '';
    return `      ${paint(o.color, '2', where + cellNote)}  ${shown}`;
  });
  if (groups.length > 4)
    ev.push(
      `      ${o.lang === 'zh' ? `……另有 ${groups.length - 4} 行` : `… ${groups.length - 4} more lines`}`,
    );
  return [head, ...ev];
}

/** The terminal report: one block per document, errors and warnings listed with their evidence. */
export function formatText(results: DocumentResult[], o: TextOptions): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.ok) {
      out.push(
        `${paint(o.color, '1', r.path)}`,
        `  ${paint(o.color, '31', '✖')} ${r.error.message[o.lang]}`,
        '',
      );
      continue;
    }
    const zh = o.lang === 'zh';
    const kind = KIND[r.kind]?.[o.lang] ?? r.kind;
    const year = r.fiscalYear ? (zh ? `${r.fiscalYear}年度` : `FY${r.fiscalYear}`) : '';
    out.push(paint(o.color, '1', r.path));
    out.push(
      `  ${[kind, r.org, year, zh ? `${r.pageCount}页` : `${r.pageCount} pages`].filter(Boolean).join(' · ')}`,
    );
    const c = r.checks;
    // Out of nine only where the nine standard tables of a 决算 are expected.
    const tables = r.kind === 'final-accounts' ? `${r.tables.length}/9` : `${r.tables.length}`;
    const se = r.selfEvaluation;
    const found = se
      ? zh
        ? `预算数字 ${se.budget.length} · 项目 ${se.projects.length} · 指标 ${se.indicators.length} 行 · 得分 ${se.scores.length} 处 · 其他数字 ${se.metrics.length} 处`
        : `budget figures ${se.budget.length} · projects ${se.projects.length} · indicator rows ${se.indicators.length} · scores ${se.scores.length} · other figures ${se.metrics.length}`
      : zh
        ? `识别表格 ${tables} · 叙述数字 ${r.claims.length} 处`
        : `tables ${tables} · narrative figures ${r.claims.length}`;
    out.push(
      zh
        ? `  ${found} · 核对 ${c.run} 项：通过 ${c.passed}，未通过 ${c.failed}，无法核对 ${c.notApplicable}`
        : `  ${found} · ${c.run} checks: ${c.passed} passed, ${c.failed} failed, ${c.notApplicable} not applicable`,
    );
    for (const n of r.notApplicable.filter((x) => x.ruleId === 'gongkai.no-rule-set')) {
      out.push(`  ${paint(o.color, '33', '⚠')} ${n.reason[o.lang]}`);
    }
    if (r.prior) out.push(zh ? `  上年对照：${r.prior}` : `  prior year: ${r.prior}`);
    const shown = r.findings.filter((f) => o.all || f.severity !== 'info');
    for (const f of shown) out.push(...findingLines(f, o));
    const hidden = r.findings.length - shown.length;
    if (hidden > 0) {
      out.push(
        zh
          ? `  ${paint(o.color, '2', `另有 ${hidden} 条提示（多为尾数误差），加 --all 查看`)}`
          : `  ${paint(o.color, '2', `${hidden} info notes (mostly rounding) hidden; use --all`)}`,
      );
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of r.findings) counts[f.severity]++;
    out.push(
      zh
        ? `  结果：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`
        : `  result: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
      '',
    );
  }
  return out.join('\n') + '\n';
}
