import { z } from 'zod';
import type { DisclosureDocument } from '#domain/document.ts';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import { formatInterval, overlaps, sum, type Interval } from '#domain/quantity.ts';
import { BUDGET_MEASURES, SPENDING_PARTS, type BudgetFigure } from '#domain/self-evaluation.ts';
import { cellEvidence, describeCell, makeContext, resolveRefs, type EvalContext } from '../context.ts';
import { defineOperator, type Operator, type RuleResult } from '../operator.ts';
import { RefListSchema } from '../refs.ts';
import { claimEvidence, regex, RegexText } from './narrative-claims.ts';
import { impliedBase } from './narrative-change.ts';
import {
  at,
  failed,
  NO_SELF_EVALUATION,
  orNothing,
  PASSED,
  selfEvaluationOf,
  showFigure,
  sourceEvidence,
  traced,
  yuan,
} from './self-eval-support.ts';

/**
 * A self-evaluation's budget figures against the same department's 部门决算: the 决算 of the same year (its
 * tables), or the next year's 决算, whose narrative states last year's figures (本年数 ∓ 比上年增减数).
 * Which figure meets which cell or narrative subject is data in the rule file.
 */

const PairSchema = z.object({
  measure: z.enum(BUDGET_MEASURES),
  part: z.enum(SPENDING_PARTS),
  /** Cells of the same year's 决算 whose sum is the figure. */
  cells: RefListSchema.optional(),
  /** Subject of a 上年决算数 comparison in the next year's 决算 narrative. */
  priorSubject: RegexText.optional(),
});

interface Counterpart {
  interval: Interval;
  shown: string;
  what: LocalizedText;
  evidence: Evidence[];
}

function sameYear(doc: DisclosureDocument, refs: readonly string[]): Counterpart | undefined {
  const res = resolveRefs(makeContext(doc), refs);
  if (!res.ok) return undefined;
  const printed = res.cells.filter((c) => c.cell);
  if (printed.length === 0) return undefined;
  const interval = sum(printed.map((c) => yuan(c.cell!.figure)));
  const names = printed.map((c) => describeCell(c));
  return {
    interval,
    shown: printed.map((c) => showFigure(c.cell!.figure)).join('＋'),
    what: {
      zh: `${doc.fiscalYear ?? ''}年度部门决算${names.map((n) => n.zh).join('＋')}`,
      en: `the ${doc.fiscalYear ?? ''} final accounts, ${names.map((n) => n.en).join(' + ')}`,
    },
    evidence: printed.map((c) => cellEvidence(c)),
  };
}

function nextYear(doc: DisclosureDocument, subject: string): Counterpart | undefined {
  const re = regex(subject);
  for (const claim of doc.claims) {
    if (claim.base !== 'prior-final' || !re.test(claim.subject)) continue;
    const implied = impliedBase(claim);
    if (!implied) continue;
    return {
      interval: implied.base,
      shown: `${formatInterval({ lo: implied.base.lo / 10_000n, hi: implied.base.hi / 10_000n }, 2)}万元`,
      what: {
        zh: `${doc.fiscalYear ?? ''}年度部门决算所述上年${claim.subject}（${at(claim.source).zh}）`,
        en: `last year's ${claim.subject} as the ${doc.fiscalYear ?? ''} final accounts state it (${at(claim.source).en})`,
      },
      evidence: [claimEvidence(claim)],
    };
  }
  return undefined;
}

function related(ctx: EvalContext, year: number | undefined, offset: number): DisclosureDocument | undefined {
  if (year === undefined) return undefined;
  return ctx.related?.find((d) => d.kind === 'final-accounts' && d.fiscalYear === year + offset);
}

const finalAccountsOp = defineOperator({
  params: z.object({ pairs: z.array(PairSchema).min(1) }),
  run(_rule, p, ctx): RuleResult[] {
    const se = selfEvaluationOf(ctx);
    if (!se) return NO_SELF_EVALUATION;
    const same = related(ctx, ctx.doc.fiscalYear, 0);
    const next = related(ctx, ctx.doc.fiscalYear, 1);
    if (!same && !next) {
      return orNothing(
        [],
        '未提供同一部门同年或次年的部门决算（用 --against 指定，或放在同一批次中）',
        'no final accounts of the same department for this year or the next were given (--against, or in the same batch)',
      );
    }
    const results: RuleResult[] = [];
    for (const pair of p.pairs) {
      const stated = se.budget.find((b) => b.measure === pair.measure && b.part === pair.part);
      if (!stated) continue;
      const other =
        (same && pair.cells ? sameYear(same, pair.cells) : undefined) ??
        (next && pair.priorSubject ? nextYear(next, pair.priorSubject) : undefined);
      if (!other) continue;
      traced(ctx, stated.value);
      results.push(compare(stated, other));
    }
    return orNothing(
      results,
      '自评报告与部门决算没有可对应的数字',
      'no figure of the report has a counterpart in the final accounts',
    );
  },
});

function compare(stated: BudgetFigure, other: Counterpart): RuleResult {
  if (overlaps(yuan(stated.value), other.interval)) return PASSED;
  return failed(
    {
      zh: `自评报告${at(stated.source).zh}所列${showFigure(stated.value)}与${other.what.zh}${other.shown}不一致`,
      en: `the report states ${showFigure(stated.value)} (${at(stated.source).en}); ${other.what.en} is ${other.shown}`,
    },
    [sourceEvidence(stated.source), ...other.evidence],
    other.shown,
    showFigure(stated.value),
  );
}

export const selfEvalAccountsOperators: Record<string, Operator> = {
  'se-final-accounts': finalAccountsOp,
};
