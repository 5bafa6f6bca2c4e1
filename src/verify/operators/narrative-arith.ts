import { z } from 'zod';
import type { Claim } from '#domain/claim.ts';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import { abs, add, overlaps, point, type Figure, type Interval } from '#domain/quantity.ts';
import type { EvalContext } from '../context.ts';
import { defineOperator, notApplicable, type RuleResult } from '../operator.ts';
import { SeveritySchema } from '../rule.schema.ts';
import {
  actualRel,
  budgetRelOf,
  contradictoryWords,
  impliedBase,
  percentInterval,
  REL_TEXT,
  relationHolds,
  showPercent,
  signOf,
  signWord,
  type ImpliedBase,
} from './narrative-change.ts';
import {
  amountOf,
  BindingListSchema,
  BUDGET_BASES,
  ClaimBaseSchema,
  claimEvidence,
  describeClaim,
  describeSide,
  findBinding,
  regex,
  resolveSide,
  sectionPath,
  showFigure,
  showIn,
  sideEvidence,
} from './narrative-claims.ts';
import {
  baseName,
  fail,
  filterClaims,
  noClaims,
  note,
  ratio,
  ratioInterval,
  RegexText,
} from './narrative-results.ts';

/**
 * Arithmetic inside the narrative: a change and the base it implies (N-8, N-9), a completion rate (N-10),
 * the comparison a budget sentence words (N-17, N-21), item budgets adding up (N-17), and sums and bounds
 * between stated amounts (N-12).
 */

// ---- claim-change (N-8, N-9) ---------------------------------------------------------------------------

const ChangeParams = z.object({
  bases: z.array(ClaimBaseSchema).default(['prior-final', 'initial-budget']),
  subject: RegexText.optional(),
  section: RegexText.optional(),
});

/**
 * A change statement: it prints a change, or a direction without a stated budget. A direction attached to
 * a budget comparison (“决算数小于预算数”) belongs to claim-budget-direction.
 */
function isChangeClaim(c: Claim): boolean {
  if (c.changeAmount !== undefined || c.changePercent !== undefined) return true;
  const directed = c.directionWord !== undefined || c.direction !== undefined;
  return directed && c.baseValue === undefined && c.percent === undefined;
}

/** The arithmetic verdict, downgraded to a wording warning when only the direction words contradict. */
function checkChange(claim: Claim): RuleResult {
  const r = checkChangeArithmetic(claim);
  if (r.status !== 'passed' || !contradictoryWords(claim)) return r;
  const what = describeClaim(claim);
  return fail(
    {
      zh: `${what.zh}的增减用词自相矛盾：“${claim.directionWord ?? ''}”`,
      en: `${what.en} words its change both ways: "${claim.directionWord ?? ''}"`,
    },
    [claimEvidence(claim)],
    { reported: claim.directionWord ?? '' },
    'warning',
  );
}

function checkChangeArithmetic(claim: Claim): RuleResult {
  const what = describeClaim(claim);
  const ev = [claimEvidence(claim)];
  const bn = baseName(claim);
  const sign = signOf(claim);
  if (sign === undefined) {
    return notApplicable({ zh: `${what.zh}未写明增减方向`, en: `${what.en} states no direction of change` });
  }
  const ib = impliedBase(claim);
  if (!ib) {
    return notApplicable({
      zh: `${what.zh}未写明金额或变动额，无法推算${bn.zh}`,
      en: `${what.en} states no amount or no change amount; ${bn.en} cannot be derived`,
    });
  }
  const pct = claim.changePercent;
  const word = claim.directionWord?.split('/')[0] ?? signWord(sign).zh;
  const deltaPrinted = ib.change ? (ib.change.printed < 0n ? -ib.change.printed : ib.change.printed) : 0n;
  const valueText = claim.value ? showFigure(claim.value) : '';
  const deltaText = claim.changeAmount ? showFigure(claim.changeAmount) : '0';

  if (sign === 0) {
    if (deltaPrinted !== 0n || (pct && pct.value !== 0n)) {
      return fail(
        {
          zh: `${what.zh}写“${word}”，却列出变动${deltaText}${pct ? `、${showFigure(pct)}` : ''}`,
          en: `${what.en} says "${word}" (no change) but prints a change of ${deltaText}${pct ? `, ${showFigure(pct)}` : ''}`,
        },
        ev,
        { expected: '0', reported: deltaText },
      );
    }
    return { status: 'passed' };
  }
  if (deltaPrinted === 0n) {
    if (ib.value.printed === 0n) {
      if (pct) return zeroBaseFail(claim, ib, pct, ev);
      return { status: 'passed' };
    }
    return fail(
      {
        zh: `${what.zh}变动额为0，却写“${word}”；模板写作“与${bn.zh}持平”`,
        en: `${what.en} changes by 0 but says "${word}"; the template says 持平 (no change)`,
      },
      ev,
      { expected: '持平', reported: word },
      'warning',
    );
  }
  const baseText = claim.value ? showIn(ib.basePrinted, claim.value) : '';
  // Rounding is monotone, so a printed increase larger than the printed amount means a negative base.
  if (ib.basePrinted < 0n) {
    return fail(
      {
        zh: `${what.zh}${valueText}，${word}${deltaText}，推算${bn.zh}为负数（${baseText}），金额或增减方向有误`,
        en: `${what.en}: ${valueText} after ${signWord(sign).en} of ${deltaText} implies a negative ${bn.en}; an amount or the direction is wrong`,
      },
      ev,
      { reported: `${valueText} ${word}${deltaText}` },
    );
  }
  if (ib.basePrinted === 0n) {
    if (!pct) return { status: 'passed' };
    return zeroBaseFail(claim, ib, pct, ev);
  }
  if (!pct) {
    if (claim.notComparable && ib.base.lo > 0n) {
      return fail(
        {
          zh: `${what.zh}写“--（基数为0，不可比）”，但推算${bn.zh}为${baseText}，不为0`,
          en: `${what.en} prints "--" (base 0), but ${bn.en} implied by its figures is ${baseText}`,
        },
        ev,
        { expected: showPercent(ratio(deltaPrinted, ib.basePrinted), undefined), reported: '--' },
      );
    }
    return { status: 'passed' };
  }
  const delta = abs(ib.change?.interval ?? point(0n));
  const p = ratioInterval(delta, ib.base);
  const printed = percentInterval(pct);
  if (p && overlaps(p, printed)) return { status: 'passed' };
  const expected = showPercent(ratio(deltaPrinted, ib.basePrinted), pct);
  return fail(
    {
      zh: `${what.zh}${valueText}，${word}${deltaText}，推算${bn.zh}为${baseText}，变动幅度应为${expected}，文中为${showFigure(pct)}`,
      en: `${what.en}: ${valueText} after ${signWord(sign).en} of ${deltaText} implies ${bn.en} ${baseText}, so the change is ${expected}, not ${showFigure(pct)}`,
    },
    ev,
    { expected, reported: showFigure(pct) },
  );
}

/** A percentage printed against a base of 0: reachable only if the base may be a positive amount below
 * half a printed step; otherwise the template's “--（基数为0，不可比）” form is required. */
function zeroBaseFail(claim: Claim, ib: ImpliedBase, pct: Figure, ev: Evidence[]): RuleResult {
  const delta = abs(ib.change?.interval ?? point(0n));
  const p = ratioInterval(delta, ib.base);
  if (p && ib.value.printed !== 0n && overlaps(p, percentInterval(pct))) return { status: 'passed' };
  const what = describeClaim(claim);
  const bn = baseName(claim);
  return fail(
    {
      zh: `${what.zh}的${bn.zh}为0，不能计算变动幅度，应写“--（基数为0，不可比）”，文中为${showFigure(pct)}`,
      en: `${what.en}: ${bn.en} is 0, so no percentage exists; the template prints "--" (base 0), the text prints ${showFigure(pct)}`,
    },
    ev,
    { expected: '--', reported: showFigure(pct) },
  );
}

const claimChangeOp = defineOperator({
  params: ChangeParams,
  run(_rule, p, ctx) {
    const claims = filterClaims(
      ctx.doc.claims,
      p,
      (c) => c.base !== undefined && p.bases.includes(c.base) && isChangeClaim(c),
    );
    if (claims.length === 0) return [noClaims('增减变动', 'change')];
    return claims.map(checkChange);
  },
});

// ---- claim-completion (N-10) -----------------------------------------------------------------------------

const CompletionParams = z.object({
  bases: z.array(ClaimBaseSchema).default([...BUDGET_BASES]),
  subject: RegexText.optional(),
  section: RegexText.optional(),
  /** Bindings whose `baseCell` supplies the budget when the sentence does not state it. */
  bindings: BindingListSchema.default([]),
  /** “完成预算的0%” for a zero amount against a zero budget: wording, not a false number. */
  zeroOfZeroSeverity: SeveritySchema.default('warning'),
});
type CompletionParams = z.infer<typeof CompletionParams>;

function isCompletionClaim(c: Claim): boolean {
  return (
    c.value !== undefined &&
    (c.percent !== undefined ||
      (c.notComparable === true && c.changeAmount === undefined && !c.directionWord))
  );
}

interface BaseAmount {
  interval: Interval;
  printed: bigint;
  text: string;
  evidence: Evidence[];
  where: LocalizedText;
}

function budgetOf(ctx: EvalContext, claim: Claim, p: CompletionParams): BaseAmount | LocalizedText {
  const bn = baseName(claim);
  if (claim.baseValue) {
    const a = amountOf(claim.baseValue, claim.baseValue.unit);
    if (a) {
      return {
        interval: a.interval,
        printed: a.printed,
        text: showFigure(claim.baseValue),
        evidence: [],
        where: { zh: '', en: '' },
      };
    }
  }
  const b = findBinding(p.bindings, claim);
  if (b?.baseCell && claim.base && b.baseKinds.includes(claim.base)) {
    const res = resolveSide(ctx, b.baseCell);
    if (!res.ok) return res.reason;
    const like = res.side.like ?? claim.value;
    return {
      interval: res.side.interval,
      printed: res.side.printed,
      text: like ? showIn(res.side.printed, like) : '',
      evidence: sideEvidence(res.side),
      where: describeSide(res.side),
    };
  }
  const what = describeClaim(claim);
  return {
    zh: `${what.zh}未写明${bn.zh}，也未绑定表格`,
    en: `${what.en} states no ${bn.en} and none is bound`,
  };
}

function checkCompletion(ctx: EvalContext, claim: Claim, p: CompletionParams): RuleResult {
  const what = describeClaim(claim);
  const bn = baseName(claim);
  const value = claim.value ? amountOf(claim.value) : undefined;
  if (!value || !claim.value)
    return notApplicable({ zh: `${what.zh}金额不是货币金额`, en: `${what.en} is not money` });
  const base = budgetOf(ctx, claim, p);
  if (!('interval' in base)) return notApplicable(base);
  const ev = [claimEvidence(claim), ...base.evidence];
  const from = base.where.zh ? { zh: `（${base.where.zh}）`, en: ` (${base.where.en})` } : { zh: '', en: '' };
  const pct = claim.percent;
  if (base.printed === 0n) {
    if (!pct) return { status: 'passed' };
    const zeroOfZero = value.printed === 0n && pct.value === 0n;
    return fail(
      {
        zh: `${what.zh}的${bn.zh}为0${from.zh}，完成率不可计算，应写“--%（基数为0，不可比）”，文中为${showFigure(pct)}`,
        en: `${what.en}: ${bn.en} is 0${from.en}, so no completion rate exists; the template prints "--%" (base 0), the text prints ${showFigure(pct)}`,
      },
      ev,
      { expected: '--%', reported: showFigure(pct) },
      zeroOfZero ? p.zeroOfZeroSeverity : undefined,
    );
  }
  const expected = showPercent(ratio(value.printed, base.printed), pct);
  if (!pct) {
    return fail(
      {
        zh: `${what.zh}写“--%（基数为0，不可比）”，但${bn.zh}为${base.text}${from.zh}，完成率应为${expected}`,
        en: `${what.en} prints "--%" (base 0), but ${bn.en} is ${base.text}${from.en}; the rate is ${expected}`,
      },
      ev,
      { expected, reported: '--%' },
    );
  }
  const rate = ratioInterval(value.interval, base.interval);
  if (rate && overlaps(rate, percentInterval(pct))) return { status: 'passed' };
  return fail(
    {
      zh: `${what.zh}${showFigure(claim.value)}，${bn.zh}${base.text}${from.zh}，完成率应为${expected}，文中为${showFigure(pct)}`,
      en: `${what.en}: ${showFigure(claim.value)} against ${bn.en} ${base.text}${from.en} is ${expected}, not ${showFigure(pct)}`,
    },
    ev,
    { expected, reported: showFigure(pct) },
  );
}

const claimCompletionOp = defineOperator({
  params: CompletionParams,
  run(_rule, p, ctx) {
    const claims = filterClaims(
      ctx.doc.claims,
      p,
      (c) => c.base !== undefined && p.bases.includes(c.base) && isCompletionClaim(c),
    );
    if (claims.length === 0) return [noClaims('完成率', 'completion rate')];
    return claims.map((c) => checkCompletion(ctx, c, p));
  },
});

// ---- claim-budget-direction (N-17, N-21): “决算数小于预算数” must fit the two amounts -----------------------

const BudgetDirectionParams = z.object({
  bases: z.array(ClaimBaseSchema).default([...BUDGET_BASES]),
  /** “基本持平” accepts a difference up to this percentage of the budget. */
  nearlyEqualPercent: z.number().int().min(0).max(100).default(1),
});

const claimBudgetDirectionOp = defineOperator({
  params: BudgetDirectionParams,
  run(_rule, p, ctx) {
    const claims = ctx.doc.claims.filter(
      (c) =>
        c.base !== undefined &&
        p.bases.includes(c.base) &&
        c.value !== undefined &&
        c.baseValue !== undefined &&
        c.changeAmount === undefined &&
        (c.directionWord !== undefined || c.direction !== undefined),
    );
    if (claims.length === 0) return [noClaims('决算与预算比较', 'budget comparison')];
    return claims.map((claim): RuleResult => {
      const what = describeClaim(claim);
      const rel = budgetRelOf(claim);
      const v = claim.value ? amountOf(claim.value) : undefined;
      const b = claim.baseValue ? amountOf(claim.baseValue) : undefined;
      if (!rel || !v || !b || !claim.value || !claim.baseValue) {
        return notApplicable({ zh: `${what.zh}无法判断比较关系`, en: `${what.en}: no comparison to judge` });
      }
      if (relationHolds(rel, v.interval, b.interval, BigInt(p.nearlyEqualPercent)))
        return { status: 'passed' };
      const actual = REL_TEXT[actualRel(v.printed, b.printed)];
      const bn = baseName(claim);
      const word = claim.directionWord ?? REL_TEXT[rel].zh;
      return fail(
        {
          zh: `${what.zh}决算数${showFigure(claim.value)}${actual.zh}${bn.zh}${showFigure(claim.baseValue)}，文中却称决算数“${word}”${bn.zh}`,
          en: `${what.en}: the final amount ${showFigure(claim.value)} is ${actual.en} ${bn.en} ${showFigure(claim.baseValue)}, but the text says "${word}"`,
        },
        [claimEvidence(claim)],
        { expected: `决算数${actual.zh}${bn.zh}`, reported: word },
      );
    });
  },
});

// ---- claim-items-sum (N-17): the budgets of the listed items add up to the stated total budget ---------------

const ItemsSumParams = z.object({
  /** Subjects of the items (“一般公共服务支出(类)财政事务(款)行政运行(项)”). */
  items: RegexText,
  /** Subject of the total the items break down (“一般公共预算财政拨款支出”). */
  total: RegexText,
  bases: z.array(ClaimBaseSchema).default(['initial-budget', 'full-year-budget']),
});

/**
 * The central template lists every 项 of 表5 with its 年初预算 and 决算 after the total's. The 决算 side is
 * checked against 表5 cell by cell; when the listed 决算 amounts add up to the total's, the list is complete
 * and the listed budgets must add up to the total budget as well (within the rounding of each).
 */
const claimItemsSumOp = defineOperator({
  params: ItemsSumParams,
  run(_rule, p, ctx) {
    const results: RuleResult[] = [];
    for (const base of p.bases) {
      const withBoth = ctx.doc.claims.filter(
        (c) => c.base === base && c.value && c.baseValue && amountOf(c.value) && amountOf(c.baseValue),
      );
      const total = withBoth.find((c) => regex(p.total).test(c.subject));
      const seen = new Set<string>();
      const items = withBoth.filter(
        (c) => regex(p.items).test(c.subject) && !seen.has(c.subject) && (seen.add(c.subject), true),
      );
      if (!total?.value || !total.baseValue || items.length < 2) continue;
      const sum = (pick: (c: Claim) => Figure | undefined): { interval: Interval; printed: bigint } => {
        let interval = point(0n);
        let printed = 0n;
        for (const c of items) {
          const f = pick(c);
          const a = f ? amountOf(f) : undefined;
          if (!a) continue;
          interval = add(interval, a.interval);
          printed += a.printed;
        }
        return { interval, printed };
      };
      const totalValue = amountOf(total.value);
      const totalBudget = amountOf(total.baseValue);
      if (!totalValue || !totalBudget) continue;
      const values = sum((c) => c.value);
      const what = describeClaim(total);
      const bn = baseName(total);
      if (!overlaps(values.interval, totalValue.interval)) {
        results.push(
          notApplicable({
            zh: `所列各项决算数之和${showIn(values.printed, total.value)}不等于${what.zh}${showFigure(total.value)}，所列项目不完整，无法核对${bn.zh}之和`,
            en: `the items' final amounts add up to ${showIn(values.printed, total.value)}, not ${what.en} ${showFigure(total.value)}; the list is incomplete`,
          }),
        );
        continue;
      }
      const budgets = sum((c) => c.baseValue);
      if (overlaps(budgets.interval, totalBudget.interval)) {
        results.push({ status: 'passed' });
        continue;
      }
      const expected = showFigure(total.baseValue);
      const reported = showIn(budgets.printed, total.baseValue);
      results.push(
        fail(
          {
            zh: `所列${items.length}个项目的${bn.zh}之和为${reported}，与${what.zh}的${bn.zh}${expected}不符`,
            en: `the ${items.length} items listed add up to ${reported} of ${bn.en}, not the ${expected} stated for ${what.en}`,
          },
          [claimEvidence(total), ...items.map(claimEvidence)],
          { expected, reported },
        ),
      );
    }
    return results.length ? results : [noClaims('分项预算', 'item budgets')];
  },
});

// ---- claim-relation (N-12) -------------------------------------------------------------------------------

const RegexList = z
  .union([RegexText, z.array(RegexText).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const RelationParams = z.object({
  /** Subjects summed on the left (each the first matching claim). */
  left: RegexList,
  right: z.array(RegexText).min(1),
  relation: z.enum(['eq', 'le']).default('eq'),
  section: RegexText.optional(),
});

function pick(claims: readonly Claim[], subject: string, near?: Claim): Claim | undefined {
  const re = regex(subject);
  const c = claims.filter((x) => x.value && amountOf(x.value) && re.test(x.subject));
  if (!near) return c[0];
  return (
    c.find((x) => x.sentence === near.sentence) ?? c.find((x) => sectionPath(x) === sectionPath(near)) ?? c[0]
  );
}

/** The first claim with an amount for each subject, near `near` when given. */
function pickAll(pool: readonly Claim[], subjects: readonly string[], near?: Claim): Claim[] | string {
  const out: Claim[] = [];
  for (const s of subjects) {
    const c = pick(pool, s, near ?? out[0]);
    if (!c) return s;
    out.push(c);
  }
  return out;
}

function sumOf(claims: readonly Claim[]): { interval: Interval; printed: bigint } {
  let interval = point(0n);
  let printed = 0n;
  for (const c of claims) {
    const a = c.value ? amountOf(c.value) : undefined;
    if (!a) continue;
    interval = add(interval, a.interval);
    printed += a.printed;
  }
  return { interval, printed };
}

const claimRelationOp = defineOperator({
  params: RelationParams,
  run(rule, p, ctx) {
    const pool = ctx.doc.claims.filter(
      (c) => p.section === undefined || regex(p.section).test(sectionPath(c)),
    );
    const left = pickAll(pool, p.left);
    if (typeof left === 'string') {
      return [notApplicable({ zh: `文中没有“${left}”的金额`, en: `no amount for "${left}"` })];
    }
    const right = pickAll(pool, p.right, left[0]);
    if (typeof right === 'string') {
      return [notApplicable({ zh: `文中没有“${right}”的金额`, en: `no amount for "${right}"` })];
    }
    const first = left[0];
    if (!first?.value) return [notApplicable({ zh: '文中没有相应金额', en: 'no amount stated' })];
    const l = sumOf(left);
    const r = sumOf(right);
    const holds = p.relation === 'le' ? l.interval.lo <= r.interval.hi : overlaps(l.interval, r.interval);
    const what = describeClaim(first);
    const nameList = (cs: readonly Claim[]): string => cs.map((c) => `“${c.subject}”`).join('、');
    const sumWord = (cs: readonly Claim[]): LocalizedText =>
      cs.length > 1 ? { zh: '之和', en: ' combined' } : { zh: '', en: '' };
    const lText = left.length > 1 ? showIn(l.printed, first.value) : showFigure(first.value);
    const expected = showIn(r.printed, first.value);
    const evidence = [...left.map(claimEvidence), ...right.map(claimEvidence)];
    const shown = { expected, reported: lText };
    const lName = `${nameList(left)}${sumWord(left).zh}`;
    const lNameEn = `${nameList(left)}${sumWord(left).en}`;
    const rName = `${nameList(right)}${sumWord(right).zh}`;
    const rNameEn = `${nameList(right)}${sumWord(right).en}`;
    if (holds && (p.relation === 'le' || l.printed === r.printed)) return [{ status: 'passed' }];
    if (holds) {
      return [
        note(
          {
            zh: `${what.zh}：${lName}${lText}与${rName}${expected}相差在尾数误差范围内`,
            en: `${what.en}: ${lNameEn} ${lText} and ${rNameEn} ${expected} differ within rounding`,
          },
          evidence,
          shown,
        ),
      ];
    }
    const rel =
      p.relation === 'le' ? { zh: '不应大于', en: 'must not exceed' } : { zh: '应等于', en: 'should equal' };
    return [
      fail(
        {
          zh: `${what.zh}：${lName}${lText}${rel.zh}${rName}${expected}（${rule.title.zh}）`,
          en: `${what.en}: ${lNameEn} ${lText} ${rel.en} ${rNameEn} ${expected} (${rule.title.en})`,
        },
        evidence,
        shown,
      ),
    ];
  },
});

export const arithmeticOperators = {
  'claim-change': claimChangeOp,
  'claim-completion': claimCompletionOp,
  'claim-budget-direction': claimBudgetDirectionOp,
  'claim-items-sum': claimItemsSumOp,
  'claim-relation': claimRelationOp,
};
