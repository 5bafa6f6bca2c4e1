import type { Dataset } from '#compile/dataset.ts';
import { smeByCategory, type Figures } from './figures.ts';
import { present, sentence, type Part } from './outline.ts';
import { changeText, percentText, phrase, reasonSentence, shareText, wan } from './phrasing.ts';

/** （一）机关运行经费: the amount against last year, and why it moved when the dataset says. */
function operatingCost(ds: Dataset, f: Figures): string[] {
  const amount = f.amount(ds.operatingCost?.amount);
  if (amount === undefined) return [];
  const base = f.prior('operating-cost');
  const why = base ? reasonSentence('主要原因', ds.reasons['operating-cost']) : undefined;
  return [
    sentence(
      `${ds.year}年度本部门机关运行经费支出${wan(amount)}`,
      base ? changeText(amount, base) : undefined,
    ) + (why ?? ''),
  ];
}

/**
 * （二）政府采购: the total as goods + works + services, the amount awarded to small and medium enterprises and
 * its share, the small and micro part of it, and the SME share of each category where it is known.
 */
function procurement(ds: Dataset, f: Figures): string[] {
  const p = ds.procurement;
  if (!p) return [];
  const goods = f.amount(p.goods) ?? 0n;
  const works = f.amount(p.works) ?? 0n;
  const services = f.amount(p.services) ?? 0n;
  const sme = f.amount(p.sme) ?? 0n;
  const smallMicro = f.amount(p.smallMicro) ?? 0n;
  const total = goods + works + services;
  const smeShare = shareText(sme, total);
  const smallShare = shareText(smallMicro, sme);
  const byCategory = smeByCategory({
    goods,
    works,
    services,
    sme,
    smeGoods: f.amount(p.smeGoods),
    smeWorks: f.amount(p.smeWorks),
    smeServices: f.amount(p.smeServices),
  });
  const categoryShares = present(
    ...(
      [
        ['货物', byCategory.goods, goods],
        ['工程', byCategory.works, works],
        ['服务', byCategory.services, services],
      ] as const
    ).map(([name, awarded, amount]) => {
      const share = awarded === undefined ? undefined : shareText(awarded, amount);
      return share === undefined ? undefined : `${name}采购授予中小企业合同金额占${name}支出金额的${share}`;
    }),
  );
  const awards = present(
    `授予中小企业合同金额${wan(sme)}`,
    smeShare ? `占政府采购支出总额的${smeShare}` : undefined,
    `其中：授予小微企业合同金额${wan(smallMicro)}`,
    smallShare ? `占授予中小企业合同金额的${smallShare}` : undefined,
  ).join('，');
  const byKind = categoryShares.length ? `；${categoryShares.join('，')}` : '';
  return [
    `${ds.year}年度本部门政府采购支出总额${wan(total)}，其中：政府采购货物支出${wan(goods)}、` +
      `政府采购工程支出${wan(works)}、政府采购服务支出${wan(services)}。${awards}${byKind}。`,
  ];
}

/** （三）国有资产占用: vehicles by kind and high-value equipment at the year's end. */
function assets(ds: Dataset): string[] {
  const a = ds.assets;
  if (!a) return [];
  const kinds = a.vehicleKinds
    .filter((k) => phrase(k.name) !== undefined)
    .map((k) => `${phrase(k.name)}${k.count}辆`)
    .join('、');
  return [
    `截至${ds.year}年12月31日，本部门共有车辆${a.vehicles}辆${kinds && a.vehicles > 0 ? `，其中，${kinds}` : ''}；` +
      `单位价值100万元以上设备（不含车辆）${a.equipmentOver1m}台（套）。`,
  ];
}

/** （四）绩效评价: the projects self-evaluated and their money as a share of 表5 项目支出, then the department's text. */
function performance(ds: Dataset, f: Figures): string[] {
  const p = ds.performance;
  if (!p) return [];
  const amount = f.amount(p.amount);
  const projectSpending = f.cell('t5', 'total', 3);
  const share =
    amount === undefined || projectSpending === undefined ? undefined : shareText(amount, projectSpending);
  const head = sentence(
    `根据预算绩效管理要求，本部门组织对${ds.year}年度一般公共预算项目支出开展绩效自评，其中一级项目${p.level1Projects}个`,
    `二级项目${p.level2Projects}个`,
    amount === undefined ? undefined : `共涉及资金${wan(amount)}`,
    share ? `占一般公共预算项目支出总额的${share}` : undefined,
  );
  const o = p.overall;
  const overallScope =
    o &&
    sentence(
      `本部门组织对${ds.year}年度部门整体支出开展绩效自评，涉及一般公共预算支出${wan(f.amount(o.generalBudget) ?? 0n)}`,
      `政府性基金预算支出${wan(f.amount(o.fund) ?? 0n)}`,
    );
  const executed = (label: string, budgetText: string, executedText: string): string | undefined => {
    const budget = f.amount(budgetText);
    const spent = f.amount(executedText);
    if (budget === undefined || spent === undefined) return undefined;
    const rate = percentText(spent, budget);
    return sentence(
      `${label}：全年预算数${wan(budget)}`,
      `执行数${wan(spent)}`,
      rate === undefined ? undefined : `完成预算的${rate}%`,
    );
  };
  const overallResult = o && executed('部门整体支出绩效自评情况', o.fullYearBudget, o.executed);
  const projects = p.projects.map((x) => executed(`${x.name}绩效自评情况`, x.fullYearBudget, x.executed));
  const text = p.text.map((t) => t.trim()).filter((t) => phrase(t) !== undefined);
  return present(head, overallScope, overallResult, ...projects, ...text);
}

/** 四、其他重要事项的情况说明: each matter only when the dataset has it. */
export function otherMattersPart(ds: Dataset, f: Figures): Part {
  return {
    title: '其他重要事项的情况说明',
    subsections: [
      { title: '机关运行经费支出情况', paragraphs: operatingCost(ds, f) },
      { title: '政府采购支出情况说明', paragraphs: procurement(ds, f) },
      { title: '国有资产占用情况说明', paragraphs: assets(ds) },
      { title: `${ds.year}年度绩效评价情况的说明`, paragraphs: performance(ds, f) },
    ],
  };
}
