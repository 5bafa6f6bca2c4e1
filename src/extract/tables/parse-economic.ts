import type { Unit } from '#domain/quantity.ts';
import type { TableRow } from '#domain/table.ts';
import { readPanel, type Draft } from './cells.ts';
import { ECONOMIC_TOTALS, type TableTemplate, type TemplateColumn } from './final-accounts-template.ts';
import { secondPanelStart } from './header.ts';
import { mergeWrapped, panelMaps, type ParsedBody } from './parse-coded.ts';
import { headerKey } from './text.ts';
import type { Segment, TableProblem } from './types.ts';

const TOTALS = new Map(Object.entries(ECONOMIC_TOTALS).map(([label, key]) => [headerKey(label), key]));
const CODE_LENGTHS = new Set([3, 5]);

/**
 * 表6: two panels (人员经费 | 公用经费), each 经济分类 code │ name │ amount, all amounts in 栏1. Rows are
 * keyed by economic code; the last row holds "personnel-total" and "public-total".
 */
export function parseEconomic(
  segments: readonly Segment[],
  template: TableTemplate,
  unit: Unit,
  problems: TableProblem[],
): ParsedBody {
  const columns = new Map<number, TemplateColumn>();
  const drafts: Draft[][] = template.panels.map(() => []);
  const second = template.panels[1]?.name ?? '';
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
  const rows: TableRow[] = [];
  const seen = new Set<string>();
  for (const panelDrafts of drafts) {
    for (const d of mergeWrapped(panelDrafts)) {
      const code = d.codeParts.join('');
      const at = { page: d.source.page, line: d.source.line };
      const key = code !== '' ? code : TOTALS.get(headerKey(d.label));
      if (key === undefined) {
        problems.push({ ...at, message: `row "${d.label}" has no economic classification code` });
        continue;
      }
      if (code !== '' && !CODE_LENGTHS.has(code.length)) {
        problems.push({ ...at, message: `economic code "${code}" has an unexpected length` });
      }
      if (seen.has(key)) {
        problems.push({ ...at, message: `row ${key} is printed twice; the first is kept` });
        continue;
      }
      seen.add(key);
      rows.push({ key, label: d.label, ...(code !== '' ? { code } : {}), cells: d.cells, source: d.source });
    }
  }
  return { rows, columns };
}
