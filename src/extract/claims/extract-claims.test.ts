import { describe, expect, it } from 'vitest';
import type { Claim } from '#domain/claim.ts';
import type { Figure } from '#domain/quantity.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { normalizeText } from '#extract/normalize.ts';
import { extractClaims } from './extract-claims.ts';

/**
 * Sentences in the template's own phrasing (final-accounts-template.md §3.2), written for these tests;
 * figures invented. Each case lists every claim the lines must yield, in order.
 */

/** One text page, one line per argument, normalised as the readers do. */
function doc(...lines: string[]): RawDocument {
  return {
    format: 'text',
    pages: [
      {
        number: 1,
        width: 0,
        height: 0,
        lines: lines.map((raw, i) => {
          const text = normalizeText(raw);
          return { page: 1, line: i + 1, text, cells: [{ text, x0: 0, x1: 1 }], y: i };
        }),
      },
    ],
  };
}

const UNIT_LABEL: Record<Figure['unit'], string> = {
  'wan-yuan': '万元',
  yuan: '元',
  'yi-yuan': '亿元',
  percent: '%',
  count: '#',
  point: '分',
  none: '',
};

function show(f: Figure | undefined): string | undefined {
  if (!f) return undefined;
  return f.unit === 'count' ? `#${f.text}` : `${f.text}${UNIT_LABEL[f.unit]}`;
}

/** The structured fields of a claim, figures as printed with their unit; absent fields left out. */
function summary(c: Claim): Record<string, unknown> {
  const out: Record<string, unknown> = {
    subject: c.subject,
    value: show(c.value),
    base: c.base,
    baseValue: show(c.baseValue),
    percent: show(c.percent),
    direction: c.direction,
    directionWord: c.directionWord,
    changeAmount: show(c.changeAmount),
    changePercent: show(c.changePercent),
    notComparable: c.notComparable,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function claimsOf(...lines: string[]): Record<string, unknown>[] {
  return extractClaims(doc(...lines)).map(summary);
}

interface Case {
  name: string;
  lines: string[];
  claims: Record<string, unknown>[];
}

const CASES: Case[] = [
  {
    name: 'year-on-year decrease',
    lines: ['基本支出2,036.26万元，比上年决算数减少189.43万元，下降8.5%。主要变动情况：人员减少。'],
    claims: [
      {
        subject: '基本支出',
        value: '2,036.26万元',
        base: 'prior-final',
        direction: 'decrease',
        directionWord: '减少',
        changeAmount: '189.43万元',
        changePercent: '8.5%',
      },
    ],
  },
  {
    name: 'org and year prefix dropped, 其中 split',
    lines: ['某某区某某局2024年度总收入1,250.00万元，其中本年收入1,200.00万元。具体情况如下：'],
    claims: [
      { subject: '总收入', value: '1,250.00万元' },
      { subject: '本年收入', value: '1,200.00万元' },
    ],
  },
  {
    name: 'zero with 持平 keeps 0 decimals',
    lines: ['5. 事业收入0万元，与上年决算数持平。'],
    claims: [
      { subject: '事业收入', value: '0万元', base: 'prior-final', direction: 'flat', directionWord: '持平' },
    ],
  },
  {
    name: 'zero base not comparable',
    lines: [
      '政府性基金预算财政拨款收入0万元，比上年决算数增加0万元，增长--（基数为0，不可比）；主要变动情况：与上年决算数持平。',
    ],
    claims: [
      {
        subject: '政府性基金预算财政拨款收入',
        value: '0万元',
        base: 'prior-final',
        direction: 'increase',
        directionWord: '增加',
        changeAmount: '0万元',
        notComparable: true,
      },
    ],
  },
  {
    name: 'compared with the initial budget',
    lines: ['其中：一般公共预算财政拨款支出3,000.00万元，比年初预算数增加500.00万元，增长20.0%；'],
    claims: [
      {
        subject: '一般公共预算财政拨款支出',
        value: '3,000.00万元',
        base: 'initial-budget',
        direction: 'increase',
        directionWord: '增加',
        changeAmount: '500.00万元',
        changePercent: '20.0%',
      },
    ],
  },
  {
    name: 'completion and year-on-year in one clause become two claims',
    lines: [
      '2024年度“三公”经费财政拨款支出决算为6.00万元，完成全年预算8.00万元的75%，比上年决算数增加1.50万元，增长33.3%。',
    ],
    claims: [
      {
        subject: '“三公”经费财政拨款支出',
        value: '6.00万元',
        base: 'full-year-budget',
        baseValue: '8.00万元',
        percent: '75%',
      },
      {
        subject: '“三公”经费财政拨款支出',
        value: '6.00万元',
        base: 'prior-final',
        direction: 'increase',
        directionWord: '增加',
        changeAmount: '1.50万元',
        changePercent: '33.3%',
      },
    ],
  },
  {
    name: 'bare 预算 with a zero base',
    lines: [
      '其中：公务用车购置支出决算为0万元，完成预算0万元的--%（基数为0，不可比），比上年决算数增加0万元，增长--（基数为0，不可比）。',
    ],
    claims: [
      { subject: '公务用车购置费', value: '0万元', base: 'budget', baseValue: '0万元', notComparable: true },
      {
        subject: '公务用车购置费',
        value: '0万元',
        base: 'prior-final',
        direction: 'increase',
        directionWord: '增加',
        changeAmount: '0万元',
        notComparable: true,
      },
    ],
  },
  {
    name: 'shares of the 三公 total',
    lines: [
      '因公出国（境）费3.00万元，占60%；公务用车购置及运行维护费支出2.00万元，占40%；公务接待费支出0万元，占0%。',
    ],
    claims: [
      { subject: '因公出国(境)费', value: '3.00万元', base: 'total', percent: '60%' },
      { subject: '公务用车购置及运行维护费', value: '2.00万元', base: 'total', percent: '40%' },
      { subject: '公务接待费', value: '0万元', base: 'total', percent: '0%' },
    ],
  },
  {
    name: 'procurement split with 、 and a share of a named total',
    lines: [
      '2024年度本部门政府采购支出总额120.00万元，其中：政府采购货物支出20.00万元、政府采购工程支出0万元、政府采购服务支出100.00万元。授予中小企业合同金额120.00万元，占政府采购支出总额的100%；货物采购授予中小企业合同金额占货物支出金额的100%。',
    ],
    claims: [
      { subject: '政府采购支出总额', value: '120.00万元' },
      { subject: '政府采购货物支出', value: '20.00万元' },
      { subject: '政府采购工程支出', value: '0万元' },
      { subject: '政府采购服务支出', value: '100.00万元' },
      { subject: '授予中小企业合同金额', value: '120.00万元', base: 'total', percent: '100%' },
      { subject: '货物采购授予中小企业合同金额', base: 'total', percent: '100%' },
    ],
  },
  {
    name: 'counts of vehicles and equipment; a threshold is no amount',
    lines: [
      '截至2024年12月31日，本部门共有车辆2辆，其中，机要通信用车1辆、执法执勤用车1辆；单位价值100万元以上设备（不含车辆）3台（套）。',
    ],
    claims: [
      { subject: '车辆', value: '#2' },
      { subject: '机要通信用车', value: '#1' },
      { subject: '执法执勤用车', value: '#1' },
      { subject: '单位价值100万元以上设备(不含车辆)', value: '#3' },
    ],
  },
  {
    name: 'a bare measure takes the noun of the count before it',
    lines: ['1.因公出国（境）费支出4.00万元。全年使用财政拨款安排出国（境）团组2个、累计5人次。'],
    claims: [
      { subject: '因公出国(境)费', value: '4.00万元' },
      { subject: '因公出国(境)团组', value: '#2' },
      { subject: '因公出国(境)人次', value: '#5' },
    ],
  },
  {
    name: 'reception counts',
    lines: [
      '公务接待费支出0万元，共接待国外、境外来访团组0个，来访外宾0人次；发生国内接待0次，接待人数共0人。',
    ],
    claims: [
      { subject: '公务接待费', value: '0万元' },
      { subject: '接待国外、境外来访团组', value: '#0' },
      { subject: '来访外宾人次', value: '#0' },
      { subject: '国内接待次数', value: '#0' },
      { subject: '接待人数', value: '#0' },
    ],
  },
  {
    name: 'central 项 sentence takes its subject from the numbered item',
    lines: [
      '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：机关日常运转。年初预算为100.00万元，支出决算为98.50万元，完成年初预算的98.50%。决算数小于预算数的主要原因：人员变动。',
    ],
    claims: [
      {
        subject: '一般公共服务支出(类)财政事务(款)行政运行(项)',
        value: '98.50万元',
        base: 'initial-budget',
        baseValue: '100.00万元',
        percent: '98.50%',
        direction: 'decrease',
        directionWord: '小于',
      },
    ],
  },
  {
    name: 'a completion rate in a sentence of its own, then 持平',
    lines: [
      '2、住房保障支出（类）住房改革支出（款）购房补贴（项）。年初预算为10.00万元，支出决算为10.00万元。完成年初预算的100.00%。决算数同预算数持平。',
    ],
    claims: [
      {
        subject: '住房保障支出(类)住房改革支出(款)购房补贴(项)',
        value: '10.00万元',
        base: 'initial-budget',
        baseValue: '10.00万元',
        percent: '100.00%',
        direction: 'flat',
        directionWord: '持平',
      },
    ],
  },
  {
    name: 'two budgets stated for one amount',
    lines: [
      '一般公共预算财政拨款支出年初预算为0万元，全年预算为200.00万元，支出决算为190.00万元，完成年初预算的95.00%。',
    ],
    claims: [
      {
        subject: '一般公共预算财政拨款支出',
        value: '190.00万元',
        base: 'initial-budget',
        baseValue: '0万元',
        percent: '95.00%',
      },
      {
        subject: '一般公共预算财政拨款支出',
        value: '190.00万元',
        base: 'full-year-budget',
        baseValue: '200.00万元',
      },
    ],
  },
  {
    name: '与…相比 in the next sentence keeps the amount of the first',
    lines: [
      '上海市某某局2024年度收入支出总计500.00万元。与2023年度相比，收入支出总计减少20.00万元，下降3.85%。主要原因：项目减少。',
    ],
    claims: [
      { subject: '收入支出总计', value: '500.00万元' },
      {
        subject: '收入支出总计',
        value: '500.00万元',
        base: 'prior-final',
        direction: 'decrease',
        directionWord: '减少',
        changeAmount: '20.00万元',
        changePercent: '3.85%',
      },
    ],
  },
  {
    name: 'structure by 类 with shares',
    lines: [
      '一般公共预算财政拨款支出400.00万元，主要用于以下方面：一般公共服务支出（类）300.00万元，占75.00%；住房保障支出（类）100.00万元，占25.00%。',
    ],
    claims: [
      { subject: '一般公共预算财政拨款支出', value: '400.00万元' },
      { subject: '一般公共服务支出(类)', value: '300.00万元', base: 'total', percent: '75.00%' },
      { subject: '住房保障支出(类)', value: '100.00万元', base: 'total', percent: '25.00%' },
    ],
  },
  {
    name: 'personnel and public expenses',
    lines: [
      '一般公共预算财政拨款基本支出300.00万元。其中：人员经费250.00万元，主要包括：基本工资、津贴补贴；公用经费50.00万元，主要包括：办公费、印刷费。',
    ],
    claims: [
      { subject: '一般公共预算财政拨款基本支出', value: '300.00万元' },
      { subject: '人员经费', value: '250.00万元' },
      { subject: '公用经费', value: '50.00万元' },
    ],
  },
  {
    name: '机关运行经费 named without 支出',
    lines: ['2024年度本部门机关运行经费支出40.00万元，比上年决算数减少2.00万元，下降4.8%。'],
    claims: [
      {
        subject: '机关运行经费',
        value: '40.00万元',
        base: 'prior-final',
        direction: 'decrease',
        directionWord: '减少',
        changeAmount: '2.00万元',
        changePercent: '4.8%',
      },
    ],
  },
  {
    name: 'contradictory direction words stay visible',
    lines: ['“三公”经费财政拨款支出决算数比2023年度减少0.10万元，下降（增长）20.00%。'],
    claims: [
      {
        subject: '“三公”经费财政拨款支出',
        base: 'prior-final',
        direction: 'decrease',
        directionWord: '减少/下降(增长)',
        changeAmount: '0.10万元',
        changePercent: '20.00%',
      },
    ],
  },
  {
    name: 'amounts in 元 and a percent without its sign',
    lines: ['机关运行经费支出123,456.78元，比上年决算数增加1,000.00元，增长0.82。'],
    claims: [
      {
        subject: '机关运行经费',
        value: '123,456.78元',
        base: 'prior-final',
        direction: 'increase',
        directionWord: '增加',
        changeAmount: '1,000.00元',
        changePercent: '0.82%',
      },
    ],
  },
  {
    name: 'a lead-in names the topic of a self-evaluation',
    lines: ['部门整体支出绩效自评情况：全年预算数500.00万元，执行数495.00万元，完成预算的99.0%。'],
    claims: [
      {
        subject: '部门整体支出',
        value: '495.00万元',
        base: 'full-year-budget',
        baseValue: '500.00万元',
        percent: '99.0%',
      },
    ],
  },
  {
    name: '万 without 元 and an amount in brackets',
    lines: ['国内公务接待支出0.50万（含外宾接待支出0.00万元）。'],
    claims: [
      { subject: '国内公务接待支出', value: '0.50万元' },
      { subject: '外宾接待支出', value: '0.00万元' },
    ],
  },
  {
    name: 'a sentence broken across lines',
    lines: ['国有资本经营预算财政拨款支出0万元，比年初预算数增加0万', '元，增长--（基数为0，不可比）。'],
    claims: [
      {
        subject: '国有资本经营预算财政拨款支出',
        value: '0万元',
        base: 'initial-budget',
        direction: 'increase',
        directionWord: '增加',
        changeAmount: '0万元',
        notComparable: true,
      },
    ],
  },
  {
    name: 'a remark on the 三公 budget in a later paragraph',
    lines: [
      '“三公”经费财政拨款支出决算为6.00万元，完成全年预算8.00万元的75%。',
      '2024年度“三公”经费支出决算小于预算数的主要情况：厉行节约。',
    ],
    claims: [
      {
        subject: '“三公”经费财政拨款支出',
        value: '6.00万元',
        base: 'full-year-budget',
        baseValue: '8.00万元',
        percent: '75%',
        direction: 'decrease',
        directionWord: '小于',
      },
    ],
  },
  {
    name: 'procurement amounts scoped by the words before them',
    lines: ['在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额30.00万元。'],
    claims: [
      {
        subject: '在面向中小企业预留的政府采购项目中,由中小企业供应商中标或成交的,采购金额',
        value: '30.00万元',
      },
    ],
  },
  {
    name: 'performance counts with their money',
    lines: [
      '编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；其中一级项目3个，二级项目20个，共涉及资金157.13万元，占项目支出总额的100%。',
    ],
    claims: [
      { subject: '编报绩效目标的项目', value: '#4' },
      { subject: '编报绩效目标的项目涉及预算金额', value: '598.42万元' },
      { subject: '一级项目', value: '#3' },
      { subject: '二级项目', value: '#20' },
      { subject: '涉及资金', value: '157.13万元', base: 'total', percent: '100%' },
    ],
  },
  {
    name: 'prose numbers are not claims',
    lines: [
      '累计为1000余家企业提供服务，按时办结率达100%，完成10个信息项目立项，订阅用户2.1万户，排名全市第2。',
    ],
    claims: [],
  },
];

describe('extractClaims: sentence forms', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(claimsOf(...c.lines)).toEqual(c.claims);
  });
});

describe('extractClaims: claim records', () => {
  const claims = extractClaims(
    doc(
      '第三部分 某某局2024年度部门决算情况说明',
      '一、收入支出决算总体情况说明',
      '（一）年度支出总体情况',
      '1. 基本支出2,036.26万元，比上年决算数减少189.43万元，下降8.5%；项目支出1,157.13万元，比上年决算数减少3,033.82万元，下降72.4%。',
    ),
  );

  it('ids count the claims printed on one line', () => {
    expect(claims.map((c) => c.id)).toEqual(['c1-4-1', 'c1-4-2']);
  });

  it('keeps the headings above the sentence and the sentence piece', () => {
    const [first] = claims;
    expect(first?.section).toEqual(['一、收入支出决算总体情况说明', '(一)年度支出总体情况', '1.基本支出']);
    expect(first?.sentence).toBe('1.基本支出2,036.26万元,比上年决算数减少189.43万元,下降8.5%');
    expect(first?.source).toMatchObject({ page: 1, line: 4 });
  });

  it('parses figures with their printed precision', () => {
    expect(claims[0]?.value).toEqual({
      text: '2,036.26',
      value: 2_036_260_000_000_000n,
      decimals: 2,
      unit: 'wan-yuan',
    });
    expect(claims[0]?.changePercent).toMatchObject({ text: '8.5', decimals: 1, unit: 'percent' });
  });

  it('points the source at the line that prints the value', () => {
    const split = extractClaims(doc('公务用车购置及运行维护费支出', '1.72万元，占25.3%。'));
    expect(split.map((c) => [c.subject, c.source.line])).toEqual([['公务用车购置及运行维护费', 2]]);
    expect(split[0]?.id).toBe('c1-2-1');
  });
});
