import type { Figure } from './quantity.ts';
import type { SourceRef } from './source.ts';

/**
 * A performance self-evaluation report (绩效自评报告) after extraction: what it says about the budget, the
 * projects, the indicator tables and the scores, each value tied to the line it was printed on.
 *
 * Amounts are Figures in the unit printed (万元 or 元: a slip stays visible); rates are percent Figures;
 * scores are Figures in points ('point').
 */
export interface SelfEvaluation {
  /** 部门整体支出 (the whole department) or 项目支出 (one project). */
  scope: EvaluationScope;
  budget: BudgetFigure[];
  projects: ProjectRow[];
  indicators: IndicatorRow[];
  /** Every score the report states, in reading order, the total included. */
  scores: StatedScore[];
  /** The grade the report states (优/良/中/差), if any. */
  grade?: StatedGrade;
  /** Numbers of things the text says there are ("15项产出指标", "共 23 个项目"). */
  counts: StatedCount[];
  /** Every other quantity the text states, for "one metric stated twice must agree" and magnitude checks. */
  metrics: StatedMetric[];
}

export type EvaluationScope = 'department' | 'project';

/** Which budget figure a statement gives. */
export const BUDGET_MEASURES = [
  'initial', // 年初预算数
  'full-year', // 全年预算数 / 调整后预算数
  'executed', // 执行数 / 决算数 / 实际支出
  'execution-rate', // 执行率 / 支出率 / 完成预算的 x%
  'carryover', // 年末结转和结余
  'carryover-rate', // 结转结余率
] as const;
export type BudgetMeasure = (typeof BUDGET_MEASURES)[number];

/** Which part of the spending a budget figure covers. */
export const SPENDING_PARTS = [
  'total',
  'basic', // 基本支出
  'project', // 项目支出
  'general-budget', // 一般公共预算财政拨款
  'fund', // 政府性基金预算财政拨款
  'state-capital', // 国有资本经营预算财政拨款
  'other', // 其他资金
] as const;
export type SpendingPart = (typeof SPENDING_PARTS)[number];

export interface BudgetFigure {
  measure: BudgetMeasure;
  part: SpendingPart;
  value: Figure;
  source: SourceRef;
}

/** One project of the report's project list, with whatever of its budget line the report prints. */
export interface ProjectRow {
  name: string;
  initial?: Figure;
  /** The mid-year adjustment as printed (unsigned) with its direction word (调增/调减). */
  adjustment?: { direction: 'increase' | 'decrease'; amount: Figure };
  adjusted?: Figure;
  spent?: Figure;
  /** 预算执行率 as printed. */
  rate?: Figure;
  source: SourceRef;
}

/** How a target value is to be met: ≥, >, =, ≤, < or a text target (定性). */
export type Comparator = 'ge' | 'gt' | 'eq' | 'le' | 'lt' | 'qualitative';

/** A quantity as printed with its Chinese magnitude word and measure word: "8万以上", "74.2 万份", "≥90%". */
export interface Quantity {
  /**
   * The value in base units (万 and 亿 applied: "74.2万" is 742,000, with decimals -3 so that it stands for
   * [741,500, 742,500]). unit is 'percent' for %, otherwise 'count' (or a money unit for 元/万元).
   */
  value: Figure;
  /** The measure word after the number (人次, 项, 个, 份, M …), "" when none. */
  measure: string;
  /** 余/多/超/近/约: the number is approximate in that direction. */
  approx?: 'over' | 'under' | 'about';
}

export interface IndicatorTarget {
  /** The target as printed. */
  text: string;
  comparator: Comparator;
  quantity?: Quantity;
}

/** The level-1 group an indicator row belongs to. */
export type IndicatorGroup = 'output' | 'outcome' | 'satisfaction' | 'cost';

/** One row of an indicator table (产出指标完成情况表 …). */
export interface IndicatorRow {
  group: IndicatorGroup;
  /** Title of the table the row is in, as printed. */
  table: string;
  /** 序号 as printed. */
  index?: number;
  /** 二级指标: 数量指标, 质量指标, 时效指标, 社会效益 … */
  level2?: string;
  /** 三级指标. */
  name: string;
  target?: IndicatorTarget;
  /** The actual value when the row states one that can be read as a number. */
  actual?: Quantity;
  completionRate?: Figure;
  points?: Figure;
  score?: Figure;
  /** 偏差原因 / 说明 as printed. */
  note?: string;
  source: SourceRef;
}

/** A score the report states for an indicator, a dimension or the whole evaluation. */
export interface StatedScore {
  /** The indicator as the report names it (normalised), or '总分' for the total. */
  indicator: string;
  /** 指标分值 / 总分 when printed. */
  points?: Figure;
  score: Figure;
  /** 得分率 when printed. */
  rate?: Figure;
  /** Points deducted as stated ("扣 1 分"). */
  deduction?: Figure;
  /** The reason the text gives for falling short of full points. */
  reason?: string;
  /** True for the overall self-evaluation score. */
  total?: boolean;
  /** The scope a total score is stated for when the sentence names one (部门整体 / 项目支出). */
  statedScope?: EvaluationScope;
  source: SourceRef;
}

export interface StatedGrade {
  grade: '优' | '良' | '中' | '差';
  source: SourceRef;
}

/** "对于…所设置的15项产出指标", "共设数量指标21个". */
export interface StatedCount {
  /** What is counted: an indicator group, an indicator type (数量指标) or 'projects'. */
  subject: string;
  count: number;
  source: SourceRef;
}

/** A quantity the prose states about a named subject ("业务受理量 163.37 万件"). */
export interface StatedMetric {
  /** The subject as printed, normalised (no spaces, no quotes). */
  subject: string;
  /** A period the sentence restricts the figure to ("1-10月", "上半年"); absent for the whole year. */
  period?: string;
  quantity: Quantity;
  source: SourceRef;
}
