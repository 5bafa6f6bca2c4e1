import type { Unit } from '#domain/quantity.ts';
import type { TableRow } from '#domain/table.ts';
import { isEmptyDraft, type Draft } from './cells.ts';
import type { TableTemplate, TemplatePanel } from '#domain/final-accounts-template.ts';
import { readTwoPanels, type ParsedBody } from './parse-coded.ts';
import { labelKey } from './text.ts';
import type { Segment, TableProblem } from './types.ts';

/** Label key → the 行次 that carry that label, ascending (表4 prints 一般公共预算财政拨款 at 1 and 29). */
function labelIndex(panel: TemplatePanel): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const r of panel.rows ?? []) {
    for (const l of r.labels) {
      const k = labelKey(l);
      const list = index.get(k) ?? [];
      if (!list.includes(r.lineNo)) list.push(r.lineNo);
      index.set(k, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => a - b);
  return index;
}

/** Joins label-only drafts to their neighbour when together they spell a template label. */
function mergeWrappedLabels(drafts: readonly Draft[], known: (label: string) => boolean): Draft[] {
  const out: Draft[] = [];
  const list = drafts.filter((d) => !isEmptyDraft(d));
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    if (!d) continue;
    const loose = d.lineNo === undefined && !d.hasFigureText && d.label !== '' && !known(d.label);
    if (loose) {
      const prev = out[out.length - 1];
      const next = list[i + 1];
      if (prev && prev.lineNo === undefined && (known(prev.label + d.label) || !known(prev.label))) {
        prev.label += d.label;
        continue;
      }
      if (next && next.lineNo === undefined && known(d.label + next.label)) {
        next.label = d.label + next.label;
        continue;
      }
    }
    out.push(d);
  }
  return out;
}

/**
 * 表1 and 表4: two panels (收入 | 支出) keyed by 行次. Where the document prints no 行次, the row label is
 * looked up in the template's fixed row list; a label the template prints twice (表4 rows 1–3 and 29–31)
 * takes the first 行次 after the previous row's.
 */
export function parseSummary(
  segments: readonly Segment[],
  template: TableTemplate,
  unit: Unit,
  problems: TableProblem[],
): ParsedBody {
  const panels = template.panels;
  const { columns, drafts } = readTwoPanels(segments, template, unit, problems);
  const rows: TableRow[] = [];
  const seen = new Set<number>();
  panels.forEach((panel, i) => {
    const index = labelIndex(panel);
    const known = (label: string): boolean => index.has(labelKey(label));
    let last = 0;
    for (const d of mergeWrappedLabels(drafts[i] ?? [], known)) {
      let lineNo = d.lineNo;
      if (lineNo === undefined) {
        const candidates = index.get(labelKey(d.label));
        lineNo = candidates?.find((n) => n > last) ?? candidates?.[0];
      }
      if (lineNo === undefined) {
        problems.push({
          page: d.source.page,
          line: d.source.line,
          message: `row "${d.label}" is not in the template of ${template.id}`,
        });
        continue;
      }
      last = lineNo;
      if (seen.has(lineNo)) {
        problems.push({
          page: d.source.page,
          line: d.source.line,
          message: `row ${lineNo} is printed twice; the first is kept`,
        });
        continue;
      }
      seen.add(lineNo);
      rows.push({ key: String(lineNo), label: d.label, lineNo, cells: d.cells, source: d.source });
    }
  });
  rows.sort((a, b) => (a.lineNo ?? 0) - (b.lineNo ?? 0));
  return { rows, columns };
}
