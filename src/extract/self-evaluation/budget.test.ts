import { describe, expect, it } from 'vitest';
import type { BudgetFigure, ProjectRow } from '#domain/self-evaluation.ts';
import { rawDocument } from '#src/testing/raw-document.ts';
import { isDepartmentSubject, partOf, projectName, readBudget } from './budget.ts';
import { readProse, sourceLines } from './prose.ts';

function read(...lines: string[]): { figures: BudgetFigure[]; projects: ProjectRow[]; used: number } {
  const doc = rawDocument(lines);
  const figures: BudgetFigure[] = [];
  const projects: ProjectRow[] = [];
  let used = 0;
  for (const p of readProse(doc, sourceLines(doc), new Set())) {
    for (const s of p.sentences) {
      const taken = new Set<number>();
      const out = readBudget(s, p, taken);
      figures.push(...out.figures);
      if (out.project) projects.push(out.project);
      used += taken.size;
    }
  }
  return { figures, projects, used };
}

function rows(figures: BudgetFigure[]): string[] {
  return figures.map((f) => `${f.measure}/${f.part}=${f.value.text} ${f.value.unit}@${f.source.line}`);
}

describe('readBudget: department figures', () => {
  it('reads measures, parts carried to the next clause, fund sources and carry-over', () => {
    const { figures, used } = read(
      '区某某局2023年年初预算数 14,416.56万元，全年预算数 16,928.47万元，',
      '决算数 16,730.50万元，完成预算的 98.83%。',
      '其中：基本支出年初预算数 1,422.84 万元，全年预算数 1,512.77 万元；项目支出决算数 15,264.86万元。',
      '按资金来源分，一般公共预算财政拨款支出 6416.64万元，政府性基金预算财政拨款支出 0 万元。',
      '年末结转和结余 0.00 万元。结转结余率为 0.00%，部门整体支出执行率为 99.96%。',
    );
    expect(rows(figures)).toEqual([
      'initial/total=14,416.56 wan-yuan@1',
      'full-year/total=16,928.47 wan-yuan@1',
      'executed/total=16,730.50 wan-yuan@2',
      'execution-rate/total=98.83 percent@2',
      'initial/basic=1,422.84 wan-yuan@3',
      'full-year/basic=1,512.77 wan-yuan@3',
      'executed/project=15,264.86 wan-yuan@3',
      'executed/general-budget=6416.64 wan-yuan@4',
      'executed/fund=0 wan-yuan@4',
      'carryover/total=0.00 wan-yuan@5',
      'carryover-rate/total=0.00 percent@5',
      'execution-rate/total=99.96 percent@5',
    ]);
    expect(used).toBe(figures.length);
  });

  it('reads the parts stated in a bracket after the whole', () => {
    const { figures } = read(
      '全年执行数为 6,094.53 万元（基本支出全年执行数 1,193.63 万元，项目支出全年执行数 4,900.89 万元）。',
    );
    expect(rows(figures)).toEqual([
      'executed/total=6,094.53 wan-yuan@1',
      'executed/basic=1,193.63 wan-yuan@1',
      'executed/project=4,900.89 wan-yuan@1',
    ]);
  });

  it('leaves figures of other subjects to the metric reader', () => {
    const { figures, used } = read(
      '“三公”经费实际支出数为 3.56 万元，公用经费实际支出数为 57.99 万元，总收入 1 万元。',
    );
    expect(figures).toEqual([]);
    expect(used).toBe(0);
  });
});

describe('readBudget: projects', () => {
  it('reads a project of a 一是… list with its adjustment, keeping a 元 slip as printed', () => {
    const { figures, projects } = read(
      '各项目的支出情况：',
      '六是某某一期项目经费，年初预算 2655.11元，年中调',
      '减预算 592.33 万元，调整后预算 1,062.78 万元，2023 年实际支',
      '出 1,062.77万元，预算执行率 100%。',
    );
    expect(figures).toEqual([]);
    expect(projects).toHaveLength(1);
    const [p] = projects;
    expect(p?.name).toBe('某某一期项目经费');
    expect(p?.source.line).toBe(2);
    expect(p?.initial).toMatchObject({ text: '2655.11', unit: 'yuan' });
    expect(p?.adjustment?.direction).toBe('decrease');
    expect(p?.adjustment?.amount).toMatchObject({ text: '592.33', unit: 'wan-yuan' });
    expect(p?.adjusted?.text).toBe('1,062.78');
    expect(p?.spent?.text).toBe('1,062.77');
    expect(p?.rate).toMatchObject({ text: '100', unit: 'percent' });
  });

  it('reads a project summary named before a colon', () => {
    const { figures, projects } = read(
      '1.“某某建设经费”项目绩效自评综述：全年预算数为 388.99 万元，执行数为 388.99 万元，完成预算的 100%。',
    );
    expect(figures).toEqual([]);
    expect(projects.map((p) => [p.name, p.adjusted?.text, p.spent?.text, p.rate?.text])).toEqual([
      ['某某建设经费', '388.99', '388.99', '100'],
    ]);
  });

  it('does not take a sentence about the evaluation of projects for a project', () => {
    const { projects } = read('我部门组织对项目开展绩效自评，共涉及资金 4190.95 万元。');
    expect(projects).toEqual([]);
  });
});

describe('subjects', () => {
  it.each([
    ['', true],
    ['区某某数据管理局2023年', true],
    ['2023年区政数局', true],
    ['我局', true],
    ['部门预算资金', true],
    ['“三公”经费', false],
    ['公用经费', false],
  ])('isDepartmentSubject(%s) = %s', (subject, expected) => {
    expect(isDepartmentSubject(subject)).toBe(expected);
  });

  it.each([
    ['基本支出', 'basic'],
    ['2023年部门整体支出', 'total'],
    ['其他资金支出', 'other'],
    ['某某项目支出', undefined],
  ])('partOf(%s) = %s', (subject, part) => {
    expect(partOf(subject)).toBe(part);
  });

  it.each([
    ['“某某经费”项目绩效自评综述', '某某经费'],
    ['某某平台建设经费项目绩效自评综述', '某某平台建设经费项目'],
    ['12345热线系统建设项目', '12345热线系统建设项目'],
  ])('projectName(%s) = %s', (text, name) => {
    expect(projectName(text)).toBe(name);
  });
});
