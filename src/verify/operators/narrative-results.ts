import type { Claim, ClaimBase } from '#domain/claim.ts';
import type { Evidence, LocalizedText, Severity } from '#domain/finding.ts';
import { FIXED_SCALE, percentOf, type Interval } from '#domain/quantity.ts';
import { notApplicable, type RuleResult } from '../operator.ts';
import { regex, RegexText, sectionPath } from './narrative-claims.ts';

/** Results and ratios shared by the narrative operators that do arithmetic on stated figures. */

export const ONE = 10n ** BigInt(FIXED_SCALE);
/** Stands for "unbounded" when a base may be arbitrarily close to zero. */
export const HUGE = 10n ** 40n;

export { RegexText };

/** a / b × 100 at the fixed scale, from printed values; b must not be 0. */
export function ratio(a: bigint, b: bigint): bigint {
  return (a * 100n * ONE) / b;
}

/** The ratio a/b as an interval, where b may reach down to (but not below) zero. */
export function ratioInterval(a: Interval, b: Interval): Interval | undefined {
  if (b.hi <= 0n) return undefined;
  const lo = b.lo > 0n ? b.lo : 1n;
  const p = percentOf(a, { lo, hi: b.hi });
  if (!p) return undefined;
  return b.lo > 0n ? p : { lo: p.lo, hi: HUGE };
}

export function fail(
  message: LocalizedText,
  evidence: Evidence[],
  shown: { expected?: string; reported?: string } = {},
  severity?: Severity,
): RuleResult {
  return { status: 'failed', report: { message, evidence, severity, ...shown } };
}

export function note(
  message: LocalizedText,
  evidence: Evidence[],
  shown: { expected?: string; reported?: string },
) {
  return { status: 'passed', report: { severity: 'info', message, evidence, ...shown } } satisfies RuleResult;
}

export const BASE_NAME: Record<ClaimBase, LocalizedText> = {
  'prior-final': { zh: '上年决算数', en: 'the prior-year final amount' },
  'initial-budget': { zh: '年初预算数', en: 'the initial budget' },
  'full-year-budget': { zh: '全年预算数', en: 'the full-year budget' },
  budget: { zh: '预算数', en: 'the budget' },
  total: { zh: '合计数', en: 'the total' },
};

export function baseName(claim: Claim): LocalizedText {
  return claim.base ? BASE_NAME[claim.base] : { zh: '比较基数', en: 'the base' };
}

export function filterClaims(
  claims: readonly Claim[],
  p: { subject?: string; section?: string },
  pred: (c: Claim) => boolean,
): Claim[] {
  return claims.filter(
    (c) =>
      pred(c) &&
      (p.subject === undefined || regex(p.subject).test(c.subject)) &&
      (p.section === undefined || regex(p.section).test(sectionPath(c))),
  );
}

export function noClaims(zh: string, en: string): RuleResult {
  return notApplicable({ zh: `文中没有可核对的${zh}表述`, en: `the narrative states no ${en} to check` });
}
