import { describe, expect, it } from 'vitest';
import { GLOSSARY, UNCHECKED_STAMP, assemble } from '#compile/assemble.ts';
import type { Block } from '#compile/model.ts';
import { copyDataset, datasetFixture } from '#src/testing/datasets.ts';

const seed = datasetFixture('seed-004');

/** What the narrative writer hands over; its own tests cover what it says. */
const narrative: Block[] = [
  { kind: 'heading', level: 2, text: '一、收入支出决算总体情况说明' },
  { kind: 'paragraph', text: '本年收入合计3,193.39万元。' },
];

function headings(blocks: readonly Block[], level: 1 | 2 | 3): string[] {
  return blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
}

/** The blocks after a level-1 heading, up to the next page break. */
function partBlocks(blocks: readonly Block[], title: string): Block[] {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === title);
  const end = blocks.findIndex((b, i) => i > at && b.kind === 'heading' && b.level === 1);
  return blocks.slice(at + 1, end < 0 ? blocks.length : end);
}

describe('assemble', () => {
  const doc = assemble(seed, narrative, { unchecked: false });

  it('names the document and says whether it was checked', () => {
    expect(doc.title).toBe('广州市荔湾区政务服务数据管理局2024年度部门决算');
    expect([doc.org, doc.year, doc.unchecked]).toEqual(['广州市荔湾区政务服务数据管理局', 2024, false]);
    expect(assemble(seed, narrative, { unchecked: true }).unchecked).toBe(true);
    expect(UNCHECKED_STAMP).toBe('本文件未经 gongkai 核对通过（强制生成）');
  });

  it('has the table of contents and the four parts, each on a new page', () => {
    expect(headings(doc.blocks, 1)).toEqual([
      '目录',
      '第一部分 部门概况',
      '第二部分 2024年度部门决算表',
      '第三部分 2024年度部门决算情况说明',
      '第四部分 名词解释',
    ]);
    doc.blocks.forEach((b, i) => {
      if (b.kind === 'heading' && b.level === 1 && i > 0) expect(doc.blocks[i - 1]?.kind).toBe('page-break');
    });
    const contents = partBlocks(doc.blocks, '目录').flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(contents).toEqual([
      '第一部分 部门概况',
      '一、部门主要职责',
      '二、部门机构设置',
      '三、部门决算单位构成',
      '第二部分 2024年度部门决算表',
      '一、收入支出决算总表',
      '二、收入决算表',
      '三、支出决算表',
      '四、财政拨款收入支出决算总表',
      '五、一般公共预算财政拨款支出决算表',
      '六、一般公共预算财政拨款基本支出决算表',
      '七、政府性基金预算财政拨款收入支出决算表',
      '八、国有资本经营预算财政拨款支出决算表',
      '九、财政拨款“三公”经费支出决算表',
      '第三部分 2024年度部门决算情况说明',
      '第四部分 名词解释',
    ]);
  });

  it('prints the profile the dataset gives under its numbered headings', () => {
    const part = partBlocks(doc.blocks, '第一部分 部门概况');
    expect(part.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'page-break',
    ]);
    expect(headings(part, 2)).toEqual(['一、部门主要职责', '二、部门机构设置', '三、部门决算单位构成']);
  });

  it('leaves out a profile item the dataset lacks and numbers the others on; a line break starts a paragraph', () => {
    const ds = copyDataset(seed);
    ds.profile = { structure: '内设办公室。\n下属中心一个。', units: '本级。' };
    const part = partBlocks(assemble(ds, narrative, { unchecked: false }).blocks, '第一部分 部门概况');
    expect(part.filter((b) => b.kind !== 'page-break')).toEqual([
      { kind: 'heading', level: 2, text: '一、部门机构设置' },
      { kind: 'paragraph', text: '内设办公室。' },
      { kind: 'paragraph', text: '下属中心一个。' },
      { kind: 'heading', level: 2, text: '二、部门决算单位构成' },
      { kind: 'paragraph', text: '本级。' },
    ]);
  });

  it('leaves out a part with nothing in it; the others keep their national numbers', () => {
    const ds = copyDataset(seed);
    ds.profile = {};
    const bare = assemble(ds, [], { unchecked: false });
    expect(headings(bare.blocks, 1)).toEqual(['目录', '第二部分 2024年度部门决算表', '第四部分 名词解释']);
  });

  it('puts the nine tables on pages of their own', () => {
    const part = partBlocks(doc.blocks, '第二部分 2024年度部门决算表');
    expect(part.map((b) => (b.kind === 'table' ? b.table.id : b.kind))).toEqual([
      't1',
      'page-break',
      't2',
      'page-break',
      't3',
      'page-break',
      't4',
      'page-break',
      't5',
      'page-break',
      't6',
      'page-break',
      't7',
      'page-break',
      't8',
      'page-break',
      't9',
      'page-break',
    ]);
  });

  it('takes the narrative blocks as they are', () => {
    const part = partBlocks(doc.blocks, '第三部分 2024年度部门决算情况说明');
    expect(part.slice(0, narrative.length)).toEqual(narrative);
  });

  it('explains the standard terms in its own glossary', () => {
    const part = partBlocks(doc.blocks, '第四部分 名词解释');
    expect(part).toHaveLength(GLOSSARY.length);
    const terms = GLOSSARY.map((g) => g.term);
    for (const term of [
      '财政拨款收入',
      '事业收入',
      '经营收入',
      '其他收入',
      '年初结转和结余',
      '年末结转和结余',
      '基本支出',
      '项目支出',
      '“三公”经费',
      '机关运行经费',
    ]) {
      expect(terms).toContain(term);
    }
    expect(part[0]).toEqual({ kind: 'paragraph', text: `一、财政拨款收入：${GLOSSARY[0]?.text ?? ''}` });
  });
});
