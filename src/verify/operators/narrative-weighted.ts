import { z } from 'zod';
import type { Claim } from '#domain/claim.ts';
import type { Evidence } from '#domain/finding.ts';
import { add, divCeil, divFloor, overlaps, point, type Interval } from '#domain/quantity.ts';
import { defineOperator, notApplicable, type RuleResult } from '../operator.ts';
import { percentInterval } from './narrative-change.ts';
import {
  amountOf,
  claimEvidence,
  describeClaim,
  regex,
  roundToStep,
  sectionPath,
  showFigure,
  showIn,
  type Amount,
} from './narrative-claims.ts';
import { fail, note, ONE, RegexText } from './narrative-results.ts';

/**
 * Weighted shares (N-12): “授予中小企业合同金额193.32万元 … 货物采购授予中小企业合同金额占货物支出金额的100%，
 * 工程…0%，服务…100%”. The per-category shares are stated without amounts; weighted by the category amounts
 * stated next to them, they must give back the stated total: Σ amount_k × share_k / 100 = total, with every
 * printed figure read as the interval it stands for.
 */

const CategorySchema = z.object({
  /** The share claim of this category (a percentage of the category amount). */
  share: RegexText,
  /** The claim that states the category amount. */
  amount: RegexText,
});

const WeightedParams = z.object({
  /** The claim that states the weighted total. */
  total: RegexText,
  categories: z.array(CategorySchema).min(1),
  /** Only claims under matching headings. */
  section: RegexText.optional(),
});

const HUNDRED = 100n * ONE;

/** The claim matching `subject` that is closest to `near`: same sentence, then same section, then first. */
function nearest(pool: readonly Claim[], subject: string, pred: (c: Claim) => boolean, near?: Claim) {
  const re = regex(subject);
  const found = pool.filter((c) => pred(c) && re.test(c.subject));
  if (!near) return found[0];
  return (
    found.find((c) => c.sentence === near.sentence && c.sentence !== '') ??
    found.find((c) => sectionPath(c) === sectionPath(near)) ??
    found[0]
  );
}

const hasAmount = (c: Claim): boolean => c.value !== undefined && amountOf(c.value) !== undefined;
const isShare = (c: Claim): boolean => c.percent !== undefined || c.notComparable === true;

/** The “--” form: a share of a zero amount that is not a number. */
function isDash(c: Claim): boolean {
  return c.percent === undefined || c.percent.blank === true;
}

interface Part {
  share: Claim;
  amountClaim: Claim;
  amount: Amount;
  /** The share as an interval, × 10^12 percent; a point 0 for the “--” form. */
  pct: Interval;
  /** The share as printed, × 10^12 percent. */
  pctPrinted: bigint;
}

/**
 * A part's share of its whole lies within 0–100%: the printed interval (100% → 99.5–100.5%) is cut to that
 * range. A share printed outside it is left as printed (negative shares are reported here, shares above
 * 100% by fa.narrative.share).
 */
function admissible(p: Interval): Interval {
  const lo = p.lo < 0n ? 0n : p.lo;
  const hi = p.hi > HUNDRED ? HUNDRED : p.hi;
  return lo <= hi ? { lo, hi } : p;
}

/** [a] × [b] / 100% for intervals (amount × 10^12 元 times percent × 10^12), rounded outward. */
function weigh(a: Interval, b: Interval): Interval {
  const corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  const lo = corners.reduce((m, v) => (v < m ? v : m));
  const hi = corners.reduce((m, v) => (v > m ? v : m));
  return { lo: divFloor(lo, HUNDRED), hi: divCeil(hi, HUNDRED) };
}

function showShare(c: Claim): string {
  return c.percent && !c.percent.blank ? showFigure(c.percent) : '--';
}

function missing(subject: string): RuleResult {
  const name = subject.replace(/^\^|\$$/gu, '');
  return notApplicable({ zh: `文中没有“${name}”的表述`, en: `no statement of "${name}" found` });
}

function uniqueEvidence(claims: readonly Claim[]): Evidence[] {
  const seen = new Set<string>();
  return claims.filter((c) => !seen.has(c.id) && seen.add(c.id)).map(claimEvidence);
}

/** A share that cannot be: negative, or other than 0 (or “--”) of a category amount printed as 0. */
function checkPart(p: Part): RuleResult | undefined {
  const what = describeClaim(p.share);
  const ev = uniqueEvidence([p.share, p.amountClaim]);
  const shown = showShare(p.share);
  if (p.pctPrinted < 0n) {
    return fail(
      {
        zh: `${what.zh}占比为${shown}，占比不能为负数`,
        en: `${what.en}: a share of ${shown} cannot be negative`,
      },
      ev,
      { expected: '≥ 0%', reported: shown },
    );
  }
  if (p.amount.printed === 0n && p.pctPrinted !== 0n) {
    const amountText = p.amountClaim.value ? showFigure(p.amountClaim.value) : '0';
    return fail(
      {
        zh: `${what.zh}：${describeClaim(p.amountClaim).zh}为${amountText}，其占比应为0或“--”，文中为${shown}`,
        en: `${what.en}: ${describeClaim(p.amountClaim).en} is ${amountText}, so its share must be 0 or "--", not ${shown}`,
      },
      ev,
      { expected: '0%', reported: shown },
    );
  }
  return undefined;
}

const claimWeightedShareOp = defineOperator({
  params: WeightedParams,
  run(rule, p, ctx) {
    const pool = ctx.doc.claims.filter(
      (c) => p.section === undefined || regex(p.section).test(sectionPath(c)),
    );
    // The first share stated anchors the paragraph; everything else is looked for near it.
    const anchor = p.categories
      .map((k) => nearest(pool, k.share, isShare))
      .filter((c): c is Claim => c !== undefined)
      .sort((a, b) => pool.indexOf(a) - pool.indexOf(b))[0];
    if (!anchor) {
      return [
        notApplicable({
          zh: '文中没有按类别表述的占比',
          en: 'the narrative states no per-category shares',
        }),
      ];
    }
    const totalClaim = nearest(pool, p.total, hasAmount, anchor);
    const total = totalClaim?.value ? amountOf(totalClaim.value) : undefined;
    if (!totalClaim?.value || !total) return [missing(p.total)];

    const parts: Part[] = [];
    for (const k of p.categories) {
      const share = nearest(pool, k.share, isShare, anchor);
      if (!share) return [missing(k.share)];
      const amountClaim = nearest(pool, k.amount, hasAmount, share);
      const amount = amountClaim?.value ? amountOf(amountClaim.value) : undefined;
      if (!amountClaim || !amount) return [missing(k.amount)];
      const dash = isDash(share);
      parts.push({
        share,
        amountClaim,
        amount,
        pct: dash || !share.percent ? point(0n) : admissible(percentInterval(share.percent)),
        pctPrinted: dash || !share.percent ? 0n : share.percent.value,
      });
    }

    const results: RuleResult[] = [];
    for (const part of parts) {
      const r = checkPart(part);
      if (r) results.push(r);
    }
    // A negative share makes the weighted sum meaningless; it is reported on its own.
    if (parts.some((x) => x.pctPrinted < 0n)) return results;

    let sum = point(0n);
    let printedProducts = 0n;
    for (const x of parts) {
      sum = add(sum, weigh(x.amount.interval, x.pct));
      printedProducts += x.amount.printed * x.pctPrinted;
    }
    // Rounded once, half away from zero, from the exact sum of the printed products.
    const exact = printedProducts / HUNDRED;
    const expectedValue = roundToStep(exact, total.step);
    const expected = showIn(expectedValue, totalClaim.value);
    const reported = showFigure(totalClaim.value);
    const what = describeClaim(anchor);
    const terms = parts
      .map(
        (x) =>
          `${x.amountClaim.subject}${x.amountClaim.value ? showFigure(x.amountClaim.value) : ''}×${showShare(x.share)}`,
      )
      .join(' + ');
    const evidence = uniqueEvidence([...parts.flatMap((x) => [x.share, x.amountClaim]), totalClaim]);
    const shown = { expected, reported };
    if (overlaps(sum, total.interval)) {
      if (expectedValue === total.printed) {
        results.push({ status: 'passed' });
      } else {
        results.push(
          note(
            {
              zh: `${what.zh}起各类占比按金额加权为${expected}（${terms}），与“${totalClaim.subject}”${reported}相差在尾数误差范围内`,
              en: `${what.en}: the shares weighted by their amounts give ${expected} (${terms}), within rounding of "${totalClaim.subject}" ${reported}`,
            },
            evidence,
            shown,
          ),
        );
      }
      return results;
    }
    results.push(
      fail(
        {
          zh: `${what.zh}起各类占比按金额加权应为${expected}（${terms}），文中“${totalClaim.subject}”为${reported}（${rule.title.zh}）`,
          en: `${what.en}: the shares weighted by their amounts give ${expected} (${terms}), but "${totalClaim.subject}" is ${reported} (${rule.title.en})`,
        },
        evidence,
        shown,
      ),
    );
    return results;
  },
});

export const weightedOperators = {
  'claim-weighted-share': claimWeightedShareOp,
};
