import { describe, expect, it } from 'vitest';
import { loadIndicatorSystems } from '#adapters/indicator-systems.ts';
import { formatInterval, parseFigure, type Figure, type Unit } from '#domain/quantity.ts';
import type {
  BudgetFigure,
  IndicatorRow,
  Quantity,
  SelfEvaluation,
  StatedMetric,
  StatedScore,
} from '#domain/self-evaluation.ts';
import type { SourceRef } from '#domain/source.ts';
import { formatRounded } from './arith.ts';
import { scoreEvaluation } from './engine.ts';
import type { IndicatorResult, ScoreReport } from './report.ts';

const systems = new Map(loadIndicatorSystems().map((s) => [s.id, s]));
function system(id: string) {
  const s = systems.get(id);
  if (!s) throw new Error(`no system ${id}`);
  return s;
}
const GZ = system('gz-district-dept-overall');

// ——— a hand-made self-evaluation that mirrors 海珠区政务服务数据管理局 2022 (seed 003) ———

let line = 0;
function src(text: string, page = 3): SourceRef {
  return { page, line: ++line, text };
}
function fig(text: string, unit: Unit): Figure {
  const f = parseFigure(text, unit);
  if (!f) throw new Error(text);
  return f;
}
function q(text: string, measure = ''): Quantity {
  const percent = text.endsWith('%');
  return { value: fig(percent ? text.slice(0, -1) : text, percent ? 'percent' : 'count'), measure };
}
function target(text: string, comparator: 'ge' | 'gt' | 'lt' | 'le', value: string, measure = '') {
  return { text, comparator, quantity: q(value, measure) };
}
function outputRow(
  index: number,
  level2: string,
  name: string,
  t: IndicatorRow['target'],
  rate: string,
  actual?: Quantity,
): IndicatorRow {
  return {
    group: 'output',
    table: '表1 产出指标完成情况表',
    index,
    level2,
    name,
    target: t,
    actual,
    completionRate: fig(rate, 'percent'),
    source: src(`${index} ${level2} ${name}`, 4),
  };
}
function outcomeRow(index: number, name: string, t: IndicatorRow['target'], actual?: Quantity): IndicatorRow {
  return {
    group: 'outcome',
    table: '表2 效益指标完成情况表',
    index,
    level2: '社会效益',
    name,
    target: t,
    actual,
    completionRate: fig('100', 'percent'),
    source: src(`${index} 社会效益 ${name}`, 5),
  };
}
function score(indicator: string, points: string, value: string, reason?: string): StatedScore {
  const s: StatedScore = {
    indicator,
    points: fig(points, 'point'),
    score: fig(value, 'point'),
    source: src(`${indicator}（指标分值 ${points} 分，自评得分 ${value} 分）`),
  };
  if (reason) {
    s.reason = reason;
    s.deduction = fig(String(Number(points) - Number(value)), 'point');
  }
  return s;
}
function money(measure: BudgetFigure['measure'], text: string): BudgetFigure {
  return { measure, part: 'total', value: fig(text, 'wan-yuan'), source: src(`${measure} ${text}`, 2) };
}
function metric(subject: string, text: string, unit: Unit = 'wan-yuan'): StatedMetric {
  return { subject, quantity: { value: fig(text, unit), measure: '' }, source: src(`${subject} ${text}`) };
}

function haizhu2022(): SelfEvaluation {
  line = 0;
  return {
    scope: 'department',
    budget: [money('full-year', '4794.76'), money('executed', '4794.76'), money('carryover', '0')],
    projects: [],
    indicators: [
      outputRow(
        1,
        '数量指标',
        '年度服务人次',
        target('8万以上', 'ge', '80000', '人次'),
        '112',
        q('89460', '人次'),
      ),
      outputRow(
        2,
        '数量指标',
        '区政务服务中心服务事项数量',
        target('900项以上', 'ge', '900', '项'),
        '106',
        q('956', '项'),
      ),
      outputRow(3, '数量指标', '服务人次', target('20000', 'ge', '20000'), '109', q('21816', '人次')),
      outputRow(
        4,
        '时效指标',
        '重点片区重点项目建设进度跟进率',
        target('100%', 'ge', '100%'),
        '100',
        q('100%'),
      ),
      outputRow(5, '数量指标', '走访企业次数', target('10', 'ge', '10'), '100', q('10')),
      outputRow(6, '质量指标', '全站不能正常访问链接数量低于5%', target('低于5%', 'lt', '5%'), '100'),
      outputRow(7, '数量指标', '数据处理和分析专题场景数量', target('≥5', 'ge', '5'), '100', q('10')),
      outputRow(8, '数量指标', '智能事件识别算法数量', target('≥10', 'ge', '10'), '100', q('24')),
      outputRow(9, '数量指标', '对接前端感知视频监控路数', target('≥60', 'ge', '60'), '100', q('197')),
      outputRow(
        10,
        '数量指标',
        '总出口带宽数量',
        target('>=2200M', 'ge', '2200', 'M'),
        '100',
        q('2200', 'M'),
      ),
      outputRow(11, '数量指标', '政务网光纤接入点数量', target('≥500', 'ge', '500'), '110', q('551')),
      outputRow(
        12,
        '数量指标',
        'OA系统全年收发文数量',
        target('>=400000', 'ge', '400000'),
        '185',
        q('742000', '份'),
      ),
      outputRow(13, '数量指标', '立项通过率', target('>=85%', 'ge', '85%'), '100', q('91.3%')),
      outputRow(14, '数量指标', '12345热线年度大数据分析报告', target('1', 'ge', '1'), '100'),
      outputRow(15, '数量指标', '上线运行12345热线管理智能辅助平台', target('1', 'ge', '1'), '100'),
      outcomeRow(1, '开展审批辅导次数', target('≥10', 'ge', '10'), q('10')),
      outcomeRow(2, '政务公开类行政诉讼败诉率', target('低于20%', 'lt', '20%'), q('0%')),
      outcomeRow(3, '全年主干网络畅通率', target('>=90%', 'ge', '90%')),
      outcomeRow(4, '视频会议畅通率', target('>=90%', 'ge', '90%')),
      outcomeRow(5, '区审批系统故障响应率', target('>=95%', 'ge', '95%'), q('100%')),
      outcomeRow(6, '市区街政务服务数据同步上传率', target('>=95%', 'ge', '95%'), q('100%')),
      outcomeRow(7, '故障响应率', target('100%', 'ge', '100%'), q('100%')),
    ],
    scores: [
      {
        indicator: '总分',
        score: fig('97', 'point'),
        total: true,
        statedScope: 'department',
        source: src('自评得分为：97分', 2),
      },
      score('履职效能', '50', '50'),
      score('部门整体绩效目标产生指标完成情况', '20', '20'),
      score('部门整体绩效目标效益指标完成情况', '20', '20'),
      score('部门预算资金支出率', '10', '10'),
      score('管理效率', '50', '47'),
      score('预算编制', '3', '3'),
      score('新增项目事项绩效评估', '3', '3'),
      score('预算执行', '4', '4'),
      score('结转结余率', '2', '2'),
      score('财务管理合规性', '2', '2'),
      score('信息公开', '4', '4'),
      score('预决算公开合规性', '2', '2'),
      score('绩效信息公开情况', '2', '2'),
      score('绩效管理', '15', '12'),
      score('绩效管理制度建设', '5', '5'),
      score('绩效结果运用', '3', '2', '未建立完善绩效评价结果与本单位预算编制管理相挂钩工作机制'),
      score('绩效管理制度执行', '7', '5', '项目绩效指标设置考核作用不够高，项目产出效益考察作用不强'),
      score('采购管理', '10', '10'),
      score('采购意向公开合规性', '2', '2'),
      score('采购内控制度建设', '1', '1'),
      score('采购活动合规性', '2', '2'),
      score('采购合同签订时效性', '3', '3'),
      score('合同备案时效性', '1', '1'),
      score('采购政策效能', '1', '1'),
      score('资产管理', '10', '10'),
      score('资产配置合规性', '2', '2'),
      score('资产收益上缴的及时性', '1', '1'),
      score('资产盘点情况', '1', '1'),
      score('数据质量', '2', '2'),
      score('资产管理合规性', '2', '2'),
      score('固定资产利用率', '2', '2'),
      score('运行成本', '4', '4'),
      score('公共经费控制情况', '2', '2'),
      score('“三公”经费控制情况', '2', '2'),
    ],
    grade: { grade: '优', source: src('绩效等级为优', 2) },
    counts: [
      { subject: '产出指标', count: 15, source: src('15项产出指标') },
      { subject: '效益指标', count: 7, source: src('7项效益指标') },
    ],
    metrics: [
      metric('政府采购支出总额', '1,799.58'),
      metric('授予中小企业合同金额', '1,203.3'),
      metric('固定资产利用率', '100', 'percent'),
      metric('公用经费实际支出数', '57.99'),
      metric('“三公”经费实际支出数', '3.56'),
      metric('“三公”经费预算安排数', '3.56'),
    ],
  };
}

function byId(report: ScoreReport): Map<string, IndicatorResult> {
  return new Map(report.indicators.map((r) => [r.id, r]));
}
function get(report: ScoreReport, id: string): IndicatorResult {
  const r = byId(report).get(id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}
const two = (i: { lo: bigint; hi: bigint } | undefined) => (i ? formatRounded(i, 2) : 'none');

describe('scoreEvaluation on 海珠 2022 (seed 003 mirrored)', () => {
  const report = scoreEvaluation(haizhu2022(), GZ);

  it('matches every stated score to an indicator', () => {
    expect(report.unmatched).toEqual([]);
    expect(report.indicators.filter((r) => !r.stated).map((r) => r.id)).toEqual([]);
    expect(get(report, 'lz.output').stated).toMatchObject({
      printed: '部门整体绩效目标产生指标完成情况',
      how: 'alias',
    });
    expect(get(report, 'gl.running-cost.public-funds').stated?.how).toBe('alias');
  });

  it('reproduces every stated aggregate, the total 97 and the grade 优', () => {
    const aggregates = report.indicators.filter((r) => r.kind === 'aggregate');
    expect(aggregates.map((r) => [r.id, r.status, two(r.used?.score)])).toEqual([
      ['lz', 'reproduced', '50.00'],
      ['gl', 'reproduced', '47.00'],
      ['gl.budgeting', 'reproduced', '3.00'],
      ['gl.execution', 'reproduced', '4.00'],
      ['gl.disclosure', 'reproduced', '4.00'],
      ['gl.performance', 'reproduced', '12.00'],
      ['gl.procurement', 'reproduced', '10.00'],
      ['gl.assets', 'reproduced', '10.00'],
      ['gl.running-cost', 'reproduced', '4.00'],
    ]);
    expect(report.total.status).toBe('reproduced');
    // The sum of the two reproduced level-1 scores: within a hundredth of 97.
    expect(two(report.total.recomputed)).toBe('96.99～97.01');
    expect(report.total.recomputed?.hi).toBeGreaterThanOrEqual(97n * 10n ** 12n);
    expect(report.grade).toMatchObject({ status: 'reproduced', possible: ['优'] });
    expect(report.cannotSupport).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('recomputes the target groups from their 15 and 7 rows, using printed completion rates only where needed', () => {
    const output = get(report, 'lz.output');
    expect(output.status).toBe('reproduced');
    expect(output.targets).toHaveLength(15);
    expect(output.targets?.filter((t) => t.met === 'no')).toEqual([]);
    expect(output.targets?.filter((t) => t.basis === 'completion-rate').map((t) => t.index)).toEqual([
      6, 14, 15,
    ]);
    expect(output.notes.map((n) => n.zh)).toContain('3 项按所印完成率计分（未取得可比的实际值）');
    expect(formatInterval(output.targets?.[0]?.weight ?? { lo: 0n, hi: 0n }, 4)).toBe('1.3333');
    const outcome = get(report, 'lz.outcome');
    expect(outcome.status).toBe('reproduced');
    expect(outcome.targets).toHaveLength(7);
  });

  it('reproduces the spending rate from 4794.76 / 4794.76 and keeps the source line of the stated score', () => {
    const rate = get(report, 'lz.spending-rate');
    expect(rate.status).toBe('reproduced');
    expect(rate.value?.region).toBe('inside');
    expect(rate.value?.inputs.map((i) => [i.name, i.figure.text])).toEqual([
      ['executed', '4794.76'],
      ['full_year', '4794.76'],
    ]);
    expect(rate.stated?.source.text).toBe('部门预算资金支出率（指标分值 10 分，自评得分 10 分）');
    expect(rate.notes[0]?.en).toMatch(/the mapping is not official/);
  });

  it('accepts judged deductions with their reasons, and leaves computed scores without figures unverified', () => {
    expect(get(report, 'gl.performance.use')).toMatchObject({ status: 'accepted-as-stated', kind: 'manual' });
    expect(get(report, 'gl.performance.practice').stated?.reason).toMatch(/考核作用不够高/);
    expect(get(report, 'gl.procurement.contract-signing').status).toBe('cannot-verify');
    expect(get(report, 'gl.running-cost.public-funds').notes[0]?.zh).toMatch(/缺公用经费预算安排/);
    expect(get(report, 'gl.procurement.sme-share')).toMatchObject({
      status: 'reproduced',
      value: { region: 'inside' },
    });
    expect(
      formatInterval(get(report, 'gl.procurement.sme-share').value?.interval ?? { lo: 0n, hi: 0n }, 2),
    ).toBe('66.86～66.87');
  });
});

describe('scoreEvaluation never invents a deduction', () => {
  it('shows a candidate outside the observed full-marks region but does not score with it', () => {
    const ev = haizhu2022();
    ev.budget = [money('full-year', '1000.00'), money('executed', '950.00')];
    const report = scoreEvaluation(ev, GZ);
    const rate = get(report, 'lz.spending-rate');
    expect(rate.status).toBe('cannot-verify');
    expect(rate.recomputed).toBeUndefined();
    expect(two(rate.candidate)).toBe('9.50');
    expect(rate.used).toMatchObject({ basis: 'stated' });
    expect(rate.notes.map((n) => n.en).join(' ')).toMatch(
      /no official mapping for this jurisdiction and year/,
    );
    expect(rate.notes.map((n) => n.en).join(' ')).toMatch(/above the candidate rule/);
    // The stated 10 still stands in the sums: the total is unchanged.
    expect(report.total.status).toBe('reproduced');
  });

  it('flags full marks for a group whose rows show a missed target', () => {
    const ev = haizhu2022();
    const first = ev.indicators[0];
    if (!first) throw new Error('fixture');
    first.actual = q('60000', '人次');
    first.completionRate = fig('75', 'percent');
    const report = scoreEvaluation(ev, GZ);
    const output = get(report, 'lz.output');
    expect(output.status).toBe('unsupported');
    expect(output.targets?.[0]).toMatchObject({ met: 'no', basis: 'actual' });
    expect(two(output.targets?.[0]?.recomputed)).toBe('1.00');
    expect(report.cannotSupport).toEqual([
      expect.objectContaining({ indicator: 'lz.output', reason: 'full-marks-short' }),
    ]);
    // The parent sums the stated 20: the candidate weights are not official.
    expect(output.used?.basis).toBe('stated');
  });

  it('flags a deduction without a reason and says which part of it the report explains', () => {
    const ev = haizhu2022();
    const use = ev.scores.find((s) => s.indicator === '绩效结果运用');
    if (!use) throw new Error('fixture');
    delete use.reason;
    const report = scoreEvaluation(ev, GZ);
    expect(get(report, 'gl.performance.use').status).toBe('unsupported');
    expect(report.cannotSupport.map((u) => [u.indicator, u.reason, u.source?.text])).toEqual([
      ['gl.performance.use', 'deduction-without-reason', '绩效结果运用（指标分值 3 分，自评得分 2 分）'],
    ]);
  });

  it('finds sub-scores that do not add up and a grade that does not follow', () => {
    const ev = haizhu2022();
    const perf = ev.scores.find((s) => s.indicator === '绩效管理');
    if (!perf) throw new Error('fixture');
    perf.score = fig('13', 'point');
    ev.grade = { grade: '良', source: src('绩效等级为良') };
    const report = scoreEvaluation(ev, GZ);
    expect(get(report, 'gl.performance')).toMatchObject({ status: 'differs' });
    // 5 + 2 + 5 as printed, each ±0.005.
    expect(two(get(report, 'gl.performance').recomputed)).toBe('11.99～12.02');
    expect(report.grade).toMatchObject({ status: 'differs', possible: ['优'] });
  });
});

describe('scoreEvaluation: matching and scope', () => {
  it('lists scores no indicator matches and a total of another scope', () => {
    const ev = haizhu2022();
    ev.scores.push(
      { indicator: '智慧城市建设经费项目', score: fig('98', 'point'), source: src('项目自评 98 分') },
      {
        indicator: '总分',
        score: fig('96', 'point'),
        total: true,
        statedScope: 'project',
        source: src('项目 96 分'),
      },
    );
    const report = scoreEvaluation(ev, GZ);
    expect(report.unmatched.map((u) => [u.printed, u.reason.en])).toEqual([
      ['智慧城市建设经费项目', 'no indicator of the system has this name'],
      ['总分', "a total for the project scope, not this system's"],
    ]);
    expect(report.total.stated?.score.text).toBe('97');
  });

  it('warns when the report is of another scope, when points differ and when a score is stated twice', () => {
    const ev = haizhu2022();
    ev.scope = 'project';
    ev.scores.push({ ...score('预算编制', '5', '3') }, score('运行成本', '4', '3', '超支'));
    const report = scoreEvaluation(ev, GZ);
    expect(report.warnings.map((w) => w.en)).toEqual([
      'this indicator system is for department evaluations; the report is a project evaluation',
      expect.stringMatching(/^Running costs: p\.3 l\.\d+ states 3 instead of 4$/),
    ]);
    // The second statement of 预算编制 agrees on the score; its points are not checked (the first is used).
    expect(get(report, 'gl.budgeting').stated?.points?.text).toBe('3');
  });

  it('reads a report that prints 5 points for a 3-point indicator as a system mismatch', () => {
    const ev = haizhu2022();
    const bz = ev.scores.find((s) => s.indicator === '预算编制');
    if (!bz) throw new Error('fixture');
    bz.points = fig('5', 'point');
    const report = scoreEvaluation(ev, GZ);
    expect(report.warnings.map((w) => w.zh)).toEqual(['预算编制：报告列此项分值 5 分，指标体系为 3.00 分']);
  });
});

describe('scoreEvaluation: national project system', () => {
  const MOF = system('mof-project-selfeval');

  it('scores with a mapping once the system makes it official: the same data then yields a difference', () => {
    const official = structuredClone(MOF);
    const exec = official.indicators.find((i) => i.id === 'exec');
    if (!exec?.mapping) throw new Error('fixture');
    exec.mapping = { ...exec.mapping, status: 'official', may_conclude: 'score' };
    const ev = (stated: string): SelfEvaluation => ({
      scope: 'project',
      budget: [
        { measure: 'execution-rate', part: 'total', value: fig('95.00', 'percent'), source: src('95.00%') },
      ],
      projects: [],
      indicators: [],
      scores: [{ indicator: '预算执行率', score: fig(stated, 'point'), source: src(`预算执行率 ${stated}`) }],
      counts: [],
      metrics: [],
    });
    const candidate = get(scoreEvaluation(ev('10'), MOF), 'exec');
    expect([candidate.status, candidate.recomputed, two(candidate.candidate)]).toEqual([
      'cannot-verify',
      undefined,
      '9.50',
    ]);
    const differs = get(scoreEvaluation(ev('10'), official), 'exec');
    expect(differs.status).toBe('differs');
    expect(two(differs.recomputed)).toBe('9.50');
    expect(get(scoreEvaluation(ev('9.5'), official), 'exec').status).toBe('reproduced');
  });

  it('drops 满意度 when a complete report has none, and rescales the rest to 100', () => {
    const ev: SelfEvaluation = {
      scope: 'project',
      budget: [],
      projects: [],
      indicators: [
        {
          group: 'output',
          table: '产出',
          name: '建设里程',
          target: target('≥10', 'ge', '10'),
          actual: q('12'),
          points: fig('50', 'point'),
          source: src('建设里程'),
        },
        {
          group: 'outcome',
          table: '效益',
          name: '通行时间缩短',
          target: target('≥10%', 'ge', '10%'),
          actual: q('8%'),
          points: fig('30', 'point'),
          source: src('通行时间缩短'),
        },
      ],
      scores: [],
      counts: [],
      metrics: [],
    };
    const report = scoreEvaluation(ev, MOF);
    expect(get(report, 'satisfaction').status).toBe('not-applicable');
    expect(two(get(report, 'outcome').points)).toBe('33.33');
    // "8%" stands for [7.5, 8.5]% of a 10% target: 0.75 to 0.85 of 33.33.
    expect(two(get(report, 'outcome').recomputed)).toBe('25.00～28.33');
    expect(report.warnings[0]?.zh).toMatch(/报告没有满意度指标/);
  });
});
