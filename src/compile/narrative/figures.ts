import { parseFigure, valueIn } from '#domain/quantity.ts';
import type { TableId } from '#domain/table.ts';
import type { Dataset, PriorItem } from '#compile/dataset.ts';
import type { ChangeBase, Wan } from './phrasing.ts';

/**
 * The figures a narrative is written from, read out of a dataset as exact 万元 values. A dataset in 元
 * keeps its 元 precision here, so changes and percentages are computed on 元-level values as the official
 * software does (template notes §5); only printing rounds to 0.01 万元. A figure the dataset does not hold
 * is undefined, and the sentence that needs it is left out.
 */
export interface Figures {
  /** A cell by row key and 栏次; every cell of a table printed empty is 0. */
  cell(table: TableId, row: string, column: number): Wan | undefined;
  /** A dataset amount in its unit, as 万元. */
  amount(text: string | undefined): Wan | undefined;
  /** Last year's figure as a comparison base, with the words that name it. */
  prior(item: PriorItem): ChangeBase | undefined;
  /** An initial budget (年初预算数) as a comparison base. */
  initialBudget(item: 'general-budget' | 'fund' | 'state-capital'): ChangeBase | undefined;
}

export function figuresOf(ds: Dataset): Figures {
  const unit = ds.unit === 'yuan' ? 'yuan' : 'wan-yuan';
  const amount = (text: string | undefined): Wan | undefined => {
    if (text === undefined) return undefined;
    const f = parseFigure(text, unit);
    return f ? valueIn(f, 'wan-yuan') : undefined;
  };
  // “上年” is the year before; a comparison with another year names it.
  const priorLabel = ds.prior && ds.prior.year !== ds.year - 1 ? `${ds.prior.year}年度决算数` : '上年决算数';
  return {
    amount,
    cell(table, row, column) {
      const t = ds.tables[table];
      if ('empty' in t) return 0n;
      const r = t.rows.find((x) => x.key === row);
      return amount(r?.cells[String(column)]);
    },
    prior(item) {
      const value = amount(ds.prior?.figures[item]);
      return value === undefined ? undefined : { value, label: priorLabel };
    },
    initialBudget(item) {
      const value = amount(ds.initialBudget?.[item]);
      return value === undefined ? undefined : { value, label: '年初预算数' };
    },
  };
}

export interface Procurement {
  goods: Wan;
  works: Wan;
  services: Wan;
  sme: Wan;
  smeGoods?: Wan;
  smeWorks?: Wan;
  smeServices?: Wan;
}

/**
 * The amounts awarded to small and medium enterprises per category, where the dataset gives them or they
 * follow from what it gives: each category's award lies between 0 and the category's amount and the three
 * add up to the SME total. So a category of 0 awarded 0; an SME total equal to the whole procurement means
 * every category went wholly to SMEs; an SME total of 0 means none did; one unknown category is the rest.
 * Anything else stays unknown.
 */
export function smeByCategory(p: Procurement): { goods?: Wan; works?: Wan; services?: Wan } {
  const total = p.goods + p.works + p.services;
  const known = (given: Wan | undefined, amount: Wan): Wan | undefined => {
    if (given !== undefined) return given;
    if (amount === 0n || p.sme === 0n) return 0n;
    if (p.sme === total) return amount;
    return undefined;
  };
  const out = {
    goods: known(p.smeGoods, p.goods),
    works: known(p.smeWorks, p.works),
    services: known(p.smeServices, p.services),
  };
  const keys = (['goods', 'works', 'services'] as const).filter((k) => out[k] === undefined);
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) {
    const rest = p.sme - (['goods', 'works', 'services'] as const).reduce((s, k) => s + (out[k] ?? 0n), 0n);
    if (rest >= 0n && rest <= p[only]) out[only] = rest;
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
