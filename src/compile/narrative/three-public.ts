import type { Dataset, PriorItem } from '#compile/dataset.ts';
import type { Figures } from './figures.ts';
import { numbered, present, sentence, type Part } from './outline.ts';
import {
  changeText,
  completionText,
  phrase,
  reasonSentence,
  roundCents,
  shareText,
  wan,
  type Wan,
} from './phrasing.ts';

/** 表9: each item's 决算数 and 预算数 columns and its prior-year figure. */
const ITEMS = {
  total: { label: '“三公”经费财政拨款', actual: 7, budget: 1, prior: 'three-public.total' },
  abroad: { label: '因公出国（境）费', actual: 8, budget: 2, prior: 'three-public.abroad' },
  vehicles: { label: '公务用车购置及运行维护费', actual: 9, budget: 3, prior: 'three-public.vehicles' },
  purchase: { label: '公务用车购置费', actual: 10, budget: 4, prior: 'three-public.vehicle-purchase' },
  running: { label: '公务用车运行维护费', actual: 11, budget: 5, prior: 'three-public.vehicle-running' },
  reception: { label: '公务接待费', actual: 12, budget: 6, prior: 'three-public.reception' },
} as const satisfies Record<string, { label: string; actual: number; budget: number; prior: PriorItem }>;

type Item = keyof typeof ITEMS;

function actual(f: Figures, item: Item): Wan | undefined {
  return f.cell('t9', 'row', ITEMS[item].actual);
}

/** "X支出决算为A万元，完成预算B万元的p%，比上年决算数…": an item against its budget and last year. */
function itemClause(ds: Dataset, f: Figures, item: Item): string | undefined {
  const { label, budget, prior } = ITEMS[item];
  const value = actual(f, item);
  if (value === undefined) return undefined;
  const b = f.cell('t9', 'row', budget);
  const base = f.prior(prior);
  const why = base ? phrase(ds.reasons[prior]) : undefined;
  const clauses = [
    `${label}支出决算为${wan(value)}`,
    b === undefined ? undefined : completionText(value, b, item === 'total' ? '全年预算' : '预算'),
    base ? changeText(value, base) : undefined,
  ].filter((c): c is string => c !== undefined);
  return clauses.join('，') + (why ? `；主要变动情况：${why}` : '');
}

/** （一）总体: the total against its full-year budget and last year, then each item, then the reasons. */
function overall(ds: Dataset, f: Figures): string[] {
  const total = itemClause(ds, f, 'total');
  const parts = present(itemClause(ds, f, 'abroad'), itemClause(ds, f, 'vehicles'));
  const vehicleParts = present(itemClause(ds, f, 'purchase'), itemClause(ds, f, 'running'));
  if (vehicleParts.length > 0) parts.push(`其中：${vehicleParts.join('；')}`);
  parts.push(...present(itemClause(ds, f, 'reception')));
  const opening =
    total === undefined
      ? undefined
      : `${ds.org}${ds.year}年度${total}${parts.length ? `。其中：${parts.join('；')}` : ''}。`;

  const value = actual(f, 'total');
  const budget = f.cell('t9', 'row', ITEMS.total.budget);
  const prior = f.prior('three-public.total');
  const subject = `${ds.year}年度“三公”经费支出决算`;
  let vsBudget: string | undefined;
  if (value !== undefined && budget !== undefined) {
    const cmp = roundCents(value) - roundCents(budget);
    if (cmp < 0n)
      vsBudget = reasonSentence(`${subject}小于预算数的主要情况`, ds.reasons['three-public.below-budget']);
    if (cmp > 0n)
      vsBudget = reasonSentence(`${subject}大于预算数的主要情况`, ds.reasons['three-public.above-budget']);
  }
  let vsPrior: string | undefined;
  if (value !== undefined && prior !== undefined) {
    const cmp = roundCents(value - prior.value);
    if (cmp > 0n) {
      vsPrior = reasonSentence(
        `${subject}大于${prior.label}的主要情况`,
        ds.reasons['three-public.above-prior'],
      );
    }
    if (cmp < 0n) {
      vsPrior = reasonSentence(
        `${subject}小于${prior.label}的主要情况`,
        ds.reasons['three-public.below-prior'],
      );
    }
  }
  return present(opening, vsBudget, vsPrior);
}

/** （二）具体: each item's share of the total, then the groups, vehicles and receptions behind it. */
function specific(ds: Dataset, f: Figures): string[] {
  const total = actual(f, 'total');
  const facts = ds.threePublic;
  const amountWithShare = (item: Item, label: string): string | undefined => {
    const v = actual(f, item);
    if (v === undefined) return undefined;
    // Shares of a total of zero say nothing (and cannot add up to 100%): the amounts stand alone.
    const share = total === undefined || total === 0n ? undefined : shareText(v, total);
    return `${label}${wan(v)}${share ? `，占${share}` : ''}`;
  };
  const shares = present(
    amountWithShare('abroad', '因公出国（境）费'),
    amountWithShare('vehicles', '公务用车购置及运行维护费'),
    amountWithShare('reception', '公务接待费'),
  );
  const intro =
    shares.length === 0
      ? undefined
      : `${ds.year}年度“三公”经费财政拨款支出决算中，${shares.join('；')}。具体情况如下：`;

  const abroad = actual(f, 'abroad');
  const abroadItem =
    abroad === undefined
      ? undefined
      : `因公出国（境）费支出${wan(abroad)}。` +
        (facts
          ? `全年使用财政拨款安排出国（境）团组${facts.abroad.groups}个、累计${facts.abroad.people}人次。`
          : '') +
        (phrase(facts?.abroad.purpose) ? `开支内容包括：${phrase(facts?.abroad.purpose)}。` : '');

  const vehicles = actual(f, 'vehicles');
  const purchase = actual(f, 'purchase');
  const running = actual(f, 'running');
  const use = phrase(facts?.vehicles.use);
  const vehicleParts = present(
    purchase === undefined
      ? undefined
      : [`公务用车购置费${wan(purchase)}`, facts ? `公务用车购置数${facts.vehicles.purchased}辆` : undefined]
          .filter(Boolean)
          .join('，'),
    running === undefined
      ? undefined
      : [
          `公务用车运行维护费${wan(running)}`,
          facts ? `公务用车保有量${facts.vehicles.held}辆` : undefined,
          use ? `主要用于${use}` : undefined,
        ]
          .filter(Boolean)
          .join('，'),
  );
  const vehicleItem =
    vehicles === undefined
      ? undefined
      : `公务用车购置及运行维护费支出${wan(vehicles)}` +
        (vehicleParts.length ? `，其中：${vehicleParts.join('；')}` : '') +
        '。';

  const reception = actual(f, 'reception');
  const r = facts?.reception;
  const receptionItem =
    reception === undefined
      ? undefined
      : sentence(
          `公务接待费支出${wan(reception)}`,
          phrase(r?.use) ? `主要用于${phrase(r?.use)}` : undefined,
        ) +
        (r
          ? `共接待国外、境外来访团组${r.foreignGroups}个，来访外宾${r.foreignVisitors}人次；` +
            `发生国内接待${r.domesticTimes}次，接待人数共${r.domesticPeople}人。`
          : '');

  const items = numbered([abroadItem, vehicleItem, receptionItem]);
  return present(intro, ...items);
}

/** 三、{year}年度财政拨款“三公”经费支出决算情况说明 (表9 and the facts behind it). */
export function threePublicPart(ds: Dataset, f: Figures): Part {
  return {
    title: `${ds.year}年度财政拨款“三公”经费支出决算情况说明`,
    subsections: [
      { title: '“三公”经费财政拨款支出决算总体情况说明', paragraphs: overall(ds, f) },
      { title: '“三公”经费财政拨款支出决算具体情况说明', paragraphs: specific(ds, f) },
    ],
  };
}
