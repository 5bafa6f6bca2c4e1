import { z } from 'zod';
import type { Claim } from '#domain/claim.ts';
import type { LocalizedText } from '#domain/finding.ts';
import type { EvalContext } from '../context.ts';
import { defineOperator, notApplicable, type RuleResult } from '../operator.ts';
import { actualRel, impliedBase, REL_TEXT, relationHolds, relOf } from './narrative-change.ts';
import {
  amountOf,
  BUDGET_BASES,
  ClaimBaseSchema,
  claimEvidence,
  describeClaim,
  describeSide,
  RefList,
  regex,
  RegexText,
  resolveSide,
  showFigure,
  showIn,
  sideEvidence,
} from './narrative-claims.ts';
import { claimOffset, joinedText, lineAt, lineEvidence, type JoinedText } from './narrative-text.ts';

/**
 * Qualitative statements of the narrative checked against figures (N-21, N-17): “决算小于预算”, “购置数0辆”,
 * “决算数大于预算数的主要原因”. Patterns are data; they run over the running text with whitespace removed.
 */

/** Every match of a pattern in the running text. */
function matches(j: JoinedText, pattern: string): RegExpExecArray[] {
  const re = new RegExp(regex(pattern).source, 'gu');
  return [...j.text.matchAll(re)];
}

function noStatement(pattern: string): RuleResult {
  return notApplicable({
    zh: `文中没有相应表述（/${pattern}/）`,
    en: `the narrative makes no such statement (/${pattern}/)`,
  });
}

// ---- text-relation: “决算小于预算” ⇔ 栏7 < 栏1 ------------------------------------------------------------

const TextRelationParams = z.object({
  /** Regex with a named group `rel` holding the comparison word. */
  pattern: RegexText,
  left: RefList,
  right: RefList,
});

const textRelationOp = defineOperator({
  params: TextRelationParams,
  run(_rule, p, ctx) {
    const j = joinedText(ctx.doc);
    const found = matches(j, p.pattern);
    if (found.length === 0) return [noStatement(p.pattern)];
    const l = resolveSide(ctx, p.left);
    if (!l.ok) return [notApplicable(l.reason)];
    const r = resolveSide(ctx, p.right);
    if (!r.ok) return [notApplicable(r.reason)];
    return found.map((m): RuleResult => {
      const rel = relOf(m.groups?.rel, m.groups?.flat);
      const line = lineAt(j, m.index);
      if (!rel)
        return notApplicable({ zh: `无法识别“${m[0]}”的比较关系`, en: `no comparison word in "${m[0]}"` });
      if (relationHolds(rel, l.side.interval, r.side.interval, 1n)) return { status: 'passed' };
      const like = l.side.like ?? r.side.like;
      const lv = like ? showIn(l.side.printed, like) : '';
      const rv = like ? showIn(r.side.printed, like) : '';
      const where = line ? `第${line.page}页第${line.line}行` : '';
      const whereEn = line ? ` (page ${line.page}, line ${line.line})` : '';
      return {
        status: 'failed',
        report: {
          message: {
            zh: `${where}称“${m[0]}”，但${describeSide(l.side).zh}为${lv}，${describeSide(r.side).zh}为${rv}`,
            en: `the text${whereEn} says "${m[0]}" (${REL_TEXT[rel].en}), but ${describeSide(l.side).en} is ${lv} and ${describeSide(r.side).en} is ${rv}`,
          },
          expected: `${lv} ${REL_TEXT[actualRel(l.side.printed, r.side.printed)].zh} ${rv}`,
          reported: m[0],
          evidence: [lineEvidence(line, m[0]), ...sideEvidence(l.side), ...sideEvidence(r.side)],
        },
      };
    });
  },
});

// ---- claim-count: “公务用车购置数0辆” ⇔ 购置费 0 (N-21) -------------------------------------------------------

const CountParams = z.object({
  counts: z
    .array(
      z.object({
        /** Count claims (unit count) whose sum is the number of trips, vehicles or receptions. */
        subject: RegexText,
        /** The amount that is 0 exactly when the count is 0. */
        cell: RefList,
      }),
    )
    .min(1),
});

const claimCountOp = defineOperator({
  params: CountParams,
  run(_rule, p, ctx) {
    const results: RuleResult[] = [];
    for (const entry of p.counts) {
      const re = regex(entry.subject);
      const claims = ctx.doc.claims.filter((c) => c.value?.unit === 'count' && re.test(c.subject));
      if (claims.length === 0) continue;
      const s = resolveSide(ctx, entry.cell);
      if (!s.ok) {
        results.push(notApplicable(s.reason));
        continue;
      }
      const n = claims.reduce((sum, c) => sum + (c.value?.value ?? 0n), 0n);
      const zeroCount = n === 0n;
      const zeroCell = s.side.printed === 0n;
      if (zeroCount === zeroCell) {
        results.push({ status: 'passed' });
        continue;
      }
      const first = claims[0];
      const stated = claims.map((c) => `${c.subject}${c.value?.text ?? ''}`).join('、');
      const v = s.side.like ? showIn(s.side.printed, s.side.like) : '0';
      const where = first ? describeClaim(first) : { zh: '', en: '' };
      results.push({
        status: 'failed',
        report: {
          message: {
            zh: `${where.zh}称${stated}，但${describeSide(s.side).zh}为${v}；数量为0与金额为0应同时成立`,
            en: `${where.en} states ${stated}, but ${describeSide(s.side).en} is ${v}; a count of 0 goes with an amount of 0`,
          },
          expected: zeroCell ? '0' : '> 0',
          reported: String(n / 10n ** 12n),
          evidence: [...claims.map(claimEvidence), ...sideEvidence(s.side)],
        },
      });
    }
    return results.length
      ? results
      : [notApplicable({ zh: '文中没有相应的数量表述', en: 'the narrative states none of these counts' })];
  },
});

// ---- reason-direction (N-17): “决算数小于预算数的主要原因” must fit the two amounts before it --------------

const ReasonParams = z.object({
  /** Regex with a named group `rel` (大于/小于/等于/与/同) and optionally `flat` (持平/基本持平). */
  pattern: RegexText,
  bases: z.array(ClaimBaseSchema).default([...BUDGET_BASES]),
  /** “基本持平” accepts a difference up to this percentage of the budget. */
  nearlyEqualPercent: z.number().int().min(0).max(100).default(1),
});

const reasonDirectionOp = defineOperator({
  params: ReasonParams,
  run(_rule, p, ctx) {
    const j = joinedText(ctx.doc);
    const found = matches(j, p.pattern);
    if (found.length === 0) return [noStatement(p.pattern)];
    const placed = ctx.doc.claims
      .filter((c) => c.value && c.baseValue && c.base && p.bases.includes(c.base))
      .map((c, i) => ({ c, i, at: claimOffset(j, c) }))
      .filter((x): x is { c: Claim; i: number; at: number } => x.at !== undefined)
      .sort((a, b) => a.at - b.at || a.i - b.i);
    const results: RuleResult[] = [];
    let previous = -1;
    for (const m of found) {
      const before = placed.filter((x) => x.at <= m.index && x.at > previous);
      previous = m.index;
      const claim = before.at(-1)?.c;
      const rel = relOf(m.groups?.rel, m.groups?.flat);
      // A phrase the extractor attached to its claim is checked there (claim-budget-direction).
      if (!claim?.value || !claim.baseValue || !rel || claim.directionWord !== undefined) continue;
      const v = amountOf(claim.value);
      const b = amountOf(claim.baseValue);
      if (!v || !b) continue;
      if (relationHolds(rel, v.interval, b.interval, BigInt(p.nearlyEqualPercent))) {
        results.push({ status: 'passed' });
        continue;
      }
      const what = describeClaim(claim);
      const actual: LocalizedText = REL_TEXT[actualRel(v.printed, b.printed)];
      const line = lineAt(j, m.index);
      results.push({
        status: 'failed',
        report: {
          message: {
            zh: `${what.zh}决算${showFigure(claim.value)}${actual.zh}预算${showFigure(claim.baseValue)}，原因说明却写“${m[0]}”`,
            en: `${what.en}: the final amount ${showFigure(claim.value)} is ${actual.en} the budget ${showFigure(claim.baseValue)}, but the explanation says "${m[0]}"`,
          },
          expected: `决算数${actual.zh}预算数`,
          reported: m[0],
          evidence: [claimEvidence(claim), lineEvidence(line, m[0])],
        },
      });
    }
    return results.length ? results : [noStatement(p.pattern)];
  },
});

// ---- claim-direction-word (N-21 “大于上年”): a qualitative year-on-year statement against the claim ---------

const DirectionWordParams = z.object({
  /** Regex with a named group `rel` (大于/小于/持平 …) about the claims matched by `subject`. */
  pattern: RegexText,
  subject: RegexText,
  base: ClaimBaseSchema.default('prior-final'),
});

const claimDirectionWordOp = defineOperator({
  params: DirectionWordParams,
  run(_rule, p, ctx: EvalContext) {
    const j = joinedText(ctx.doc);
    const found = matches(j, p.pattern);
    if (found.length === 0) return [noStatement(p.pattern)];
    const claim = ctx.doc.claims.find(
      (c) => c.base === p.base && regex(p.subject).test(c.subject) && impliedBase(c),
    );
    const ib = claim ? impliedBase(claim) : undefined;
    if (!claim || !ib) {
      return [
        notApplicable({
          zh: `文中没有“${p.subject}”的增减表述`,
          en: `no change statement for "${p.subject}"`,
        }),
      ];
    }
    return found.map((m): RuleResult => {
      const rel = relOf(m.groups?.rel, m.groups?.flat);
      if (!rel)
        return notApplicable({ zh: `无法识别“${m[0]}”的比较关系`, en: `no comparison word in "${m[0]}"` });
      if (relationHolds(rel, ib.value.interval, ib.base, 1n)) return { status: 'passed' };
      const line = lineAt(j, m.index);
      const what = describeClaim(claim);
      return {
        status: 'failed',
        report: {
          message: {
            zh: `${what.zh}的增减表述与“${m[0]}”（第${line?.page ?? 0}页第${line?.line ?? 0}行）相矛盾`,
            en: `${what.en} contradicts "${m[0]}" (page ${line?.page ?? 0}, line ${line?.line ?? 0})`,
          },
          expected: claim.directionWord ?? '',
          reported: m[0],
          evidence: [claimEvidence(claim), lineEvidence(line, m[0])],
        },
      };
    });
  },
});

export const statementOperators = {
  'text-relation': textRelationOp,
  'claim-count': claimCountOp,
  'reason-direction': reasonDirectionOp,
  'claim-direction-word': claimDirectionWordOp,
};
