import { z } from 'zod';
import type { Claim } from '#domain/claim.ts';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import { add, FIXED_SCALE, overlaps, point, widen, type Figure, type Interval } from '#domain/quantity.ts';
import type { EvalContext } from '../context.ts';
import { defineOperator, notApplicable, type RuleResult } from '../operator.ts';
import { percentInterval, showPercent } from './narrative-change.ts';
import {
  amountOf,
  claimEvidence,
  describeClaim,
  describeSide,
  RefList,
  regex,
  resolveSide,
  sectionPath,
  showFigure,
  showIn,
  sideEvidence,
} from './narrative-claims.ts';
import { fail, noClaims, note, ONE, ratio, ratioInterval, RegexText } from './narrative-results.ts';

/**
 * Shares (N-11, N-12, N-13): “X万元，占p%” recomputed as part over its bound total, and the shares of one
 * breakdown adding up to 100%.
 */

// ---- claim-share, claim-share-sum (N-11) ---------------------------------------------------------------

const TotalSchema = z
  .object({
    /** The part claims this entry covers. */
    subject: RegexText,
    section: RegexText.optional(),
    /** The total as table cells … */
    cell: RefList.optional(),
    /** … or as another claim, looked for in the same sentence, then the same section, then anywhere. */
    claim: RegexText.optional(),
  })
  .refine((t) => t.cell === undefined || t.claim === undefined, 'a total is a cell or a claim, not both');
type TotalEntry = z.infer<typeof TotalSchema>;

const ShareParams = z.object({ totals: z.array(TotalSchema).min(1) });

function isShareClaim(c: Claim): boolean {
  return c.percent !== undefined && (c.base === 'total' || c.base === undefined);
}

interface ResolvedTotal {
  key: string;
  interval: Interval;
  printed: bigint;
  text: string;
  where: LocalizedText;
  evidence: Evidence[];
}

function totalFor(ctx: EvalContext, claim: Claim, t: TotalEntry): ResolvedTotal | LocalizedText {
  if (t.cell) {
    const res = resolveSide(ctx, t.cell);
    if (!res.ok) return res.reason;
    const like = res.side.like ?? claim.value;
    return {
      key: t.cell.join('+'),
      interval: res.side.interval,
      printed: res.side.printed,
      text: like ? showIn(res.side.printed, like) : '',
      where: describeSide(res.side),
      evidence: sideEvidence(res.side),
    };
  }
  if (t.claim === undefined) {
    return { zh: '文中未写明该占比的合计数', en: 'the narrative does not state the total of this share' };
  }
  const re = regex(t.claim);
  const candidates = ctx.doc.claims.filter((c) => c !== claim && c.value && re.test(c.subject));
  const total =
    candidates.find((c) => c.sentence === claim.sentence && c.sentence !== '') ??
    candidates.find((c) => sectionPath(c) === sectionPath(claim)) ??
    candidates[0];
  const a = total?.value ? amountOf(total.value) : undefined;
  if (!total?.value || !a) {
    return { zh: `未找到“${t.claim}”的金额表述`, en: `no statement of "${t.claim}" found` };
  }
  return {
    key: total.id,
    interval: a.interval,
    printed: a.printed,
    text: showFigure(total.value),
    where: describeClaim(total),
    evidence: [claimEvidence(total)],
  };
}

function entryFor(totals: readonly TotalEntry[], c: Claim): TotalEntry | undefined {
  return totals.find(
    (t) =>
      regex(t.subject).test(c.subject) && (t.section === undefined || regex(t.section).test(sectionPath(c))),
  );
}

interface ShareItem {
  claim: Claim;
  total: ResolvedTotal | LocalizedText;
  /** Shares of one total in one section form a breakdown. */
  group?: string;
}

/** Every share claim a totals list covers, with its total and breakdown. */
function collectShares(ctx: EvalContext, totals: readonly TotalEntry[]): ShareItem[] {
  const items: ShareItem[] = [];
  for (const c of ctx.doc.claims) {
    if (!isShareClaim(c)) continue;
    const t = entryFor(totals, c);
    if (!t) continue;
    const total = totalFor(ctx, c, t);
    // A share stated without its amount (货物采购授予中小企业合同金额占货物支出金额的100%) has a total of its own.
    const group =
      'interval' in total && c.value ? `${totals.indexOf(t)}|${total.key}|${sectionPath(c)}` : undefined;
    items.push({ claim: c, total, group });
  }
  return items;
}

function checkShare(item: ShareItem, adjusted: boolean): RuleResult {
  const { claim, total } = item;
  const what = describeClaim(claim);
  const pct = claim.percent;
  const value = claim.value ? amountOf(claim.value) : undefined;
  if (pct && !claim.value) {
    // 货物采购授予中小企业合同金额占货物支出金额的100%: no amount to recompute, but a part is at most its whole.
    if (percentInterval(pct).lo <= 100n * ONE) return { status: 'passed' };
    return fail(
      {
        zh: `${what.zh}占比为${showFigure(pct)}，分项不能超过合计的100%`,
        en: `${what.en}: a share of ${showFigure(pct)} exceeds the whole`,
      },
      [claimEvidence(claim)],
      { expected: '≤ 100%', reported: showFigure(pct) },
    );
  }
  if (!pct || !value || !claim.value) {
    return notApplicable({ zh: `${what.zh}未写明金额`, en: `${what.en} states no amount for its share` });
  }
  if (!('interval' in total)) return notApplicable(total);
  const ev = [claimEvidence(claim), ...total.evidence];
  if (total.printed === 0n) {
    if (pct.value === 0n && value.printed === 0n) return { status: 'passed' };
    return fail(
      {
        zh: `${what.zh}占比的合计数（${total.where.zh}）为0，不能写${showFigure(pct)}`,
        en: `${what.en}: the total (${total.where.en}) is 0, so the share cannot be ${showFigure(pct)}`,
      },
      ev,
      { expected: '--', reported: showFigure(pct) },
    );
  }
  const expected = showPercent(ratio(value.printed, total.printed), pct);
  const share = ratioInterval(value.interval, total.interval);
  const printed = percentInterval(pct);
  if (share && overlaps(share, printed)) return { status: 'passed' };
  const step = printed.hi - printed.lo;
  const shown = { expected, reported: showFigure(pct) };
  const msg = {
    zh: `${what.zh}${showFigure(claim.value)}占${total.where.zh}（${total.text}）的比例应为${expected}，文中为${showFigure(pct)}`,
    en: `${what.en}: ${showFigure(claim.value)} of ${total.where.en} (${total.text}) is ${expected}, not ${showFigure(pct)}`,
  };
  // A breakdown adjusted to total exactly 100% moves one share by one step.
  if (adjusted && share && overlaps(share, widen(printed, step))) {
    return note(
      {
        zh: `${msg.zh}；相差一个尾数单位，属为使各项占比合计为100%所作的调整`,
        en: `${msg.en}; one rounding step off, as when shares are adjusted to total 100%`,
      },
      ev,
      shown,
    );
  }
  return fail(msg, ev, shown);
}

/** Rounds a percentage (× 10^12) half up to the decimals a figure was printed with. */
function roundPercent(value: bigint, like: Figure): bigint {
  const d = Math.min(like.decimals, FIXED_SCALE);
  const step = 10n ** BigInt(FIXED_SCALE - d);
  return ((value + step / 2n) / step) * step;
}

/**
 * Breakdowns whose printed shares were adjusted to total 100%: they add up to exactly 100% as printed,
 * while the shares recomputed and rounded one by one would not. Only there may one share be one step off.
 */
function adjustedGroups(items: readonly ShareItem[]): Set<string> {
  const groups = new Map<string, ShareItem[]>();
  for (const i of items) if (i.group) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  const adjusted = new Set<string>();
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    let printed = 0n;
    let recomputed = 0n;
    for (const { claim, total } of members) {
      const value = claim.value ? amountOf(claim.value) : undefined;
      if (!claim.percent || !value || !('interval' in total) || total.printed === 0n) continue;
      printed += claim.percent.value;
      recomputed += roundPercent(ratio(value.printed, total.printed), claim.percent);
    }
    if (printed === 100n * ONE && recomputed !== printed) adjusted.add(key);
  }
  return adjusted;
}

const claimShareOp = defineOperator({
  params: ShareParams,
  run(_rule, p, ctx) {
    const items = collectShares(ctx, p.totals);
    const adjusted = adjustedGroups(items);
    const results = items.map((i) => checkShare(i, adjusted.has(i.group ?? '')));
    return results.length ? results : [noClaims('占比', 'share')];
  },
});

const claimShareSumOp = defineOperator({
  params: ShareParams,
  run(_rule, p, ctx) {
    const groups = new Map<string, { claims: Claim[]; total: ResolvedTotal }>();
    for (const item of collectShares(ctx, p.totals)) {
      if (!item.group || !('interval' in item.total)) continue;
      const g = groups.get(item.group) ?? { claims: [], total: item.total };
      g.claims.push(item.claim);
      groups.set(item.group, g);
    }
    const results: RuleResult[] = [];
    for (const { claims, total } of groups.values()) {
      if (claims.length < 2) continue;
      let sum = point(0n);
      let printed = 0n;
      for (const c of claims) {
        if (!c.percent) continue;
        sum = add(sum, percentInterval(c.percent));
        printed += c.percent.value;
      }
      if (overlaps(sum, point(100n * ONE))) {
        results.push({ status: 'passed' });
        continue;
      }
      const first = claims[0];
      const list = claims.map((c) => `${c.subject}${c.percent ? showFigure(c.percent) : ''}`).join('、');
      const shownSum = showPercent(printed, first?.percent);
      results.push(
        fail(
          {
            zh: `${first ? describeClaim(first).zh : ''}起各项占${total.where.zh}的比例（${list}）合计${shownSum}，应为100%`,
            en: `the shares of ${total.where.en} stated from ${first ? describeClaim(first).en : ''} (${list}) add up to ${shownSum}, not 100%`,
          },
          [...claims.map(claimEvidence), ...total.evidence],
          { expected: '100%', reported: shownSum },
        ),
      );
    }
    return results.length ? results : [noClaims('分项占比', 'breakdown of shares')];
  },
});

export const shareOperators = {
  'claim-share': claimShareOp,
  'claim-share-sum': claimShareSumOp,
};
