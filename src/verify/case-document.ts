import type { Claim } from '#domain/claim.ts';
import type { DisclosureDocument, DocumentKind } from '#domain/document.ts';
import { blankFigure, parseFigure, type Figure, type Unit } from '#domain/quantity.ts';
import type { RawLine } from '#domain/raw-document.ts';
import { TABLE_IDS, TABLE_NAMES, type ExtractedTable, type TableId } from '#domain/table.ts';
import type { z } from 'zod';
import type { CaseDocumentSchema } from './rule.schema.ts';
import { buildSelfEvaluation } from './self-eval-case.ts';

type CaseDocument = z.infer<typeof CaseDocumentSchema>;

function figure(text: string, unit: Unit): Figure {
  if (text === '' || text === '-') return blankFigure(unit, 2, text);
  const f = parseFigure(text, unit);
  if (!f) throw new Error(`test case: "${text}" is not a number`);
  return f;
}

/** Labels of the special row keys; other rows are unlabelled unless the case lists them under `codes`. */
const DEFAULT_LABELS: Readonly<Record<string, string>> = {
  total: '合计',
  'personnel-total': '人员经费合计',
  'public-total': '公用经费合计',
};

/**
 * Builds a document from a rule file's compact test case, so a rule's behaviour is specified next to it.
 * Every cell sits on page 1 with a line number of its own, which makes evidence assertions possible.
 */
export function buildCaseDocument(c: CaseDocument): DisclosureDocument {
  let line = 0;
  const tables: ExtractedTable[] = [];
  const codeLabel = new Map(c.codes.map((x) => [`${x.table}:${x.code}`, x.label]));
  for (const [id, rows] of Object.entries(c.tables)) {
    if (!(TABLE_IDS as readonly string[]).includes(id)) throw new Error(`test case: unknown table ${id}`);
    const tid = id as TableId;
    const src = { page: 1, line: ++line, text: TABLE_NAMES[tid].zh };
    tables.push({
      id: tid,
      title: TABLE_NAMES[tid].zh,
      unit: 'wan-yuan',
      pages: [1],
      declaredEmpty: c.emptyTables.includes(id),
      columns: [],
      source: src,
      rows: Object.entries(rows).map(([key, cells]) => {
        const rowLine = ++line;
        const isCode = /^\d{3,7}$/.test(key) && !/^\d{1,2}$/.test(key);
        return {
          key,
          label: codeLabel.get(`${id}:${key}`) ?? DEFAULT_LABELS[key] ?? '',
          code: isCode ? key : undefined,
          lineNo: /^\d{1,2}$/.test(key) ? Number(key) : undefined,
          source: { page: 1, line: rowLine, text: key },
          cells: Object.entries(cells).map(([col, text]) => ({
            column: Number(col),
            figure: figure(text, 'wan-yuan'),
            source: { page: 1, line: rowLine, text },
          })),
        };
      }),
    });
  }
  for (const id of c.emptyTables) {
    if (!tables.some((t) => t.id === id)) throw new Error(`test case: empty table ${id} has no rows`);
  }
  const lines: RawLine[] = c.lines.map((text, i) => ({
    page: 1,
    line: 1000 + i,
    text,
    cells: [{ text, x0: 0, x1: 1 }],
    y: i,
  }));
  const claims = c.claims.map((raw, i) => claimFromCase(raw, i));
  return {
    path: 'case',
    format: 'text',
    kind: c.kind as DocumentKind,
    org: c.org,
    fiscalYear: c.fiscalYear,
    pageCount: 1,
    lines,
    tables,
    claims,
    selfEvaluation: c.selfEvaluation ? buildSelfEvaluation(c.selfEvaluation) : undefined,
  };
}

/**
 * A claim as a rule file's case writes it: figures as printed strings; `unit` (default 万元) applies to
 * every amount of the claim; `page`/`line` place it among the case's `lines` (which sit on page 1 from
 * line 1000) for rules that read the text around a claim; `id` names it in evidence.
 */
function claimFromCase(raw: Record<string, unknown>, i: number): Claim {
  const str = (k: string): string | undefined => (typeof raw[k] === 'string' ? raw[k] : undefined);
  const num = (k: string): number | undefined => (typeof raw[k] === 'number' ? raw[k] : undefined);
  const fig = (k: string, unit: Unit): Figure | undefined => {
    const v = str(k);
    return v === undefined ? undefined : figure(v, unit);
  };
  const sentence = str('sentence') ?? '';
  const unit = (str('unit') as Unit | undefined) ?? 'wan-yuan';
  return {
    id: str('id') ?? `case-${i}`,
    subject: str('subject') ?? '',
    section: Array.isArray(raw.section) ? raw.section.map(String) : [],
    value: fig('value', unit),
    percent: fig('percent', 'percent'),
    base: str('base') as Claim['base'],
    baseValue: fig('baseValue', unit),
    direction: str('direction') as Claim['direction'],
    directionWord: str('directionWord'),
    changeAmount: fig('changeAmount', unit),
    changePercent: fig('changePercent', 'percent'),
    notComparable: raw.notComparable === true,
    source: { page: num('page') ?? 1, line: num('line') ?? 2000 + i, text: sentence },
    sentence,
  };
}
