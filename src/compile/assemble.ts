import type { Dataset } from '#compile/dataset.ts';
import { chineseOrdinal, tableBlocks } from '#compile/layout.ts';
import type { Block, CompiledDocument } from '#compile/model.ts';

/** Printed at the top of page one of a document generated although its checks found errors. */
export const UNCHECKED_STAMP = '本文件未经 gongkai 核对通过（强制生成）';

export interface AssembleOptions {
  /** Generated over error-level findings: the document is stamped as not checked. */
  unchecked: boolean;
}

/**
 * Standard terms of a 部门决算, in gongkai's own words (final-accounts-template.md §3.4 lists the set).
 * Order: income, balances, spending, then the two cost measures the narrative reports.
 */
export const GLOSSARY: readonly { term: string; text: string }[] = [
  {
    term: '财政拨款收入',
    text: '本级财政当年拨付给本部门的资金，按来源分为一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。',
  },
  { term: '上级补助收入', text: '事业单位从主管部门或上级单位取得的、不属于财政拨款的补助资金。' },
  { term: '事业收入', text: '事业单位依法开展专业业务活动及其辅助活动所取得的收入。' },
  {
    term: '经营收入',
    text: '事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动所取得的收入。',
  },
  { term: '附属单位上缴收入', text: '事业单位收到的、其附属独立核算单位按规定缴来的款项。' },
  { term: '其他收入', text: '不属于以上各类的收入，例如存款利息、捐赠等取得的资金。' },
  {
    term: '使用非财政拨款结余（含专用结余）',
    text: '事业单位按规定动用以前年度积累的非财政拨款结余（含专用结余），用于弥补本年度收支缺口的金额。',
  },
  {
    term: '年初结转和结余',
    text: '以前年度尚未用完、按规定转入本年度继续使用的资金，以及以前年度形成的结余资金。',
  },
  { term: '基本支出', text: '为维持机构正常运转、完成日常工作任务而发生的支出，由人员经费和公用经费构成。' },
  { term: '项目支出', text: '在基本支出以外，为完成特定的行政工作任务或事业发展目标而安排的支出。' },
  { term: '上缴上级支出', text: '事业单位按财政部门和主管部门的规定，向上级单位上缴的款项。' },
  {
    term: '经营支出',
    text: '事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动所发生的支出。',
  },
  { term: '对附属单位补助支出', text: '事业单位以财政拨款以外的收入，对其附属单位给予补助所发生的支出。' },
  {
    term: '结余分配',
    text: '事业单位对当年结余按规定进行的分配，包括缴纳所得税、提取专用基金和转入非财政拨款结余等。',
  },
  {
    term: '年末结转和结余',
    text: '本年度尚未用完、按规定转入下一年度继续使用的资金，以及本年度形成的结余资金。',
  },
  {
    term: '“三公”经费',
    text:
      '部门使用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费之和。因公出国（境）费是工作人员' +
      '临时出国（境）执行公务所需的往返旅费、住宿费、伙食费等；公务用车购置及运行维护费包括购置公务用车的费用，以及公务用车' +
      '日常使用所需的燃料、维修、保险、过路过桥等费用；公务接待费是按规定标准开支的各类公务接待（含外事接待）费用。',
  },
  {
    term: '机关运行经费',
    text:
      '行政单位和参照公务员法管理的事业单位为维持机关日常运转，用一般公共预算财政拨款基本支出购买货物和服务的经费，' +
      '例如办公、印刷、邮电、差旅、会议、水电、物业管理和公务用车运行维护等费用。',
  },
];

const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const PAGE_BREAK: Block = { kind: 'page-break' };

/** The department's own words: one paragraph per line of text given. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\n+/u)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(paragraph);
}

interface Part {
  /** "第一部分 部门概况": the numbers are the national structure's and stay fixed (the checker reads 第三部分). */
  title: string;
  /** Entries under the part in the table of contents. */
  contents: string[];
  blocks: Block[];
}

function profilePart(ds: Dataset): Part | undefined {
  const given: [string, string | undefined][] = [
    ['部门主要职责', ds.profile.duties],
    ['部门机构设置', ds.profile.structure],
    ['部门决算单位构成', ds.profile.units],
  ];
  const items = given.flatMap(([name, text]) =>
    text !== undefined && text.trim() !== '' ? [{ name, text }] : [],
  );
  if (items.length === 0) return undefined;
  const titles = items.map((x, i) => `${chineseOrdinal(i + 1)}、${x.name}`);
  return {
    title: '第一部分 部门概况',
    contents: titles,
    blocks: items.flatMap((x, i) => [heading(2, titles[i] ?? ''), ...paragraphs(x.text)]),
  };
}

function tablesPart(ds: Dataset): Part {
  const tables = tableBlocks(ds);
  return {
    title: `第二部分 ${ds.year}年度部门决算表`,
    contents: tables.map((t, i) => `${chineseOrdinal(i + 1)}、${t.title}`),
    blocks: tables.flatMap((table, i): Block[] => [...(i > 0 ? [PAGE_BREAK] : []), { kind: 'table', table }]),
  };
}

/**
 * The whole 部门决算公开 of a dataset: title, 目录, 第一部分 部门概况 (the profile texts the dataset gives),
 * 第二部分 the nine tables (one per page), 第三部分 情况说明 (the `narrative` blocks, written elsewhere),
 * 第四部分 名词解释. A part with nothing to print is left out; the others keep their national numbers.
 */
export function assemble(ds: Dataset, narrative: readonly Block[], opts: AssembleOptions): CompiledDocument {
  const parts: Part[] = [];
  const profile = profilePart(ds);
  if (profile) parts.push(profile);
  parts.push(tablesPart(ds));
  if (narrative.length > 0) {
    parts.push({ title: `第三部分 ${ds.year}年度部门决算情况说明`, contents: [], blocks: [...narrative] });
  }
  parts.push({
    title: '第四部分 名词解释',
    contents: [],
    blocks: GLOSSARY.map((g, i) => paragraph(`${chineseOrdinal(i + 1)}、${g.term}：${g.text}`)),
  });

  const blocks: Block[] = [
    heading(1, '目录'),
    ...parts.flatMap((p) => [paragraph(p.title), ...p.contents.map(paragraph)]),
  ];
  for (const p of parts) blocks.push(PAGE_BREAK, heading(1, p.title), ...p.blocks);
  return {
    title: `${ds.org}${ds.year}年度部门决算`,
    org: ds.org,
    year: ds.year,
    unchecked: opts.unchecked,
    blocks,
  };
}
