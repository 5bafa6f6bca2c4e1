import type { Unit } from '#domain/quantity.ts';
import type { TableRow } from '#domain/table.ts';
import { isEmptyDraft, isTextOnly, problemAt, readPanel, type Draft } from './cells.ts';
import { TOTAL_LABELS, type TableTemplate, type TemplateColumn } from '#domain/final-accounts-template.ts';
import { expandHeader, headerSteps, mapPanel, secondPanelStart, type PanelMap } from './header.ts';
import { headerKey, isMoneyText } from './text.ts';
import type { Segment, TableLine, TableProblem } from './types.ts';

export interface ParsedBody {
  rows: TableRow[];
  columns: Map<number, TemplateColumn>;
}

const TOTALS = new Set(TOTAL_LABELS.map(headerKey));

export function widthOf(lines: readonly TableLine[]): number {
  let w = 0;
  for (const l of lines) w = Math.max(w, l.cells.length);
  return w;
}

/**
 * Maps each segment's columns from its own header; a segment without one (or whose header names no
 * template column) reuses the previous mapping.
 */
export function panelMaps(
  segments: readonly Segment[],
  template: TableTemplate,
  problems: TableProblem[],
  split: (seg: Segment, expanded: string[][], width: number) => number[],
): { segment: Segment; maps: PanelMap[] }[] {
  const out: { segment: Segment; maps: PanelMap[] }[] = [];
  let prev: PanelMap[] | undefined;
  for (const seg of segments) {
    const width = widthOf([...seg.header, ...seg.body]);
    let maps: PanelMap[] | undefined;
    if (seg.header.length > 0) {
      const expanded = expandHeader(seg.header, width);
      const steps = headerSteps(seg.header);
      const starts = split(seg, expanded, width);
      const candidate = template.panels.map((panel, i) =>
        mapPanel(expanded, steps, panel, starts[i] ?? width, starts[i + 1] ?? width),
      );
      if (candidate.every((m) => m.found.size > 0)) maps = candidate;
    }
    const first = seg.body[0] ?? seg.header[0];
    if (!maps && prev && first && seg.body.length > 0) {
      const prevWidth = prev[prev.length - 1]?.end ?? width;
      if (prevWidth !== width) {
        problems.push(
          problemAt(first, `rows with ${width} columns under a header of ${prevWidth}; read by position`),
        );
      }
    }
    maps ??= prev;
    if (!maps) {
      if (first && seg.body.length > 0)
        problems.push(problemAt(first, 'table rows without a recognisable header'));
      continue;
    }
    prev = maps;
    out.push({ segment: seg, maps });
  }
  return out;
}

/** Appends label-only drafts (wrapped names) to the row they belong to. */
export function mergeWrapped(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    if (!d || isEmptyDraft(d)) continue;
    if (!isTextOnly(d) || TOTALS.has(headerKey(d.label))) {
      out.push(d);
      continue;
    }
    const prev = out[out.length - 1];
    const next = drafts[i + 1];
    if (prev && prev.label === '') prev.label = d.label;
    else if (next && !isTextOnly(next) && next.label === '' && next.codeParts.length > 0)
      next.label = d.label;
    else if (prev) prev.label += d.label;
    else out.push(d);
  }
  return out;
}

const CODE_LENGTHS = new Set([3, 5, 7]);

/** Turns drafts into rows keyed by code, or "total" for the 合计 row. */
export function keyCodedRows(drafts: readonly Draft[], problems: TableProblem[]): TableRow[] {
  const rows: TableRow[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const code = d.codeParts.join('');
    const at = { page: d.source.page, line: d.source.line };
    let key: string;
    if (code !== '') {
      if (!CODE_LENGTHS.has(code.length)) {
        problems.push({ ...at, message: `code "${code}" has an unexpected length` });
      }
      key = code;
    } else if (TOTALS.has(headerKey(d.label))) {
      key = 'total';
    } else {
      problems.push({ ...at, message: `row "${d.label}" has no classification code` });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ ...at, message: `row ${key} is printed twice; the first is kept` });
      continue;
    }
    seen.add(key);
    rows.push({
      key,
      label: d.label,
      ...(code !== '' ? { code } : {}),
      cells: d.cells,
      source: d.source,
    });
  }
  return rows;
}

/**
 * Two-panel tables (表1, 表4 收入 | 支出; 表6 人员经费 | 公用经费): every body line read once per panel, the
 * second panel starting where its header names it. Returns the columns found and one draft list per panel.
 */
export function readTwoPanels(
  segments: readonly Segment[],
  template: TableTemplate,
  unit: Unit,
  problems: TableProblem[],
): { columns: Map<number, TemplateColumn>; drafts: Draft[][] } {
  const second = template.panels[1]?.name ?? '';
  const columns = new Map<number, TemplateColumn>();
  const drafts: Draft[][] = template.panels.map(() => []);
  const mapped = panelMaps(segments, template, problems, (seg, expanded, width) => [
    0,
    secondPanelStart(seg.header, expanded, width, second),
  ]);
  for (const { segment, maps } of mapped) {
    maps.forEach((m) => m.found.forEach((c, n) => columns.set(n, c)));
    for (const line of segment.body) {
      maps.forEach((map, i) => drafts[i]?.push(readPanel(line, map, unit, problems)));
    }
  }
  return { columns, drafts };
}

/** Tables listed by 功能分类 code: 表2, 表3, 表5, 表7, 表8. */
export function parseCoded(
  segments: readonly Segment[],
  template: TableTemplate,
  unit: Unit,
  problems: TableProblem[],
): ParsedBody {
  const columns = new Map<number, TemplateColumn>();
  const drafts: Draft[] = [];
  let headerTotal: Draft | undefined;
  for (const { segment, maps } of panelMaps(segments, template, problems, () => [0])) {
    const map = maps[0];
    if (!map) continue;
    for (const [n, c] of map.found) columns.set(n, c);
    if (!headerTotal) {
      const line = segment.header.find((l) => isHeaderTotal(l, map));
      if (line) headerTotal = readPanel(blankFigureColumns(line, map), map, unit, problems);
    }
    for (const line of segment.body) drafts.push(readPanel(line, map, unit, problems));
  }
  const merged = mergeWrapped(drafts);
  if (headerTotal && !merged.some((d) => d.codeParts.length === 0 && TOTALS.has(headerKey(d.label)))) {
    merged.unshift(headerTotal);
  }
  return { rows: keyCodedRows(merged, problems), columns };
}

/**
 * A header line that is also the 合计 row: Shanghai's empty 表7/表8 print “合计” in the label cells of
 * the row that carries the 本年支出 sub-headers (合计 │ 基本支出 │ 项目支出), with no amounts.
 */
function isHeaderTotal(line: TableLine, map: PanelMap): boolean {
  let total = false;
  for (let j = map.start; j < map.end; j++) {
    const text = line.cells[j] ?? '';
    const role = map.roles.get(j)?.role;
    if (role === 'figure') {
      if (isMoneyText(text)) return false;
    } else if (TOTALS.has(headerKey(text))) {
      total = true;
    }
  }
  return total;
}

/** The line with its figure cells emptied: header words there are not amounts, and none is printed. */
function blankFigureColumns(line: TableLine, map: PanelMap): TableLine {
  const cells = line.cells.map((c, j) => (map.roles.get(j)?.role === 'figure' ? '' : c));
  return { raw: line.raw, cells };
}
