import { z } from 'zod';
import type { Claim } from '#domain/claim.ts';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import { overlaps, type Figure } from '#domain/quantity.ts';
import { TABLE_NAMES } from '#domain/table.ts';
import { makeContext, type EvalContext } from '../context.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import { arithmeticOperators } from './narrative-arith.ts';
import { shareOperators } from './narrative-shares.ts';
import { impliedBase, signWord } from './narrative-change.ts';
import {
  agreement,
  amountOf,
  BindingListSchema,
  ClaimBaseSchema,
  claimEvidence,
  describeClaim,
  describeSide,
  findBinding,
  regex,
  RegexText,
  resolveBinding,
  resolveSide,
  roundToStep,
  showFigure,
  showIn,
  sideEvidence,
  traceExact,
  type Amount,
  type BoundSide,
} from './narrative-claims.ts';
import { statementOperators } from './narrative-statements.ts';

/**
 * The narrative family (final-accounts-template.md §4.3): the amounts, changes, completion rates and shares
 * the 情况说明 states, checked against the tables, against themselves and against last year's document.
 * Which claim states which cell is data (bindings in the rule file), never code.
 */

// ---- claim-amount (N-1 … N-7, N-10 budgets, N-13, N-18, N-19) -------------------------------------------

function checkAmount(
  ctx: EvalContext,
  claim: Claim,
  fig: Figure,
  bound: BoundSide,
  relation: 'eq' | 'le',
  label: LocalizedText,
): RuleResult {
  const what = describeClaim(claim);
  const stated = amountOf(fig);
  if (!stated) {
    return notApplicable({
      zh: `${what.zh}的${label.zh}不是金额`,
      en: `${what.en}: the ${label.en} is not money`,
    });
  }
  if (!bound.ok) {
    if (!('missingRow' in bound)) return notApplicable(bound.reason);
    // The narrative names an item the table does not list: a renamed or missing 科目, worth a look.
    const t = bound.table;
    return {
      status: 'failed',
      report: {
        severity: 'warning',
        message: {
          zh: `${what.zh}${label.zh}${showFigure(fig)}：表${t.id.slice(1)} ${t.title}${bound.missingRow.zh}，科目名称前后不一致或表中缺项`,
          en: `${what.en}: ${label.en} ${showFigure(fig)}; ${TABLE_NAMES[t.id].en} (${t.id}): ${bound.missingRow.en}; the item is renamed or missing`,
        },
        reported: showFigure(fig),
        evidence: [
          claimEvidence(claim),
          { page: t.source.page, line: t.source.line, text: t.source.text, table: t.id },
        ],
      },
    };
  }
  const side = bound.side;
  if (relation === 'eq') traceExact(ctx, side);
  const result = agreement(stated, side, relation);
  const expected = showIn(side.printed, side.like ?? fig);
  const reported = showFigure(fig);
  const evidence: Evidence[] = [claimEvidence(claim), ...sideEvidence(side)];
  const where = describeSide(side);
  switch (result) {
    case 'exact':
      return { status: 'passed' };
    case 'rounded':
    case 'within-rounding':
      return {
        status: 'passed',
        report: {
          severity: 'info',
          message: {
            zh: `${what.zh}${label.zh}${reported}与${where.zh}（${expected}）在尾数误差范围内一致`,
            en: `${what.en}: ${label.en} ${reported} agrees with ${where.en} (${expected}) within rounding`,
          },
          expected,
          reported,
          evidence,
        },
      };
    case 'differs': {
      const rel =
        relation === 'le'
          ? { zh: '不应大于', en: 'must not exceed' }
          : { zh: '与表中数不一致：', en: 'differs from' };
      return {
        status: 'failed',
        report: {
          message: {
            zh: `${what.zh}${label.zh}${reported}${rel.zh}${where.zh}为${expected}`,
            en: `${what.en}: ${label.en} ${reported} ${rel.en} ${where.en}, which prints ${expected}`,
          },
          expected,
          reported,
          evidence,
        },
      };
    }
  }
}

const VALUE_LABEL = { zh: '金额', en: 'amount' };
const BUDGET_LABEL = { zh: '预算数', en: 'budget' };

const claimAmountOp = defineOperator({
  params: z.object({ bindings: BindingListSchema }),
  run(_rule, p, ctx) {
    const results: RuleResult[] = [];
    // One fact printed once yields one check, however many claims the extractor made of its sentence.
    const seen = new Set<string>();
    const once = (key: string): boolean => !seen.has(key) && (seen.add(key), true);
    for (const claim of ctx.doc.claims) {
      const b = findBinding(p.bindings, claim);
      if (!b) continue;
      const at = `${claim.source.page}:${claim.source.line}:${claim.subject}`;
      if (claim.value && amountOf(claim.value) && once(`v|${at}|${claim.value.text}`)) {
        const bound = resolveBinding(ctx, b, claim);
        if (bound) results.push(checkAmount(ctx, claim, claim.value, bound, b.relation, VALUE_LABEL));
      }
      if (
        b.baseCell &&
        claim.baseValue &&
        claim.base &&
        b.baseKinds.includes(claim.base) &&
        once(`b|${at}|${claim.baseValue.text}`)
      ) {
        const bound = resolveSide(ctx, b.baseCell);
        results.push(checkAmount(ctx, claim, claim.baseValue, bound, 'eq', BUDGET_LABEL));
      }
    }
    if (results.length === 0) {
      return [
        notApplicable({
          zh: '文中没有与表格绑定的金额表述',
          en: 'no stated amount is bound to a table cell',
        }),
      ];
    }
    return results;
  },
});

// ---- claim-unbound: stated amounts no rule binds, counted rather than silently passed -----------------------

const claimUnboundOp = defineOperator({
  params: z.object({
    bindings: BindingListSchema,
    /** Subjects checked by other rules without a table cell (政府采购 sums, for instance). */
    covered: z.array(RegexText).default([]),
  }),
  run(_rule, p, ctx) {
    const withAmount = ctx.doc.claims.filter((c) => c.value && amountOf(c.value));
    if (withAmount.length === 0) {
      return [notApplicable({ zh: '文中没有金额表述', en: 'the narrative states no amounts' })];
    }
    const unbound = withAmount.filter(
      (c) => !findBinding(p.bindings, c) && !p.covered.some((s) => regex(s).test(c.subject)),
    );
    if (unbound.length === 0) return [{ status: 'passed' }];
    return unbound.map((c): RuleResult => {
      const what = describeClaim(c);
      const reason = {
        zh: `${what.zh}${c.value ? showFigure(c.value) : ''}未与任何表格单元格绑定，未核对`,
        en: `${what.en} ${c.value ? showFigure(c.value) : ''} is bound to no table cell and was not checked`,
      };
      return {
        status: 'not-applicable',
        reason,
        report: {
          severity: 'info',
          message: reason,
          reported: c.value ? showFigure(c.value) : '',
          evidence: [claimEvidence(c)],
        },
      };
    });
  },
});

// ---- claim-consistency (N-8a): one fact stated twice must be stated the same way ---------------------------

/** Two printed amounts of one fact agree when equal, or when the finer one rounds to the coarser. */
function sameAmount(a: Amount, b: Amount): boolean {
  if (a.printed === b.printed) return true;
  const [fine, coarse] = a.step < b.step ? [a, b] : [b, a];
  return roundToStep(fine.printed, coarse.step) === coarse.printed;
}

function samePercent(a: Figure, b: Figure): boolean {
  if (a.value === b.value) return true;
  const [fine, coarse] = a.decimals > b.decimals ? [a, b] : [b, a];
  const step = 10n ** BigInt(12 - Math.min(coarse.decimals, 12));
  return roundToStep(fine.value, step) === coarse.value;
}

interface Difference {
  field: LocalizedText;
  a: string;
  b: string;
}

function differences(a: Claim, b: Claim): Difference[] {
  const out: Difference[] = [];
  const va = a.value ? amountOf(a.value) : undefined;
  const vb = b.value ? amountOf(b.value) : undefined;
  if (a.value && b.value && va && vb && !sameAmount(va, vb)) {
    out.push({ field: { zh: '金额', en: 'amount' }, a: showFigure(a.value), b: showFigure(b.value) });
  }
  if (a.base !== b.base || a.base === 'total') return out;
  const ia = impliedBase(a);
  const ib = impliedBase(b);
  // “增加0万元” and “持平” say the same thing.
  const sign = (i: NonNullable<typeof ia>): number => (i.change && i.change.printed === 0n ? 0 : i.sign);
  if (ia && ib && sign(ia) !== sign(ib)) {
    out.push({
      field: { zh: '增减方向', en: 'direction' },
      a: a.directionWord ?? signWord(ia.sign).zh,
      b: b.directionWord ?? signWord(ib.sign).zh,
    });
  }
  // Compared as printed: a restatement (“较上年增加1133.95万元”) may come without the amount itself.
  const ca = a.changeAmount ? amountOf(a.changeAmount) : undefined;
  const cb = b.changeAmount ? amountOf(b.changeAmount) : undefined;
  if (a.changeAmount && b.changeAmount && ca && cb && !sameAmount(ca, cb)) {
    out.push({
      field: { zh: '变动额', en: 'change amount' },
      a: showFigure(a.changeAmount),
      b: showFigure(b.changeAmount),
    });
  }
  if (a.changePercent && b.changePercent && !samePercent(a.changePercent, b.changePercent)) {
    out.push({
      field: { zh: '变动幅度', en: 'change percentage' },
      a: showFigure(a.changePercent),
      b: showFigure(b.changePercent),
    });
  }
  const ba = a.baseValue ? amountOf(a.baseValue) : undefined;
  const bb = b.baseValue ? amountOf(b.baseValue) : undefined;
  if (a.baseValue && b.baseValue && ba && bb && !sameAmount(ba, bb)) {
    out.push({
      field: { zh: '预算数', en: 'budget' },
      a: showFigure(a.baseValue),
      b: showFigure(b.baseValue),
    });
  }
  if (a.percent && b.percent && !samePercent(a.percent, b.percent)) {
    out.push({ field: { zh: '完成率', en: 'rate' }, a: showFigure(a.percent), b: showFigure(b.percent) });
  }
  return out;
}

const claimConsistencyOp = defineOperator({
  params: z.object({
    /** Only these subjects (regex); all when absent. */
    subject: RegexText.optional(),
  }),
  run(_rule, p, ctx) {
    const groups = new Map<string, Claim[]>();
    for (const c of ctx.doc.claims) {
      if (!c.subject || (p.subject !== undefined && !regex(p.subject).test(c.subject))) continue;
      const g = groups.get(c.subject) ?? [];
      g.push(c);
      groups.set(c.subject, g);
    }
    const results: RuleResult[] = [];
    for (const [subject, claims] of groups) {
      if (claims.length < 2) continue;
      let failed: RuleResult | undefined;
      outer: for (let i = 0; i < claims.length; i++) {
        for (let k = i + 1; k < claims.length; k++) {
          const a = claims[i];
          const b = claims[k];
          if (!a || !b) continue;
          const diff = differences(a, b);
          if (diff.length === 0) continue;
          const zh = diff.map((d) => `${d.field.zh}${d.a}与${d.b}`).join('；');
          const en = diff.map((d) => `${d.field.en} ${d.a} vs ${d.b}`).join('; ');
          failed = {
            status: 'failed',
            report: {
              message: {
                zh: `「${subject}」在第${a.source.page}页第${a.source.line}行与第${b.source.page}页第${b.source.line}行的表述不一致：${zh}`,
                en: `"${subject}" is stated differently on page ${a.source.page} line ${a.source.line} and page ${b.source.page} line ${b.source.line}: ${en}`,
              },
              expected: diff.map((d) => d.a).join(' / '),
              reported: diff.map((d) => d.b).join(' / '),
              evidence: [claimEvidence(a), claimEvidence(b)],
            },
          };
          break outer;
        }
      }
      results.push(failed ?? { status: 'passed' });
    }
    if (results.length === 0) {
      return [notApplicable({ zh: '没有重复表述的事项', en: 'no subject is stated more than once' })];
    }
    return results;
  },
});

// ---- prior-year (issue acceptance 4): implied 上年决算数 against last year's own tables ----------------------

const priorYearOp = defineOperator({
  params: z.object({
    bindings: BindingListSchema,
    bases: z.array(ClaimBaseSchema).default(['prior-final']),
  }),
  run(_rule, p, ctx) {
    const prior = ctx.prior;
    if (!prior) {
      return [
        notApplicable({
          zh: '未提供上年度同一单位的决算文档，无法核对上年数',
          en: "no prior-year document of the same organisation was supplied; last year's figures cannot be checked",
        }),
      ];
    }
    const { fiscalYear } = ctx.doc;
    if (fiscalYear !== undefined && prior.fiscalYear !== undefined && prior.fiscalYear !== fiscalYear - 1) {
      return [
        notApplicable({
          zh: `所给上年文档为${prior.fiscalYear}年度，不是${fiscalYear - 1}年度`,
          en: `the prior document is for ${prior.fiscalYear}, not ${fiscalYear - 1}`,
        }),
      ];
    }
    const priorCtx = makeContext(prior, undefined, ctx.codes);
    const year = prior.fiscalYear !== undefined ? `${prior.fiscalYear}年度` : '上年';
    const yearEn = prior.fiscalYear !== undefined ? String(prior.fiscalYear) : 'the prior year';
    const results: RuleResult[] = [];
    for (const claim of ctx.doc.claims) {
      if (!claim.base || !p.bases.includes(claim.base)) continue;
      const ib = impliedBase(claim);
      if (!ib || !claim.value) continue;
      const what = describeClaim(claim);
      const implied = showIn(ib.basePrinted, claim.value);
      const derivation =
        ib.sign === 0
          ? { zh: `与上年持平，上年数即${implied}`, en: `unchanged, so last year was ${implied}` }
          : {
              zh: `${showFigure(claim.value)}${claim.directionWord ?? signWord(ib.sign).zh}${claim.changeAmount ? showFigure(claim.changeAmount) : ''}，推算上年数为${implied}`,
              en: `${showFigure(claim.value)} after ${signWord(ib.sign).en} of ${claim.changeAmount ? showFigure(claim.changeAmount) : ''} implies ${implied} last year`,
            };
      const b = findBinding(p.bindings, claim);
      let target:
        | {
            interval: { lo: bigint; hi: bigint };
            printed: bigint;
            where: LocalizedText;
            evidence: Evidence[];
            like?: Figure;
          }
        | undefined;
      const res = b ? resolveBinding(priorCtx, b, claim) : undefined;
      if (res) {
        if (res.ok && res.side.anyPrinted) {
          target = {
            interval: res.side.interval,
            printed: res.side.printed,
            where: describeSide(res.side),
            evidence: sideEvidence(res.side).map((e) => ({ ...e, text: `${prior.path}: ${e.text}` })),
            like: res.side.like,
          };
        }
      }
      if (!target) {
        // Last year's narrative: the same subject, or a subject the same binding covers (本年收入 / 本年收入合计).
        const stated = prior.claims.find(
          (c) =>
            c.value &&
            amountOf(c.value) &&
            (c.subject === claim.subject || (b !== undefined && findBinding(p.bindings, c) === b)),
        );
        const a = stated?.value ? amountOf(stated.value) : undefined;
        if (stated?.value && a) {
          target = {
            interval: a.interval,
            printed: a.printed,
            where: describeClaim(stated),
            evidence: [{ ...claimEvidence(stated), text: `${prior.path}: ${stated.source.text}` }],
            like: stated.value,
          };
        }
      }
      if (!target) {
        results.push(
          notApplicable({
            zh: `${year}文档中找不到与${what.zh}对应的数`,
            en: `no figure in the ${yearEn} document matches ${what.en}`,
          }),
        );
        continue;
      }
      const holds =
        b?.relation === 'le' ? ib.base.lo <= target.interval.hi : overlaps(ib.base, target.interval);
      if (holds) {
        results.push({ status: 'passed' });
        continue;
      }
      const expected = showIn(target.printed, target.like ?? claim.value);
      results.push({
        status: 'failed',
        report: {
          message: {
            zh: `${what.zh}${derivation.zh}；但${year}决算${target.where.zh}为${expected}`,
            en: `${what.en}: ${derivation.en}; but the ${yearEn} final accounts print ${expected} at ${target.where.en}`,
          },
          expected,
          reported: implied,
          evidence: [claimEvidence(claim), ...target.evidence],
        },
      });
    }
    if (results.length === 0) {
      return [
        notApplicable({
          zh: '文中没有与上年比较的表述',
          en: 'the narrative makes no comparison with last year',
        }),
      ];
    }
    return results;
  },
});

/** Every operator of the narrative family, for the operator table. */
export const narrativeOperators: Record<string, Operator> = {
  'claim-amount': claimAmountOp,
  'claim-unbound': claimUnboundOp,
  'claim-consistency': claimConsistencyOp,
  'prior-year': priorYearOp,
  ...arithmeticOperators,
  ...shareOperators,
  ...statementOperators,
};
