import type { Dataset, PriorItem } from '#compile/dataset.ts';
import type { Figures } from './figures.ts';
import type { Part } from './outline.ts';
import { changeText, phrase, wan, type ChangeBase, type Wan } from './phrasing.ts';

const FUNDS = [
  { key: 'general-budget', name: '一般公共预算财政拨款', row: '1', column: 3 },
  { key: 'fund', name: '政府性基金预算财政拨款', row: '2', column: 4 },
  { key: 'state-capital', name: '国有资本经营预算财政拨款', row: '3', column: 5 },
] as const;

/** "X收入3,193.39万元，比上年决算数减少…；主要变动情况：…": one item of the 其中 list. */
function listItem(
  label: string,
  value: Wan | undefined,
  base: ChangeBase | undefined,
  reason?: string,
): string | undefined {
  if (value === undefined) return undefined;
  const why = base ? phrase(reason) : undefined;
  const change = base ? `，${changeText(value, base)}` : '';
  return `${label}${wan(value)}${change}${why ? `；主要变动情况：${why}` : ''}`;
}

/** "…合计X万元。其中：A；B；C。" */
function totalWithList(total: string | undefined, items: (string | undefined)[]): string | undefined {
  const list = items.filter((i): i is string => i !== undefined);
  if (list.length === 0) return total === undefined ? undefined : `${total}。`;
  if (total === undefined) return `${list.join('；')}。`;
  return `${total}。其中：${list.join('；')}。`;
}

/**
 * 二、{year}年度财政拨款收入支出总表说明 (表4): income compared with last year's 决算, spending with the
 * 年初预算.
 */
export function appropriationPart(ds: Dataset, f: Figures): Part {
  const lead = `${ds.org}${ds.year}年度`;
  const incomeTotal = f.cell('t4', '27', 1);
  const income = totalWithList(
    incomeTotal === undefined ? undefined : `${lead}财政拨款收入合计${wan(incomeTotal)}`,
    FUNDS.map((fund) => {
      const prior: PriorItem = `income.${fund.key}`;
      return listItem(`${fund.name}收入`, f.cell('t4', fund.row, 1), f.prior(prior), ds.reasons[prior]);
    }),
  );
  const spendingTotal = f.cell('t4', '59', 2);
  const spending = totalWithList(
    spendingTotal === undefined ? undefined : `${lead}财政拨款支出合计${wan(spendingTotal)}`,
    FUNDS.map((fund) =>
      listItem(
        `${fund.name}支出`,
        f.cell('t4', '59', fund.column),
        f.initialBudget(fund.key),
        ds.reasons[`appropriation.${fund.key}`],
      ),
    ),
  );
  return {
    title: `${ds.year}年度财政拨款收入支出总表说明`,
    subsections: [
      { title: `${ds.year}年度财政拨款收入说明`, paragraphs: income ? [income] : [] },
      { title: `${ds.year}年度财政拨款支出说明`, paragraphs: spending ? [spending] : [] },
    ],
  };
}
