import type { LocalizedText } from '#domain/finding.ts';
import { formatInterval, intervalOf, overlaps, point, sub, sum, type Interval } from '#domain/quantity.ts';
import type { IndicatorRow, SelfEvaluation, StatedScore } from '#domain/self-evaluation.ts';
import { ZERO, formatRounded, maxB, minB, mulDiv, plainDecimal, scale, scoreInterval } from './arith.ts';
import { nameIndex, nameKey } from '#domain/indicator-names.ts';
import type {
  ComputedValue,
  GradeResult,
  IndicatorResult,
  IndicatorStatus,
  ScoreReport,
  StatedRef,
  TargetResult,
  TotalResult,
  UnmatchedScore,
  Unsupported,
  UnsupportedReason,
} from './report.ts';
import type { Grade, Indicator, IndicatorSystem, Region, ScoreFunction } from './system.schema.ts';
import { scoreRow, type TargetParams } from './targets.ts';
import { computeValue } from './values.ts';

export interface ScoreOptions {
  /** Indicators a reviewer declares not applicable; handled by each indicator's na_policy. */
  notApplicable?: readonly string[];
  /** Overrides the system's choice for missed ≤ targets. */
  reverse?: 'ratio' | 'linear';
}

interface Node {
  ind: Indicator;
  level: number;
  parent?: Node;
  children: Node[];
}

/** Everything one evaluation run shares. */
interface Run {
  system: IndicatorSystem;
  ev: SelfEvaluation;
  params: TargetParams;
  stated: Map<string, StatedRef[]>;
  /** Indicators dropped with their points given to their siblings. */
  dropped: Set<string>;
  /** Indicators that do not apply and earn full marks by their na_policy. */
  fullByPolicy: Set<string>;
  results: Map<string, IndicatorResult>;
  cannotSupport: Unsupported[];
  warnings: LocalizedText[];
}

const fmt = (run: Run, i: Interval) => formatRounded(i, run.system.score_decimals);

/**
 * Scores a self-evaluation against an indicator system: matches every stated score to an indicator,
 * recomputes what the report's figures allow, sums the tree, and says per indicator whether the stated score
 * is reproduced, differs, cannot be verified, is accepted as stated or is unsupported by the evidence.
 *
 * The engine never invents a deduction: outside an official mapping it reproduces full marks only where the
 * system records that full marks are given, and otherwise leaves the stated score standing, unverified.
 * All arithmetic is on exact decimal intervals; a printed score stands for the interval of its last digit.
 */
export function scoreEvaluation(
  evaluation: SelfEvaluation,
  system: IndicatorSystem,
  options: ScoreOptions = {},
): ScoreReport {
  const q = system.targets.qualitative;
  const run: Run = {
    system,
    ev: evaluation,
    params: {
      reverse: options.reverse ?? system.targets.reverse,
      qualitative: { met: q.met, 'partly-met': q.partly_met, 'not-met': q.not_met },
    },
    stated: new Map(),
    dropped: new Set(),
    fullByPolicy: new Set(),
    results: new Map(),
    cannotSupport: [],
    warnings: [],
  };
  if (evaluation.scope !== system.scope) {
    run.warnings.push({
      zh: `本指标体系用于${scopeZh(system.scope)}，而报告为${scopeZh(evaluation.scope)}自评`,
      en: `this indicator system is for ${system.scope} evaluations; the report is a ${evaluation.scope} evaluation`,
    });
  }
  const roots = buildTree(system.indicators);
  const { totals, unmatched } = matchScores(run);
  applyNotApplicable(run, roots, options.notApplicable ?? []);

  const rootPoints = point(system.total_points);
  for (const r of roots) evaluate(run, r, childPoints(run, roots, r, rootPoints));
  markNoEvidence(run, roots, false);

  const total = totalResult(run, roots, totals);
  const grade = gradeResult(run, total);
  return {
    system: {
      id: system.id,
      version: system.version,
      name: system.name,
      status: system.status,
      statusNote: system.status_note,
      scope: system.scope,
      jurisdiction: { zh: system.jurisdiction.zh, en: system.jurisdiction.en },
      years: system.years,
      totalPoints: system.total_points,
      scoreDecimals: system.score_decimals,
    },
    evaluationScope: evaluation.scope,
    indicators: system.indicators.map((i) => {
      const r = run.results.get(i.id);
      if (!r) throw new Error(`indicator ${i.id} was not evaluated`);
      return r;
    }),
    total,
    grade,
    unmatched,
    cannotSupport: run.cannotSupport,
    warnings: run.warnings,
  };
}

function scopeZh(s: 'department' | 'project'): string {
  return s === 'department' ? '部门整体支出' : '项目支出';
}

function buildTree(indicators: readonly Indicator[]): Node[] {
  const nodes = new Map<string, Node>();
  const roots: Node[] = [];
  for (const ind of indicators) {
    const parent = ind.parent === undefined ? undefined : nodes.get(ind.parent);
    const node: Node = { ind, level: parent ? parent.level + 1 : 1, parent, children: [] };
    nodes.set(ind.id, node);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

// ——— matching stated scores ———

function statedRef(run: Run, s: StatedScore, how: StatedRef['how']): StatedRef {
  return {
    printed: s.indicator,
    how,
    score: s.score,
    interval: scoreInterval(s.score, run.system.stated_score_min_decimals),
    points: s.points,
    deduction: s.deduction,
    reason: s.reason,
    source: s.source,
  };
}

const TOTAL_KEYS = new Set(['总分', '总', '自评总分', '自评']);

function matchScores(run: Run): { totals: StatedRef[]; unmatched: UnmatchedScore[] } {
  const index = nameIndex(
    run.system.indicators.map((i) => ({ id: i.id, name: i.name_zh, aliases: i.aliases })),
  );
  const totals: StatedRef[] = [];
  const unmatched: UnmatchedScore[] = [];
  for (const s of run.ev.scores) {
    if (s.total || TOTAL_KEYS.has(nameKey(s.indicator))) {
      if (s.statedScope && s.statedScope !== run.system.scope) {
        unmatched.push({
          printed: s.indicator,
          score: s.score,
          source: s.source,
          reason: {
            zh: `这是${scopeZh(s.statedScope)}的总分，不属于本指标体系`,
            en: `a total for the ${s.statedScope} scope, not this system's`,
          },
        });
      } else totals.push(statedRef(run, s, 'total'));
      continue;
    }
    const m = index.match(s.indicator);
    if (!m) {
      unmatched.push({
        printed: s.indicator,
        score: s.score,
        source: s.source,
        reason: { zh: '指标体系中没有这个指标', en: 'no indicator of the system has this name' },
      });
      continue;
    }
    const list = run.stated.get(m.id) ?? [];
    list.push(statedRef(run, s, m.how));
    run.stated.set(m.id, list);
  }
  return { totals, unmatched };
}

/** The first statement of a score; a later one with another score is noted and warned about. */
function primary(run: Run, refs: StatedRef[] | undefined, name: LocalizedText, notes: LocalizedText[]) {
  const [first, ...rest] = refs ?? [];
  for (const r of rest) {
    if (!first || overlaps(r.interval, first.interval)) continue;
    const n = {
      zh: `第${r.source.page}页第${r.source.line}行另报 ${r.score.text} 分，与 ${first.score.text} 分不同`,
      en: `p.${r.source.page} l.${r.source.line} states ${r.score.text} instead of ${first.score.text}`,
    };
    notes.push(n);
    run.warnings.push({ zh: `${name.zh}：${n.zh}`, en: `${name.en}: ${n.en}` });
  }
  return first;
}

// ——— not applicable, and the points that move ———

function applyNotApplicable(run: Run, roots: Node[], declared: readonly string[]): void {
  const all = new Map<string, Node>();
  const visit = (n: Node) => {
    all.set(n.ind.id, n);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  for (const id of declared) {
    const node = all.get(id);
    if (!node) {
      run.warnings.push({
        zh: `未知指标 ${id}（不适用声明）`,
        en: `unknown indicator ${id} declared not applicable`,
      });
      continue;
    }
    const policy = node.ind.na_policy;
    if (policy === 'full-marks') run.fullByPolicy.add(id);
    else {
      if (policy === 'none') {
        run.warnings.push({
          zh: `${node.ind.name_zh} 在本体系中没有“不适用”规则，按声明剔除并重新分配分值`,
          en: `${node.ind.name_en} has no not-applicable rule in this system; dropped as declared, points rescaled`,
        });
      }
      run.dropped.add(id);
    }
  }
  // A targets group with no rows and no stated score does not apply, where the system drops it, provided the
  // report's target tables are otherwise there (a report that prints no outcome rows either is incomplete).
  const hasRows = (ind: Indicator) => run.ev.indicators.some((r) => ind.groups?.includes(r.group));
  const targets = [...all.values()].map((n) => n.ind).filter((i) => i.kind === 'targets');
  const tablesPresent = targets.filter((i) => i.na_policy !== 'drop-and-rescale').every(hasRows);
  for (const ind of targets) {
    if (ind.na_policy !== 'drop-and-rescale' || run.stated.has(ind.id) || hasRows(ind) || !tablesPresent)
      continue;
    run.dropped.add(ind.id);
    run.warnings.push({
      zh: `报告没有${ind.name_zh}，按本体系规则剔除，其分值按比例分给其他指标`,
      en: `the report has no ${ind.name_en}; dropped by the system's rule, its points shared among the others`,
    });
  }
  // An aggregate whose children are all dropped is dropped itself.
  const settle = (n: Node): boolean => {
    if (n.children.length) {
      const allDropped = n.children.map(settle).every(Boolean);
      if (allDropped) run.dropped.add(n.ind.id);
    }
    return run.dropped.has(n.ind.id);
  };
  roots.forEach(settle);
}

/** A child's points: its share of the parent's points among the siblings that apply. */
function childPoints(run: Run, siblings: Node[], child: Node, parentPoints: Interval): Interval {
  if (run.dropped.has(child.ind.id)) return point(child.ind.points);
  const applicable = siblings
    .filter((s) => !run.dropped.has(s.ind.id))
    .reduce((t, s) => t + s.ind.points, 0n);
  return scale(parentPoints, child.ind.points, applicable);
}

// ——— evaluation ———

interface Decision {
  status: IndicatorStatus;
  notes: LocalizedText[];
  unsupported?: { reason: UnsupportedReason; message: LocalizedText };
}

const FULL_MARKS_SHORT: LocalizedText = {
  zh: '给了满分，但数字显示未达标',
  en: 'full marks although the figures fall short',
};
const NO_REASON: LocalizedText = { zh: '扣分未说明理由', en: 'points deducted without a stated reason' };

interface DecideInput {
  points: Interval;
  stated?: StatedRef;
  recomputed?: Interval;
  /** The recomputation stands against the stated score (sums; official mappings). */
  conclusive: boolean;
  /** Some figure shows a target or requirement was not met. */
  figuresShort: boolean;
  /** The figures themselves account for a score below full marks. */
  explained: boolean;
  /** What stands when nothing could be recomputed. */
  otherwise: 'accepted-as-stated' | 'cannot-verify';
  fmt: (i: Interval) => string;
}

/** The status of a stated score against what the engine could establish. */
function decide(d: DecideInput): Decision {
  const S = d.stated?.interval;
  if (!d.stated || !S) return { status: 'not-stated', notes: [] };
  if (S.lo > d.points.hi) {
    return {
      status: 'differs',
      notes: [
        { zh: `自评分超过分值 ${d.fmt(d.points)}`, en: `the score exceeds the points ${d.fmt(d.points)}` },
      ],
    };
  }
  const full = overlaps(S, d.points);
  const belowFull = S.hi < d.points.lo;
  if (d.recomputed && overlaps(S, d.recomputed)) return { status: 'reproduced', notes: [] };
  if (full && d.figuresShort) {
    return {
      status: 'unsupported',
      unsupported: { reason: 'full-marks-short', message: FULL_MARKS_SHORT },
      notes: [FULL_MARKS_SHORT],
    };
  }
  if (d.recomputed && d.conclusive) {
    return {
      status: 'differs',
      notes: [{ zh: `复核得分为 ${d.fmt(d.recomputed)}`, en: `recomputed score ${d.fmt(d.recomputed)}` }],
    };
  }
  if (belowFull && !d.stated.reason && !d.explained) {
    return {
      status: 'unsupported',
      unsupported: { reason: 'deduction-without-reason', message: NO_REASON },
      notes: [NO_REASON],
    };
  }
  if (d.recomputed) return { status: 'cannot-verify', notes: [] };
  return { status: d.otherwise, notes: [] };
}

function nameOf(ind: Indicator): LocalizedText {
  return { zh: ind.name_zh, en: ind.name_en };
}

function base(run: Run, node: Node, points: Interval, notes: LocalizedText[]): IndicatorResult {
  const ind = node.ind;
  const stated = primary(run, run.stated.get(ind.id), nameOf(ind), notes);
  if (stated?.points && !overlaps(intervalOf(stated.points), points)) {
    const n = {
      zh: `报告列此项分值 ${stated.points.text} 分，指标体系为 ${fmt(run, points)} 分`,
      en: `the report gives ${stated.points.text} points; the system ${fmt(run, points)}`,
    };
    notes.push(n);
    run.warnings.push({ zh: `${ind.name_zh}：${n.zh}`, en: `${ind.name_en}: ${n.en}` });
  }
  if (stated?.deduction && stated.points) {
    const left = sub(intervalOf(stated.points), intervalOf(stated.deduction));
    if (!overlaps(left, stated.interval))
      notes.push({
        zh: `分值 ${stated.points.text} 扣 ${stated.deduction.text} 分，与自评分 ${stated.score.text} 不符`,
        en: `${stated.points.text} less ${stated.deduction.text} is not the stated ${stated.score.text}`,
      });
  }
  return {
    id: ind.id,
    parent: ind.parent,
    level: node.level,
    name: nameOf(ind),
    kind: ind.kind,
    points,
    systemPoints: ind.points,
    mappingStatus: ind.mapping?.status,
    stated,
    status: 'not-stated',
    notes,
  };
}

function record(run: Run, r: IndicatorResult, d: Decision): void {
  r.status = d.status;
  r.notes.push(...d.notes);
  if (d.unsupported) {
    const m = d.unsupported.message;
    run.cannotSupport.push({
      indicator: r.id,
      reason: d.unsupported.reason,
      message: { zh: `${r.name.zh}：${m.zh}`, en: `${r.name.en}: ${m.en}` },
      source: r.stated?.source,
    });
  }
}

function evaluate(run: Run, node: Node, points: Interval): IndicatorResult {
  for (const c of node.children) evaluate(run, c, childPoints(run, node.children, c, points));
  const ind = node.ind;
  const r = base(run, node, points, []);
  run.results.set(ind.id, r);
  if (run.dropped.has(ind.id)) {
    r.status = 'not-applicable';
    r.notes.push({
      zh: '不适用：剔除，分值按比例分给同级指标',
      en: 'not applicable: dropped, its points shared among its siblings',
    });
    return r;
  }
  if (!overlaps(points, point(ind.points))) {
    r.notes.push({
      zh: `因同级指标不适用，分值由 ${fmt(run, point(ind.points))} 调整为 ${fmt(run, points)}`,
      en: `points rescaled from ${fmt(run, point(ind.points))} to ${fmt(run, points)} as a sibling does not apply`,
    });
  }
  switch (ind.kind) {
    case 'aggregate':
      evaluateAggregate(run, node, r);
      break;
    case 'targets':
      evaluateTargets(run, ind, r);
      break;
    case 'computed':
      evaluateComputed(run, ind, r);
      break;
    case 'evidence':
    case 'manual':
      evaluateJudged(run, ind, r);
      break;
  }
  if (r.status === 'reproduced' && r.recomputed && r.stated) {
    // Both hold: the score lies where the parts allow and where the printed score allows.
    r.used = { score: intersect(r.recomputed, r.stated.interval), basis: 'recomputed' };
  } else {
    if (r.recomputed && solid(ind, r)) r.used = { score: r.recomputed, basis: 'recomputed' };
    else if (r.stated) r.used = { score: r.stated.interval, basis: 'stated' };
    else if (r.recomputed) {
      r.notes.push({
        zh: '复算分依据非官方规则，不计入上级合计',
        en: 'the recomputed score rests on a rule that is not official; it is not summed into the parent',
      });
    }
  }
  return r;
}

/**
 * Whether the parent may sum a recomputed score that does not meet the stated one: sums and official mappings
 * always. Otherwise the recomputation concludes only full marks (every target met, a value in the full-marks
 * region), and only where the report states no score: a disputed score is flagged where it is, and the
 * parent goes on checking the report's own arithmetic with the stated score.
 */
function solid(ind: Indicator, r: IndicatorResult): boolean {
  if (!r.recomputed) return false;
  if (ind.kind === 'aggregate' || ind.mapping?.status === 'official') return true;
  return r.stated === undefined && overlaps(r.recomputed, r.points);
}

function fullByPolicy(run: Run, ind: Indicator, r: IndicatorResult): boolean {
  if (!run.fullByPolicy.has(ind.id)) return false;
  r.recomputed = r.points;
  r.notes.push({ zh: '不适用：按本体系规则给满分', en: 'not applicable: full marks by the system’s rule' });
  return true;
}

function evaluateJudged(run: Run, ind: Indicator, r: IndicatorResult): void {
  const full = fullByPolicy(run, ind, r);
  const d = decide({
    points: r.points,
    stated: r.stated,
    recomputed: full ? r.recomputed : undefined,
    conclusive: false,
    figuresShort: false,
    explained: false,
    otherwise: 'accepted-as-stated',
    fmt: (i) => fmt(run, i),
  });
  if (d.status === 'accepted-as-stated') {
    d.notes.push(
      ind.kind === 'manual'
        ? { zh: '需人工评判，自评分照录', en: 'a matter of judgement; the stated score stands' }
        : {
            zh: '需查证材料，引擎无法判断，自评分照录',
            en: 'needs documents the engine cannot judge; the stated score stands',
          },
    );
  }
  record(run, r, d);
}

function intersect(a: Interval, b: Interval): Interval {
  return { lo: maxB(a.lo, b.lo), hi: minB(a.hi, b.hi) };
}

function inRegion(v: Interval, region: Region): boolean {
  return (region.ge === undefined || v.hi >= region.ge) && (region.le === undefined || v.lo <= region.le);
}

function regionText(region: Region): string {
  const parts: string[] = [];
  if (region.ge !== undefined) parts.push(`≥ ${plainDecimal(region.ge)}%`);
  if (region.le !== undefined) parts.push(`≤ ${plainDecimal(region.le)}%`);
  return parts.join(', ');
}

function applyFunction(fn: ScoreFunction, v: Interval, points: Interval): Interval {
  const fa = fn.proportional.full_at;
  const lo = minB(maxB(v.lo, 0n), fa);
  const hi = minB(maxB(v.hi, 0n), fa);
  return { lo: mulDiv(points.lo, lo, fa).lo, hi: mulDiv(points.hi, hi, fa).hi };
}

function evaluateComputed(run: Run, ind: Indicator, r: IndicatorResult): void {
  const mapping = ind.mapping;
  if (!mapping) throw new Error(`${ind.id}: computed without mapping`);
  const { value, notes } = computeValue(ind, run.ev);
  r.notes.push(...notes);
  let computed: ComputedValue | undefined;
  if (value) {
    computed = { ...value };
    if (mapping.full_marks)
      computed.region = inRegion(value.interval, mapping.full_marks) ? 'inside' : 'outside';
    r.value = computed;
  }
  const f = (i: Interval) => fmt(run, i);
  if (!fullByPolicy(run, ind, r) && computed) {
    const shown = `${formatRounded(computed.interval, 2)}%`;
    if (mapping.may_conclude === 'score' && mapping.function) {
      r.recomputed = applyFunction(mapping.function, computed.interval, r.points);
      r.notes.push({ zh: `${shown}，按官方计分规则复算`, en: `${shown}, scored by the official rule` });
    } else if (computed.region === 'inside' && mapping.full_marks) {
      r.recomputed = r.points;
      r.notes.push({
        zh: `${shown} 在满分区间（${regionText(mapping.full_marks)}）内；计分对应关系非官方`,
        en: `${shown} lies in the full-marks region (${regionText(mapping.full_marks)}); the mapping is not official`,
      });
    } else {
      if (mapping.function) r.candidate = applyFunction(mapping.function, computed.interval, r.points);
      r.notes.push({
        zh: `${shown}：无法核实，本地区本年度没有官方的计分对应关系${r.candidate ? `（候选规则得 ${f(r.candidate)}，仅供参考）` : ''}`,
        en: `${shown}: cannot verify: no official mapping for this jurisdiction and year${r.candidate ? ` (the candidate rule gives ${f(r.candidate)}, for reference only)` : ''}`,
      });
      if (r.candidate && r.stated && r.stated.interval.lo > r.candidate.hi) {
        r.notes.push({
          zh: '自评分高于候选规则，需以官方评分标准核实',
          en: 'the stated score is above the candidate rule; check it against the official scoring rules',
        });
      }
    }
  }
  const d = decide({
    points: r.points,
    stated: r.stated,
    recomputed: r.recomputed,
    conclusive: mapping.status === 'official',
    figuresShort: false,
    explained: computed?.region === 'outside' || (computed !== undefined && mapping.status === 'official'),
    otherwise: 'cannot-verify',
    fmt: f,
  });
  if (d.status === 'cannot-verify' && r.recomputed && r.stated && r.stated.interval.hi < r.points.lo) {
    d.notes.push({
      zh: '报告在此数值上通常给满分；扣分依据所述理由，无法核实',
      en: 'reports give full marks at this value; the deduction rests on its stated reason and cannot be verified',
    });
  }
  record(run, r, d);
}

function rowsOf(run: Run, ind: Indicator): IndicatorRow[] {
  return run.ev.indicators.filter((row) => ind.groups?.includes(row.group));
}

function evaluateTargets(run: Run, ind: Indicator, r: IndicatorResult): void {
  const rows = rowsOf(run, ind);
  const f = (i: Interval) => fmt(run, i);
  const official = ind.mapping?.status === 'official';
  if (fullByPolicy(run, ind, r) || rows.length === 0) {
    if (rows.length === 0 && !r.recomputed)
      r.notes.push({
        zh: '报告中没有这一组的指标完成情况表',
        en: 'the report has no indicator rows for this group',
      });
    record(
      run,
      r,
      decide({
        points: r.points,
        stated: r.stated,
        recomputed: r.recomputed,
        conclusive: false,
        figuresShort: false,
        explained: false,
        otherwise: 'cannot-verify',
        fmt: f,
      }),
    );
    return;
  }
  const weights = rowWeights(ind, rows, r);
  const results: TargetResult[] = rows.map((row, i) => {
    const w = weights[i] ?? ZERO;
    const rs = scoreRow(row, w, run.params);
    const tr: TargetResult = {
      index: row.index,
      name: row.name,
      level2: row.level2,
      target: row.target?.text,
      comparator: row.target?.comparator,
      actual: row.actual?.value,
      completionRate: row.completionRate,
      weight: w,
      fn: rs.fn,
      basis: rs.basis,
      outcome: rs.outcome,
      met: rs.met,
      recomputed: rs.score,
      printedScore: row.score,
      status: rs.score ? 'not-stated' : 'cannot-verify',
      notes: [...rs.notes],
      source: row.source,
    };
    if (row.score) {
      const stated: StatedRef = {
        printed: row.name,
        how: 'name',
        score: row.score,
        interval: scoreInterval(row.score, run.system.stated_score_min_decimals),
        points: row.points,
        reason: row.note,
        source: row.source,
      };
      const d = decide({
        points: w,
        stated,
        recomputed: rs.score,
        conclusive: official,
        figuresShort: rs.met === 'no',
        explained: rs.met === 'no',
        otherwise: 'cannot-verify',
        fmt: f,
      });
      tr.status = d.status;
      tr.notes.push(...d.notes);
      if (d.unsupported) {
        run.cannotSupport.push({
          indicator: ind.id,
          row: row.index ?? i + 1,
          reason: d.unsupported.reason,
          message: {
            zh: `${ind.name_zh}／${row.name}：${d.unsupported.message.zh}`,
            en: `${ind.name_en} / ${row.name}: ${d.unsupported.message.en}`,
          },
          source: row.source,
        });
      }
    }
    return tr;
  });
  r.targets = results;
  const scored = results.filter((t) => t.recomputed);
  const short = results.filter((t) => t.met === 'no');
  if (scored.length === results.length) {
    r.recomputed = sum(scored.map((t) => t.recomputed ?? ZERO));
  } else {
    r.notes.push({
      zh: `${results.length - scored.length} 项指标无法计分，未能复算本项得分`,
      en: `${results.length - scored.length} rows cannot be scored, so the group score cannot be recomputed`,
    });
  }
  const byRate = results.filter((t) => t.basis === 'completion-rate').length;
  if (byRate) {
    r.notes.push({
      zh: `${byRate} 项按所印完成率计分（未取得可比的实际值）`,
      en: `${byRate} rows scored from the printed completion rate (no comparable actual)`,
    });
  }
  if (short.length) {
    r.notes.push({
      zh: `未达标：${short.map((t) => t.name).join('、')}`,
      en: `targets not met: ${short.map((t) => t.name).join(', ')}`,
    });
  } else if (scored.length === results.length && results.every((t) => t.met === 'yes')) {
    r.notes.push({ zh: `${results.length} 项指标均已达标`, en: `every target met (${results.length})` });
  }
  const d = decide({
    points: r.points,
    stated: r.stated,
    recomputed: r.recomputed,
    conclusive: official,
    figuresShort: short.length > 0,
    explained: short.length > 0,
    otherwise: 'cannot-verify',
    fmt: f,
  });
  if (d.status === 'cannot-verify' && r.recomputed && !official) {
    d.notes.push({
      zh: `按国家通用计分函数复算为 ${f(r.recomputed)}（本地区权重与函数非官方，仅供参考）`,
      en: `the national functions give ${f(r.recomputed)} (weights and functions not official here; for reference)`,
    });
  }
  record(run, r, d);
}

/**
 * Equal shares of the points, or the points printed on each row when the system says so and every row has
 * them. Printed points that add up to the system's points are rescaled with the indicator when a sibling was
 * dropped.
 */
function rowWeights(ind: Indicator, rows: IndicatorRow[], r: IndicatorResult): Interval[] {
  if (ind.weights === 'printed') {
    const printed = rows.map((row) => row.points);
    if (printed.every((p) => p !== undefined)) {
      const total = printed.reduce((t, p) => t + p.value, 0n);
      const ws = printed.map((p) => point(p.value));
      if (overlaps(point(total), r.points)) return ws;
      if (total === ind.points && total > 0n) {
        r.notes.push({ zh: '各行分值按比例调整', en: 'the rows’ printed points rescaled in proportion' });
        return ws.map((w) => ({
          lo: mulDiv(w.lo, r.points.lo, total).lo,
          hi: mulDiv(w.hi, r.points.hi, total).hi,
        }));
      }
      r.notes.push({
        zh: `各行分值合计 ${plainDecimal(total)}，与本项分值 ${formatInterval(r.points, 2)} 不符`,
        en: `the rows' points add up to ${plainDecimal(total)}, not ${formatInterval(r.points, 2)}`,
      });
      return ws;
    }
    r.notes.push({
      zh: '部分指标行未印分值，按平均分配',
      en: 'some rows print no points; points shared equally',
    });
  }
  const n = BigInt(rows.length);
  return rows.map(() => scale(r.points, 1n, n));
}

/** Sums what the children allow and sets the aggregate's status against its stated score. */
function sumChildren(
  run: Run,
  children: Node[],
  points: Interval,
  stated: StatedRef | undefined,
): { recomputed?: Interval; fromStated: boolean; decision: Decision } {
  const kids = children
    .map((c) => run.results.get(c.ind.id))
    .filter((k): k is IndicatorResult => k !== undefined && k.status !== 'not-applicable');
  const known = kids.filter((k) => k.used);
  const fromStated = known.filter((k) => k.used?.basis === 'stated' || k.fromStated);
  const f = (i: Interval) => fmt(run, i);
  const notes: LocalizedText[] = [];
  if (fromStated.length) {
    notes.push({
      zh: `合计中 ${fromStated.length} 项按自评分（或其下级的自评分）计入`,
      en: `parts summed at their stated scores (or their parts'): ${fromStated.length}`,
    });
  }
  if (known.length === kids.length) {
    const recomputed = sum(known.map((k) => k.used?.score ?? ZERO));
    const d = decide({
      points,
      stated,
      recomputed,
      conclusive: true,
      figuresShort: false,
      explained: true,
      otherwise: 'cannot-verify',
      fmt: f,
    });
    if (d.status === 'differs')
      d.notes.push({ zh: '下级得分合计与此不符', en: 'its parts do not add up to it' });
    return {
      recomputed,
      fromStated: fromStated.length > 0,
      decision: { ...d, notes: [...notes, ...d.notes] },
    };
  }
  const partial = sum(known.map((k) => k.used?.score ?? ZERO));
  const rest = kids.filter((k) => !k.used).reduce((t, k) => t + k.points.hi, 0n);
  notes.push({
    zh: `下级 ${kids.length} 项中 ${known.length} 项有得分`,
    en: `parts with a score: ${known.length} of ${kids.length}`,
  });
  if (!stated) return { fromStated: false, decision: { status: 'not-stated', notes } };
  const feasible = { lo: partial.lo, hi: partial.hi + rest };
  if (!overlaps(stated.interval, feasible)) {
    notes.push({
      zh: `已知下级得分合计 ${f(partial)}，其余最多 ${f(point(rest))}，不可能得 ${stated.score.text} 分`,
      en: `the known parts give ${f(partial)} and the rest at most ${f(point(rest))}: ${stated.score.text} is impossible`,
    });
    return { fromStated: false, decision: { status: 'differs', notes } };
  }
  // Deductions the parts below show account for that much of the shortfall; the rest needs a stated reason.
  const shown = children.reduce((t, c) => t + shortfall(run, c), 0n);
  if (stated.interval.hi < points.lo - shown && !stated.reason) {
    if (shown > 0n) {
      notes.push({
        zh: `下级已列明的扣分合计 ${f(point(shown))} 分，其余扣分未说明理由`,
        en: `the parts below show ${f(point(shown))} points deducted; the rest has no stated reason`,
      });
    }
    notes.push(NO_REASON);
    return {
      fromStated: false,
      decision: {
        status: 'unsupported',
        notes,
        unsupported: { reason: 'deduction-without-reason', message: NO_REASON },
      },
    };
  }
  return { fromStated: false, decision: { status: 'accepted-as-stated', notes } };
}

function evaluateAggregate(run: Run, node: Node, r: IndicatorResult): void {
  const { recomputed, fromStated, decision } = sumChildren(run, node.children, r.points, r.stated);
  r.recomputed = recomputed;
  r.fromStated = fromStated;
  record(run, r, decision);
}

/** Marks as no-evidence what the report leaves entirely unaddressed, listing only the topmost such indicator. */
function markNoEvidence(run: Run, nodes: Node[], coveredAbove: boolean): void {
  for (const n of nodes) {
    const r = run.results.get(n.ind.id);
    if (!r) continue;
    if (r.status === 'not-stated' && !coveredAbove && !informative(run, n)) {
      r.status = 'no-evidence';
      r.notes.push({
        zh: '报告对此既无得分也无数字',
        en: 'the report gives neither a score nor figures for it',
      });
      const parent = n.parent && run.results.get(n.parent.ind.id);
      if (!parent || parent.status !== 'no-evidence') {
        run.cannotSupport.push({
          indicator: r.id,
          reason: 'no-evidence',
          message: {
            zh: `${r.name.zh}：报告未提供任何依据`,
            en: `${r.name.en}: the report offers no evidence at all`,
          },
        });
      }
    }
    markNoEvidence(run, n.children, coveredAbove || r.stated !== undefined);
  }
}

function informative(run: Run, n: Node): boolean {
  const r = run.results.get(n.ind.id);
  if (!r) return false;
  if (r.stated || r.value || r.recomputed || r.targets?.length) return true;
  return n.children.some((c) => informative(run, c));
}

/** Points a part's known scores show deducted (the least the intervals allow), looking through unscored parts. */
function shortfall(run: Run, node: Node): bigint {
  const r = run.results.get(node.ind.id);
  if (!r || r.status === 'not-applicable') return 0n;
  if (r.used) return maxB(r.points.lo - r.used.score.hi, 0n);
  return node.children.reduce((t, c) => t + shortfall(run, c), 0n);
}

// ——— total and grade ———

function totalResult(run: Run, roots: Node[], totals: StatedRef[]): TotalResult {
  const notes: LocalizedText[] = [];
  const stated = primary(run, totals, { zh: '总分', en: 'total' }, notes);
  const points = point(run.system.total_points);
  const { recomputed, fromStated, decision } = sumChildren(run, roots, points, stated);
  notes.push(...decision.notes);
  if (decision.unsupported) {
    const m = decision.unsupported.message;
    run.cannotSupport.push({
      indicator: 'total',
      reason: decision.unsupported.reason,
      message: { zh: `总分：${m.zh}`, en: `total: ${m.en}` },
      source: stated?.source,
    });
  }
  return {
    points: run.system.total_points,
    stated,
    recomputed,
    fromStated,
    status: decision.status === 'not-stated' && !recomputed ? 'no-evidence' : decision.status,
    notes,
  };
}

function gradesFor(run: Run, total: Interval): Grade[] {
  return run.system.grade_bands.bands
    .filter((b) => total.hi >= b.min && (b.below === undefined || total.lo < b.below))
    .map((b) => b.grade);
}

function gradeResult(run: Run, total: TotalResult): GradeResult {
  const basis = total.recomputed ?? total.stated?.interval;
  const possible = basis ? gradesFor(run, basis) : [];
  const stated = run.ev.grade;
  const notes: LocalizedText[] = [];
  if (!stated) return { possible, status: 'not-stated', notes };
  if (!basis) {
    notes.push({ zh: '没有总分，无法核对等级', en: 'no total score to check the grade against' });
    return { stated, possible, status: 'not-stated', notes };
  }
  if (possible.includes(stated.grade)) return { stated, possible, status: 'reproduced', notes };
  notes.push({
    zh: `总分 ${fmt(run, basis)} 对应等级为${possible.join('或')}`,
    en: `a total of ${fmt(run, basis)} is graded ${possible.join(' or ')}`,
  });
  return { stated, possible, status: 'differs', notes };
}
