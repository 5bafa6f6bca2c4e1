import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import { narrativeBlocks } from '#compile/narrative.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';

function seed(): Dataset {
  const json: unknown = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'fixtures', 'datasets', 'seed-004.json'), 'utf8'),
  );
  return DatasetSchema.parse(json);
}

function text(ds: Dataset): string {
  return narrativeBlocks(ds)
    .map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''))
    .join('\n');
}

function headings(ds: Dataset): string[] {
  return narrativeBlocks(ds).flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
}

/** The seed's 表9 with other 决算数 (栏7–12) and 预算数 (栏1–6). */
function withT9(ds: Dataset, cells: Record<string, string>): Dataset {
  const t9 = ds.tables.t9;
  if ('empty' in t9) throw new Error('seed 表9 is not empty');
  const row = t9.rows[0];
  if (!row) throw new Error('seed 表9 has no row');
  return { ...ds, tables: { ...ds.tables, t9: { rows: [{ ...row, cells: { ...row.cells, ...cells } }] } } };
}

describe('what the dataset does not hold is not said', () => {
  it('without last year: amounts without comparisons, and no reasons', () => {
    const ds = seed();
    const t = text({ ...ds, prior: undefined });
    expect(t).not.toMatch(/上年/u);
    // The reasons for last year's changes go with the comparisons; the one against the 年初预算 stays.
    for (const [key, reason] of Object.entries(ds.reasons)) {
      const words = reason.replace(/。$/u, '');
      if (key.startsWith('appropriation.') || key === 'three-public.below-budget') expect(t).toContain(words);
      else expect(t).not.toContain(words);
    }
    expect(t).toContain('1.一般公共预算财政拨款收入3,193.39万元。');
    expect(t).toContain('1.基本支出2,036.26万元。');
    expect(t).toContain('2024年度本部门机关运行经费支出47.89万元。');
    // The budget comparisons stay.
    expect(t).toContain('完成全年预算10.55万元的64.3%。');
    expect(t).toContain('比年初预算数增加594.33万元，增长22.9%');
  });

  it('without initial budgets: the appropriation spending as amounts', () => {
    const t = text({ ...seed(), initialBudget: undefined });
    expect(t).not.toMatch(/年初预算/u);
    expect(t).toContain(
      '其中：一般公共预算财政拨款支出3,193.39万元；政府性基金预算财政拨款支出0万元；国有资本经营预算财政拨款支出0万元。',
    );
  });

  it('without one prior figure: that item alone goes without comparison', () => {
    const ds = seed();
    const figures = { ...ds.prior?.figures };
    delete figures['expenditure.project'];
    const t = text({ ...ds, prior: { year: 2023, figures } });
    expect(t).toContain('2.项目支出1,157.13万元。\n');
    expect(t).toContain('1.基本支出2,036.26万元，比上年决算数减少189.43万元，下降8.5%。');
  });

  it('without the 三公 facts: shares and amounts, no counts', () => {
    const t = text({ ...seed(), threePublic: undefined });
    expect(t).toContain('因公出国（境）费5.06万元，占74.6%');
    expect(t).toContain('1.因公出国（境）费支出5.06万元。\n');
    expect(t).toContain(
      '2.公务用车购置及运行维护费支出1.72万元，其中：公务用车购置费0万元；公务用车运行维护费1.72万元。',
    );
    expect(t).toContain('3.公务接待费支出0万元。');
    expect(t).not.toMatch(/团组|保有量|人次/u);
  });

  it('without the other matters: 四 closes up, and goes when nothing is left', () => {
    const ds = seed();
    expect(headings({ ...ds, operatingCost: undefined, assets: undefined }).slice(-3)).toEqual([
      '四、其他重要事项的情况说明',
      '（一）政府采购支出情况说明',
      '（二）2024年度绩效评价情况的说明',
    ]);
    const none = {
      ...ds,
      operatingCost: undefined,
      procurement: undefined,
      assets: undefined,
      performance: undefined,
    };
    expect(headings(none).at(-1)).toBe('（二）“三公”经费财政拨款支出决算具体情况说明');
  });

  it('placeholders and empty words are never printed', () => {
    const ds = seed();
    const t = text({
      ...ds,
      reasons: {
        ...ds.reasons,
        'income.general-budget': 'XX',
        'expenditure.basic': '  。 ',
        'operating-cost': '×××',
      },
      threePublic: ds.threePublic && {
        ...ds.threePublic,
        abroad: { ...ds.threePublic.abroad, purpose: 'XXX' },
        reception: { ...ds.threePublic.reception, use: '无' },
      },
      performance: ds.performance && { ...ds.performance, text: ['XXXX', '绩效自评结果另行公开。'] },
    });
    expect(t).not.toMatch(/XX|××|：。/u);
    expect(t).toContain(
      '1.一般公共预算财政拨款收入3,193.39万元，比上年决算数减少3,223.25万元，下降50.2%。\n',
    );
    expect(t).toContain('2024年度本部门机关运行经费支出47.89万元，比上年决算数减少2.05万元，下降4.1%。\n');
    expect(t).not.toContain('开支内容包括');
    expect(t).not.toContain('主要用于无');
    expect(t).toContain('绩效自评结果另行公开。');
  });
});

describe('comparisons follow the figures', () => {
  it('a zero base is not comparable; zero to zero is 持平', () => {
    const ds = seed();
    const t = text({
      ...ds,
      prior: {
        year: 2023,
        figures: { ...ds.prior?.figures, 'income.general-budget': '0', 'income.fund': '0' },
      },
    });
    expect(t).toContain(
      '1.一般公共预算财政拨款收入3,193.39万元，比上年决算数增加3,193.39万元，增长--（基数为0，不可比）。',
    );
    expect(t).toContain('2.政府性基金预算财政拨款收入0万元，与上年决算数持平。');
  });

  it('the 三公 reason sentences only where the figures point their way', () => {
    const ds = seed();
    const reasons = {
      ...ds.reasons,
      'three-public.above-budget': '年中追加出国任务。',
      'three-public.below-prior': '压减公务用车开支。',
    };
    // 6.78 below its budget of 10.55 and above last year's 1.94: the seed's two reasons.
    const below = text({ ...ds, reasons });
    expect(below).toContain('2024年度“三公”经费支出决算小于预算数的主要情况：');
    expect(below).toContain('2024年度“三公”经费支出决算大于上年决算数的主要情况：');
    expect(below).not.toMatch(/大于预算数|小于上年/u);
    // Above a budget of 5.00 and below last year's 10.00.
    const above = text({
      ...withT9(ds, { '1': '5.00' }),
      reasons,
      prior: { year: 2023, figures: { ...ds.prior?.figures, 'three-public.total': '10.00' } },
    });
    expect(above).toContain('完成全年预算5.00万元的135.6%');
    expect(above).toContain('2024年度“三公”经费支出决算大于预算数的主要情况：年中追加出国任务。');
    expect(above).toContain('2024年度“三公”经费支出决算小于上年决算数的主要情况：压减公务用车开支。');
    expect(above).not.toMatch(/小于预算数|大于上年/u);
    // Equal to the budget: no reason at all.
    expect(text({ ...withT9(ds, { '1': '6.78' }), reasons })).not.toMatch(/预算数的主要情况/u);
  });

  it('a 表9 printed empty: every item 0, budgets not comparable, no shares of a zero total', () => {
    const ds = seed();
    const t = text({
      ...ds,
      tables: { ...ds.tables, t9: { empty: true, note: '本部门本年度无“三公”经费支出。' } },
    });
    expect(t).toContain(
      '“三公”经费财政拨款支出决算为0万元，完成全年预算0万元的--%（基数为0，不可比），比上年决算数减少1.94万元，下降100%。',
    );
    // Shares of a zero total cannot add up to 100%: the amounts stand alone.
    expect(t).toContain('因公出国（境）费0万元；公务用车购置及运行维护费0万元；公务接待费0万元。');
    expect(t).not.toContain('占0%');
  });

  it('a dataset in 元 is compared on 元: 1.7216 against 1.9466 万元 falls 11.6%', () => {
    const ds = seed();
    const t = text({
      ...ds,
      unit: 'yuan',
      operatingCost: { amount: '17216' },
      prior: { year: 2023, figures: { 'operating-cost': '19466' } },
    });
    // The printed amounts alone (1.72 and 1.95) would give 11.8%.
    expect(t).toContain('机关运行经费支出1.72万元，比上年决算数减少0.23万元，下降11.6%。');
  });

  it('procurement shares per category only where they are known', () => {
    const ds = seed();
    const p = ds.procurement;
    if (!p) throw new Error('seed has procurement');
    const partial = text({ ...ds, procurement: { ...p, sme: '100.00', smallMicro: '40.00' } });
    expect(partial).toContain('授予中小企业合同金额100.00万元，占政府采购支出总额的51.7%');
    expect(partial).toContain(
      '占授予中小企业合同金额的40%；工程采购授予中小企业合同金额占工程支出金额的0%。',
    );
    expect(partial).not.toMatch(/货物采购授予|服务采购授予/u);
    const given = text({
      ...ds,
      procurement: { ...p, sme: '100.00', smallMicro: '40.00', smeGoods: '8.04' },
    });
    expect(given).toContain(
      '货物采购授予中小企业合同金额占货物支出金额的100%，工程采购授予中小企业合同金额占工程支出金额的0%，服务采购授予中小企业合同金额占服务支出金额的49.6%。',
    );
  });

  it('vehicles by kind, and none listed when there are none', () => {
    const ds = seed();
    const kinds = [
      { name: '机要通信用车', count: 1 },
      { name: '执法执勤用车', count: 2 },
    ];
    expect(text({ ...ds, assets: { vehicles: 3, vehicleKinds: kinds, equipmentOver1m: 0 } })).toContain(
      '截至2024年12月31日，本部门共有车辆3辆，其中，机要通信用车1辆、执法执勤用车2辆；单位价值100万元以上设备（不含车辆）0台（套）。',
    );
    expect(text({ ...ds, assets: { vehicles: 0, vehicleKinds: [], equipmentOver1m: 2 } })).toContain(
      '本部门共有车辆0辆；单位价值100万元以上设备（不含车辆）2台（套）。',
    );
  });
});
