import type { Unit } from '#domain/quantity.ts';
import type { TableRow } from '#domain/table.ts';
import { ECONOMIC_TOTALS, type TableTemplate } from '#domain/final-accounts-template.ts';
import { mergeWrapped, readTwoPanels, type ParsedBody } from './parse-coded.ts';
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
  const { columns, drafts } = readTwoPanels(segments, template, unit, problems);
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
