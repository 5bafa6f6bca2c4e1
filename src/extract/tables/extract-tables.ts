import type { Unit } from '#domain/quantity.ts';
import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import type { SourceRef } from '#domain/source.ts';
import type { ColumnDef, ExtractedTable, TableId } from '#domain/table.ts';
import {
  EMPTY_TABLE_PHRASES,
  FINAL_ACCOUNTS_TEMPLATE,
  GENERIC_HEADERS,
  THREE_PUBLIC_CATEGORIES,
  THREE_PUBLIC_KINDS,
  TOTAL_LABELS,
  type TableKind,
  type TableTemplate,
} from '#domain/final-accounts-template.ts';
import { parseCoded, type ParsedBody } from './parse-coded.ts';
import { parseEconomic } from './parse-economic.ts';
import { parseSummary } from './parse-summary.ts';
import { parseThreePublic } from './parse-three-public.ts';
import { codeDigits, headerKey, isMoneyText, labelKey, squeeze, stepNumbers } from './text.ts';
import { tableNumberLine, titleMatcher, type TitleMatch, type TitleMatcher } from './title.ts';
import type { Segment, TableExtraction, TableLine, TableProblem } from './types.ts';

type BodyParser = (
  segments: readonly Segment[],
  template: TableTemplate,
  unit: Unit,
  problems: TableProblem[],
) => ParsedBody;

const PARSERS: Record<TableKind, BodyParser> = {
  summary: parseSummary,
  coded: parseCoded,
  economic: parseEconomic,
  'three-public': parseThreePublic,
};

const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
const MAX_TITLE_LENGTH = 80;
const UNIT_RE = /单位[:：]\s*(万元|亿元|元)/;
const UNITS: Record<string, Unit> = { 万元: 'wan-yuan', 亿元: 'yi-yuan', 元: 'yuan' };
const NOTE_RE = /^(?:注|说明|备注)\d*[:：.、]|^本表/;
const EMPTY_PHRASES = EMPTY_TABLE_PHRASES.map(squeeze);
const TOTALS = new Set(TOTAL_LABELS.map(headerKey));

/** What one structured line looks like, before it is assigned to a header block or the body. */
type LineClass = 'data' | 'header' | 'weak-header' | 'other' | 'empty' | 'note';

interface TemplateInfo {
  template: TableTemplate;
  vocabulary: Set<string>;
  rowLabels: Set<string>;
}

function templateInfo(template: TableTemplate): TemplateInfo {
  const words = [...GENERIC_HEADERS, ...template.panels.flatMap((p) => p.columns.flatMap((c) => c.keys))];
  if (template.kind === 'three-public') {
    words.push(
      ...THREE_PUBLIC_CATEGORIES.flatMap((c) => c.keys),
      ...THREE_PUBLIC_KINDS.flatMap((k) => k.keys),
    );
  }
  const rowLabels = new Set(
    template.panels.flatMap((p) => (p.rows ?? []).flatMap((r) => r.labels.map(labelKey))),
  );
  return { template, vocabulary: new Set(words.map(headerKey)), rowLabels };
}

interface Prepared {
  matcher: TitleMatcher;
  infos: Map<TableId, TemplateInfo>;
}

/** Matchers and word sets derived from a template list, built once per list (they are immutable data). */
const PREPARED = new WeakMap<readonly TableTemplate[], Prepared>();

function prepared(templates: readonly TableTemplate[]): Prepared {
  let p = PREPARED.get(templates);
  if (!p) {
    p = {
      matcher: titleMatcher(templates),
      infos: new Map(templates.map((t) => [t.id, templateInfo(t)])),
    };
    PREPARED.set(templates, p);
  }
  return p;
}

function classify(cells: readonly string[], info: TemplateInfo): LineClass {
  const nonEmpty = cells.filter((c) => c !== '');
  if (nonEmpty.length === 0) return 'empty';
  const first = squeeze(nonEmpty[0] ?? '');
  if (NOTE_RE.test(first) || EMPTY_PHRASES.some((p) => first.includes(p))) return 'note';
  if (nonEmpty.some(isMoneyText)) return 'data';
  if (stepNumbers(cells)) return 'header';
  if (nonEmpty.some((c) => [3, 5, 7].includes(codeDigits(c)?.length ?? 0))) return 'data';
  const keywords = nonEmpty.filter((c) => info.vocabulary.has(headerKey(c))).length;
  if (keywords >= 2) return 'header';
  if (nonEmpty.length === 1 && TOTALS.has(headerKey(first))) return 'data';
  if (nonEmpty.some((c) => info.rowLabels.has(labelKey(c)))) return 'data';
  return keywords === 1 ? 'weak-header' : 'other';
}

/**
 * Splits a table's structured lines into header blocks and body runs. After the body has started, a run
 * of non-data lines opens a new header block (a page break repeating the header) only if it holds a
 * strong header line; label-only lines before it stay in the body (wrapped names).
 */
function segment(lines: readonly TableLine[], info: TemplateInfo): Segment[] {
  const classes = lines.map((l) => classify(l.cells, info));
  const segments: Segment[] = [];
  let cur: Segment | undefined;
  let i = 0;
  while (i < lines.length) {
    const cls = classes[i];
    const line = lines[i];
    if (!line || cls === undefined) break;
    if (cls === 'note') {
      i++;
      continue;
    }
    if (cls === 'data') {
      if (!cur) {
        cur = { header: [], body: [] };
        segments.push(cur);
      }
      cur.body.push(line);
      i++;
      continue;
    }
    // A run of non-data lines.
    let j = i;
    while (j < lines.length && classes[j] !== 'data' && classes[j] !== 'note') j++;
    const run = lines.slice(i, j);
    const runClasses = classes.slice(i, j);
    const bodyStarted = cur !== undefined && cur.body.length > 0;
    const firstHeader = runClasses.findIndex((c) => c === 'header' || (!bodyStarted && c === 'weak-header'));
    const opensHeader = bodyStarted ? runClasses.includes('header') : firstHeader >= 0;
    if (!opensHeader) {
      if (bodyStarted && cur) cur.body.push(...run);
      else if (cur) cur.header.push(...run);
    } else {
      if (bodyStarted && cur) cur.body.push(...run.slice(0, firstHeader));
      cur = { header: run.slice(firstHeader), body: [] };
      segments.push(cur);
    }
    i = j;
  }
  return segments;
}

function isStructured(line: RawLine): boolean {
  return line.grid !== undefined || line.cells.length >= 2;
}

function toTableLine(line: RawLine): TableLine {
  return { raw: line, cells: line.cells.map((c) => c.text.trim()) };
}

function sourceOf(line: RawLine): SourceRef {
  return { page: line.page, line: line.line, text: line.text };
}

/** Running text this long after the table has started ends it (notes and short page furniture do not). */
const PROSE_LENGTH = 40;

/**
 * The lines of a region up to the first paragraph of running text after the table: without a part heading
 * after the last table, the region would run on into whatever follows.
 */
function tableExtent(lines: readonly RawLine[]): readonly RawLine[] {
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (isStructured(line)) {
      started = true;
      continue;
    }
    if (!started || line.text.length < PROSE_LENGTH) continue;
    const text = squeeze(line.text);
    if (text.length >= PROSE_LENGTH && !NOTE_RE.test(text) && !EMPTY_PHRASES.some((p) => text.includes(p))) {
      return lines.slice(0, i);
    }
  }
  return lines;
}

interface Region {
  match: TitleMatch;
  titleLine: RawLine;
  numberLine?: RawLine;
  lines: RawLine[];
}

function buildTable(
  region: Region,
  info: TemplateInfo,
  problems: TableProblem[],
): ExtractedTable | undefined {
  const { template } = info;
  const tableLines = tableExtent(region.lines).filter(isStructured).map(toTableLine);
  const segments = segment(tableLines, info);
  if (!segments.some((s) => s.header.length > 0)) return undefined;

  const firstData = segments.find((s) => s.body.length > 0)?.body[0]?.raw;
  let unit: Unit | undefined;
  for (const l of [region.titleLine, ...region.lines]) {
    if (firstData && l === firstData) break;
    const m = UNIT_RE.exec(squeeze(l.text));
    if (m?.[1]) {
      unit = UNITS[m[1]];
      break;
    }
  }
  if (!unit) {
    problems.push({
      page: region.titleLine.page,
      line: region.titleLine.line,
      message: `${template.id}: no 单位 printed; 万元 assumed`,
    });
    unit = 'wan-yuan';
  }
  const emptyLine = region.lines.find((l) => {
    const text = squeeze(l.text);
    return EMPTY_PHRASES.some((p) => text.includes(p));
  });
  const body = PARSERS[template.kind](segments, template, unit, problems);

  const pages = new Set<number>([region.titleLine.page]);
  for (const s of segments) for (const l of [...s.header, ...s.body]) pages.add(l.raw.page);
  const columns: ColumnDef[] = [...body.columns.values()]
    .sort((a, b) => a.number - b.number)
    .map((c) => ({ number: c.number, label: c.label }));
  const printedNumber =
    region.match.printedNumber ?? (region.numberLine ? tableNumberLine(region.numberLine.text) : undefined);
  return {
    id: template.id,
    title: region.match.title,
    ...(printedNumber ? { printedNumber } : {}),
    unit,
    pages: [...pages].sort((a, b) => a - b),
    declaredEmpty: emptyLine !== undefined,
    ...(emptyLine ? { emptyNote: sourceOf(emptyLine) } : {}),
    columns,
    rows: body.rows,
    source: sourceOf(region.titleLine),
  };
}

/**
 * Recognises the nine standard 部门决算 tables in a document by their titles (and aliases), reading each
 * from its title to the next title or part heading: headers repeated after page breaks, wrapped names,
 * codes whole or split into 类/款/项, two-panel tables, blank and dash cells as zero, the 单位 line and
 * a note declaring the table empty. Pure: no I/O.
 */
export function extractTables(
  raw: RawDocument,
  templates: readonly TableTemplate[] = FINAL_ACCOUNTS_TEMPLATE,
): TableExtraction {
  const { matcher, infos } = prepared(templates);
  const lines = raw.pages.flatMap((p) => p.lines);
  const titles: { index: number; match: TitleMatch }[] = [];
  const stops: number[] = [];
  lines.forEach((line, index) => {
    // Titles and part headings are short; running text is not worth normalising here.
    if (line.text.length > MAX_TITLE_LENGTH) {
      if (PART_HEADING.test(squeeze(line.text.slice(0, 16)))) stops.push(index);
      return;
    }
    const text = squeeze(line.text);
    if (PART_HEADING.test(text)) stops.push(index);
    let nonEmpty = 0;
    for (const c of line.cells) if (c.text.trim() !== '') nonEmpty++;
    if (nonEmpty > 1) return;
    const match = matcher.match(text);
    if (match) titles.push({ index, match });
  });

  const tables: ExtractedTable[] = [];
  const problems: TableProblem[] = [];
  const found = new Set<TableId>();
  titles.forEach(({ index, match }, k) => {
    const nextTitle = titles[k + 1]?.index ?? lines.length;
    const nextStop = stops.find((s) => s > index) ?? lines.length;
    const titleLine = lines[index];
    const info = infos.get(match.id);
    if (!titleLine || !info) return;
    const numberLine = index > 0 ? lines[index - 1] : undefined;
    const region: Region = {
      match,
      titleLine,
      ...(numberLine && tableNumberLine(numberLine.text) ? { numberLine } : {}),
      lines: lines.slice(index + 1, Math.min(nextTitle, nextStop)),
    };
    const table = buildTable(region, info, problems);
    if (!table) return;
    if (found.has(table.id)) {
      problems.push({
        page: titleLine.page,
        line: titleLine.line,
        message: `${table.id} appears again; the first is kept`,
      });
      return;
    }
    found.add(table.id);
    tables.push(table);
  });
  return { tables, problems };
}
