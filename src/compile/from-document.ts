import type { Claim } from '#domain/claim.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import { formatFixed, valueIn, type Figure } from '#domain/quantity.ts';
import { templateOf } from '#domain/final-accounts-template.ts';
import { TABLE_IDS, type ExtractedTable, type TableId } from '#domain/table.ts';
import type { Dataset, DatasetTable, PriorItem } from './dataset.ts';

/**
 * A dataset from gongkai's own extraction of a published 部门决算, so last year's document can seed this
 * year's, and a published document can be regenerated. Tables come cell by cell; the previous year's figures,
 * initial budgets and the facts only the narrative carries come from its claims. What the document does not
 * state is left out (the narrative then says less); nothing is invented.
 */
export class DatasetImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'DatasetImportError';
  }
}

/** The printed amount without separators, at its printed precision ("3,193.39" → "3193.39"). */
function amount(f: Figure, decimals = f.decimals): string {
  return formatFixed(f.value, Math.max(0, Math.min(decimals, 12)), false);
}

/** Tables whose template also reads columns the national layout does not print (see the template). */
const NATIONAL_COLUMNS: Partial<Record<TableId, number>> = { t8: 3 };

/**
 * The table in the national layout: columns the national template does not print (Shanghai's 收入支出 版 of
 * 表8 adds 年初结转和结余, 本年收入 and 年末结转和结余 as columns 4–6) are left out of the dataset.
 */
function tableOf(t: ExtractedTable | undefined): DatasetTable | undefined {
  if (!t) return undefined;
  const limit = NATIONAL_COLUMNS[t.id];
  const printed = new Set(
    templateOf(t.id)
      .panels.flatMap((p) => p.columns.map((c) => c.number))
      .filter((n) => limit === undefined || n <= limit),
  );
  const emptyNote = '本部门本年度无此类收支，本表为空表。';
  if (t.rows.length === 0) return { empty: true, note: emptyNote };
  return {
    ...(t.declaredEmpty ? { note: emptyNote } : {}),
    rows: t.rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: Object.fromEntries(
        r.cells
          .filter((c) => printed.has(c.column))
          .map((c) => [String(c.column), amount(c.figure, c.figure.blank ? 2 : c.figure.decimals)]),
      ),
    })),
  };
}

const PRIOR_SUBJECTS: readonly [RegExp, PriorItem][] = [
  [/^一般公共预算财政拨款收入$/u, 'income.general-budget'],
  [/^政府性基金预算财政拨款收入$/u, 'income.fund'],
  [/^国有资本经营预算财政拨款收入$/u, 'income.state-capital'],
  [/^上级补助收入$/u, 'income.higher-level'],
  [/^事业收入$/u, 'income.operations'],
  [/^经营收入$/u, 'income.business'],
  [/^附属单位上缴收入$/u, 'income.affiliates'],
  [/^其他收入$/u, 'income.other'],
  [/^基本支出$/u, 'expenditure.basic'],
  [/^项目支出$/u, 'expenditure.project'],
  [/^上缴上级支出$/u, 'expenditure.to-higher'],
  [/^经营支出$/u, 'expenditure.business'],
  [/^对附属单位补助支出$/u, 'expenditure.to-affiliates'],
  [/^[“"]?三公[”"]?经费(财政拨款)?支出$/u, 'three-public.total'],
  [/^因公出国[(（]境[)）]费$/u, 'three-public.abroad'],
  [/^公务用车购置及运行维护费$/u, 'three-public.vehicles'],
  [/^公务用车购置费$/u, 'three-public.vehicle-purchase'],
  [/^公务用车运行维护费$/u, 'three-public.vehicle-running'],
  [/^公务接待费$/u, 'three-public.reception'],
  [/^机关运行经费$/u, 'operating-cost'],
];

/** Last year's figure a comparison implies: this year's ∓ the stated change. */
function priorOf(c: Claim): string | undefined {
  if (!c.value) return undefined;
  const v = valueIn(c.value, 'wan-yuan');
  if (c.direction === 'flat') return amount({ ...c.value, value: v });
  if (!c.changeAmount || (c.direction !== 'increase' && c.direction !== 'decrease')) return undefined;
  const d = valueIn(c.changeAmount, 'wan-yuan');
  const magnitude = d < 0n ? -d : d;
  const prior = c.direction === 'increase' ? v - magnitude : v + magnitude;
  return amount({ ...c.value, value: prior }, Math.max(c.value.decimals, c.changeAmount.decimals));
}

function firstValue(claims: readonly Claim[], subject: RegExp): Figure | undefined {
  return claims.find((c) => subject.test(c.subject) && c.value)?.value;
}

function count(claims: readonly Claim[], subject: RegExp): number | undefined {
  const f = firstValue(claims, subject);
  return f ? Number(f.value / 10n ** 12n) : undefined;
}

/** The 绩效评价 section's claims: 部门整体支出 self-evaluation and the projects it reports. */
function inPerformance(c: Claim): boolean {
  return c.section.some((s) => /绩效评价/u.test(s));
}

function wanText(f: Figure | undefined): string | undefined {
  return f ? amount({ ...f, value: valueIn(f, 'wan-yuan') }) : undefined;
}

function overallEvaluation(claims: readonly Claim[]): NonNullable<Dataset['performance']>['overall'] {
  const perf = claims.filter(inPerformance);
  const general = wanText(firstValue(perf, /^一般公共预算支出$/u));
  const fund = wanText(firstValue(perf, /^政府性基金预算支出$/u));
  const whole = perf.find((c) => c.subject === '部门整体支出' && c.base === 'full-year-budget');
  const fullYear = wanText(whole?.baseValue);
  const executed = wanText(whole?.value);
  if (!general || !fund || !fullYear || !executed) return undefined;
  return { generalBudget: general, fund, fullYearBudget: fullYear, executed };
}

function evaluatedProjects(claims: readonly Claim[]): NonNullable<Dataset['performance']>['projects'] {
  return claims
    .filter((c) => inPerformance(c) && c.base === 'full-year-budget' && /项目$/u.test(c.subject))
    .flatMap((c) => {
      const fullYear = wanText(c.baseValue);
      const executed = wanText(c.value);
      return fullYear && executed ? [{ name: c.subject, fullYearBudget: fullYear, executed }] : [];
    });
}

export function datasetFromDocument(doc: DisclosureDocument): Dataset {
  const problems: string[] = [];
  if (doc.kind !== 'final-accounts') problems.push(`not a 部门决算 (${doc.kind})`);
  if (!doc.org) problems.push('organisation not found in the document');
  if (!doc.fiscalYear) problems.push('fiscal year not found in the document');
  const byId = new Map(doc.tables.map((t) => [t.id, t] as const));
  const tables = Object.fromEntries(TABLE_IDS.map((id) => [id, tableOf(byId.get(id))]));
  const missing = TABLE_IDS.filter((id) => !tables[id]);
  if (missing.length) problems.push(`tables not found: ${missing.join(', ')}`);
  if (problems.length) throw new DatasetImportError(problems);

  const prior: Partial<Record<PriorItem, string>> = {};
  for (const c of doc.claims.filter((x) => x.base === 'prior-final')) {
    const item = PRIOR_SUBJECTS.find(([re]) => re.test(c.subject))?.[1];
    const value = item && priorOf(c);
    if (item && value !== undefined && prior[item] === undefined) prior[item] = value;
  }
  const initial: Dataset['initialBudget'] = {};
  for (const [re, key] of [
    [/^一般公共预算财政拨款支出$/u, 'general-budget'],
    [/^政府性基金预算财政拨款支出$/u, 'fund'],
    [/^国有资本经营预算财政拨款支出$/u, 'state-capital'],
  ] as const) {
    const c = doc.claims.find((x) => x.base === 'initial-budget' && re.test(x.subject));
    const v = c && priorOf(c);
    if (v !== undefined) initial[key] = v;
  }

  const claims = doc.claims;
  const n = (re: RegExp): number => count(claims, re) ?? 0;
  const money = (re: RegExp): string | undefined => {
    const f = firstValue(claims, re);
    return f ? amount({ ...f, value: valueIn(f, 'wan-yuan') }) : undefined;
  };
  const procurementTotal = money(/^政府采购支出总额$/u);
  const operating = claims.find((c) => /^机关运行经费$/u.test(c.subject) && c.value);
  const level1 = count(claims, /^一级项目$/u);
  const level2 = count(claims, /^二级项目$/u);
  const perfAmount = money(/^涉及资金$/u);

  return {
    kind: 'final-accounts',
    org: doc.org ?? '',
    year: doc.fiscalYear ?? 0,
    unit: 'wan-yuan',
    profile: {},
    tables: tables as Dataset['tables'],
    prior: Object.keys(prior).length ? { year: (doc.fiscalYear ?? 0) - 1, figures: prior } : undefined,
    initialBudget: Object.keys(initial).length ? initial : undefined,
    reasons: {},
    threePublic: claims.some((c) => /团组|公务用车保有量|接待/u.test(c.subject))
      ? {
          abroad: { groups: n(/^因公出国[(（]境[)）]团组$/u), people: n(/^因公出国[(（]境[)）]人次$/u) },
          vehicles: { purchased: n(/^公务用车购置数$/u), held: n(/^公务用车保有量$/u) },
          reception: {
            foreignGroups: n(/^接待国外、境外来访团组$/u),
            foreignVisitors: n(/^来访外宾人次$/u),
            domesticTimes: n(/^国内接待次数$/u),
            domesticPeople: n(/^接待人数$/u),
          },
        }
      : undefined,
    operatingCost: operating?.value
      ? { amount: amount({ ...operating.value, value: valueIn(operating.value, 'wan-yuan') }) }
      : undefined,
    procurement: procurementTotal
      ? {
          goods: money(/^政府采购货物支出$/u) ?? '0.00',
          works: money(/^政府采购工程支出$/u) ?? '0.00',
          services: money(/^政府采购服务支出$/u) ?? '0.00',
          sme: money(/^授予中小企业合同金额$/u) ?? '0.00',
          smallMicro: money(/^授予小微企业合同金额$/u) ?? '0.00',
        }
      : undefined,
    assets: claims.some((c) => /^车辆$/u.test(c.subject))
      ? {
          vehicles: n(/^车辆$/u),
          vehicleKinds: claims
            .filter((c) => /用车$/u.test(c.subject) && c.value && c.section.some((s) => /国有资产/u.test(s)))
            .map((c) => ({ name: c.subject, count: Number((c.value?.value ?? 0n) / 10n ** 12n) })),
          equipmentOver1m: n(/^单位价值100万元以上设备/u),
        }
      : undefined,
    performance:
      level1 !== undefined && level2 !== undefined && perfAmount
        ? {
            level1Projects: level1,
            level2Projects: level2,
            amount: perfAmount,
            overall: overallEvaluation(claims),
            projects: evaluatedProjects(claims),
            text: [],
          }
        : undefined,
  };
}
