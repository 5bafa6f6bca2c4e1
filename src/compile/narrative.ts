import type { Dataset } from '#compile/dataset.ts';
import type { Block } from '#compile/model.ts';
import { appropriationPart } from './narrative/appropriation.ts';
import { figuresOf } from './narrative/figures.ts';
import { incomeExpenditurePart } from './narrative/income-expenditure.ts';
import { otherMattersPart } from './narrative/other-matters.ts';
import { outlineBlocks } from './narrative/outline.ts';
import { threePublicPart } from './narrative/three-public.ts';

/**
 * 第三部分 情况说明 of a 部门决算, written from a dataset in the Guangzhou template's standard phrasing
 * (final-accounts-template.md §3.1–3.2): 一 收入支出总体情况 (表1, 表3), 二 财政拨款收入支出 (表4, against last
 * year and the 年初预算), 三 “三公”经费 (表9 and the facts behind it), 四 其他重要事项 (机关运行经费, 政府采购,
 * 国有资产, 绩效评价). Every number comes from the dataset: table cells, last year's figures, initial budgets
 * and the narrative-only facts; the department's own words only as reasons and descriptions it gives. A
 * sentence whose data is missing is left out, a comparison without its base too; nothing is filled in.
 * The conventions of amounts, changes, rates and shares are in ./narrative/phrasing.ts.
 *
 * Returns headings (level 2 一、, level 3 （一）) and paragraphs; the 第三部分 heading is the caller's.
 */
export function narrativeBlocks(ds: Dataset): Block[] {
  const f = figuresOf(ds);
  return outlineBlocks([
    incomeExpenditurePart(ds, f),
    appropriationPart(ds, f),
    threePublicPart(ds, f),
    otherMattersPart(ds, f),
  ]);
}
