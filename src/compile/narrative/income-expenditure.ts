import type { Dataset, PriorItem } from '#compile/dataset.ts';
import type { Figures } from './figures.ts';
import { numbered, sentence, type Part } from './outline.ts';
import { changeText, printsZero, reasonSentence, wan, type ChangeBase, type Wan } from './phrasing.ts';

/** 表1 rows 1–8: the income types, each compared with last year. */
export const INCOME_ITEMS: readonly { row: string; label: string; prior: PriorItem }[] = [
  { row: '1', label: '一般公共预算财政拨款收入', prior: 'income.general-budget' },
  { row: '2', label: '政府性基金预算财政拨款收入', prior: 'income.fund' },
  { row: '3', label: '国有资本经营预算财政拨款收入', prior: 'income.state-capital' },
  { row: '4', label: '上级补助收入', prior: 'income.higher-level' },
  { row: '5', label: '事业收入', prior: 'income.operations' },
  { row: '6', label: '经营收入', prior: 'income.business' },
  { row: '7', label: '附属单位上缴收入', prior: 'income.affiliates' },
  { row: '8', label: '其他收入', prior: 'income.other' },
];

/** 表3 合计 栏2–6: the spending types. */
export const EXPENDITURE_ITEMS: readonly { column: number; label: string; prior: PriorItem }[] = [
  { column: 2, label: '基本支出', prior: 'expenditure.basic' },
  { column: 3, label: '项目支出', prior: 'expenditure.project' },
  { column: 4, label: '上缴上级支出', prior: 'expenditure.to-higher' },
  { column: 5, label: '经营支出', prior: 'expenditure.business' },
  { column: 6, label: '对附属单位补助支出', prior: 'expenditure.to-affiliates' },
];

/**
 * "基本支出2,036.26万元，比上年决算数减少189.43万元，下降8.5%。主要变动情况：…。": an amount, its change when
 * the base is known, and the reason when the dataset gives one (never a reason without a comparison).
 */
export function itemSentence(
  label: string,
  value: Wan | undefined,
  base: ChangeBase | undefined,
  reason: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const why = base ? reasonSentence('主要变动情况', reason) : undefined;
  return sentence(`${label}${wan(value)}`, base ? changeText(value, base) : undefined) + (why ?? '');
}

/** "总收入X万元，其中本年收入Y万元…。具体情况如下：", the carry-overs named only when there are any. */
function totalsSentence(
  lead: string,
  total: Wan | undefined,
  current: [string, Wan | undefined],
  others: [string, Wan | undefined][],
  itemsFollow: boolean,
): string | undefined {
  if (total === undefined) return undefined;
  const [currentLabel, currentValue] = current;
  const clauses = [
    `${lead}${wan(total)}`,
    currentValue === undefined ? undefined : `其中${currentLabel}${wan(currentValue)}`,
    ...others.map(([label, v]) => (v === undefined || printsZero(v) ? undefined : `${label}${wan(v)}`)),
  ];
  return sentence(...clauses) + (itemsFollow ? '具体情况如下：' : '');
}

/** 一、{year}年度收入支出决算总体情况说明 (表1, 表3). */
export function incomeExpenditurePart(ds: Dataset, f: Figures): Part {
  const lead = `${ds.org}${ds.year}年度`;
  const incomes = numbered(
    INCOME_ITEMS.map((i) =>
      itemSentence(i.label, f.cell('t1', i.row, 1), f.prior(i.prior), ds.reasons[i.prior]),
    ),
  );
  const spending = numbered(
    EXPENDITURE_ITEMS.map((i) =>
      itemSentence(i.label, f.cell('t3', 'total', i.column), f.prior(i.prior), ds.reasons[i.prior]),
    ),
  );
  const incomeTotals = totalsSentence(
    `${lead}总收入`,
    f.cell('t1', '30', 1),
    ['本年收入', f.cell('t1', '27', 1)],
    [
      ['使用非财政拨款结余（含专用结余）', f.cell('t1', '28', 1)],
      ['年初结转和结余', f.cell('t1', '29', 1)],
    ],
    incomes.length > 0,
  );
  const spendingTotals = totalsSentence(
    `${lead}总支出`,
    f.cell('t1', '60', 2),
    ['本年支出', f.cell('t1', '57', 2)],
    [
      ['结余分配', f.cell('t1', '58', 2)],
      ['年末结转和结余', f.cell('t1', '59', 2)],
    ],
    spending.length > 0,
  );
  return {
    title: `${ds.year}年度收入支出决算总体情况说明`,
    subsections: [
      { title: '年度收入总体情况', paragraphs: [...(incomeTotals ? [incomeTotals] : []), ...incomes] },
      { title: '年度支出总体情况', paragraphs: [...(spendingTotals ? [spendingTotals] : []), ...spending] },
    ],
  };
}
