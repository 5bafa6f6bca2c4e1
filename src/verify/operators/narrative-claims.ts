import { z } from 'zod';
import { CLAIM_BASES, type Claim, type ClaimBase } from '#domain/claim.ts';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import {
  add,
  FIXED_SCALE,
  formatFixed,
  intervalOf,
  isMoney,
  overlaps,
  point,
  unitLabel,
  valueIn,
  type Figure,
  type Interval,
  type Unit,
} from '#domain/quantity.ts';
import { TABLE_IDS, type ExtractedTable, type TableRow } from '#domain/table.ts';
import {
  cellEvidence,
  cellKey,
  describeCell,
  resolveRefs,
  type EvalContext,
  type ResolvedCell,
} from '../context.ts';
import { RefListSchema } from '../refs.ts';

/**
 * Shared vocabulary of the narrative operators: which claims a rule looks at, how a claim is bound to the
 * table cell that states the same fact, and how a claim is named in a finding.
 */

export const ClaimBaseSchema = z.enum(CLAIM_BASES);
export const BUDGET_BASES: readonly ClaimBase[] = ['initial-budget', 'full-year-budget', 'budget'];

/** One cell reference or several; validated when the rule file is loaded. */
export const RefList = RefListSchema;

/** A regular expression, checked when the rule file is loaded. */
export const RegexText = z
  .string()
  .min(1)
  .refine((s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/**
 * One binding: claims whose subject (and section path) match are statements of `cell`; when the claim also
 * states its budget (完成全年预算10.55万元的64.3%) and its base is one of `baseKinds`, that budget is a
 * statement of `baseCell`. Bindings are tried in order; the first match wins.
 */
export const BindingSchema = z.object({
  subject: RegexText,
  /** Regex on the claim's section path, headings joined by " > ". */
  section: RegexText.optional(),
  /** Only claims with one of these bases; "none" for claims that state no comparison. All when absent. */
  bases: z.array(z.union([ClaimBaseSchema, z.literal('none')])).optional(),
  /** The cell (or cells, summed) that prints the claim's value. */
  cell: RefList.optional(),
  /**
   * Or: the row of a coded table that the subject names as a path, “一般公共服务支出(类)财政事务(款)行政运行(项)”,
   * found by the names of its 类, 款 and 项 rows; `column` is the 栏次 holding the amount.
   */
  path: z.object({ table: z.enum(TABLE_IDS), column: z.number().int().positive() }).optional(),
  /** The cell that prints the budget the claim is measured against. */
  baseCell: RefList.optional(),
  /** Kinds of budget that `baseCell` holds; a claim measured against another kind is never compared with it. */
  baseKinds: z.array(ClaimBaseSchema).default(['full-year-budget', 'budget']),
  /** How the claim relates to the cell: the same amount, or at most the cell (a narrower scope). */
  relation: z.enum(['eq', 'le']).default('eq'),
});
export type Binding = z.infer<typeof BindingSchema>;

/** A list of bindings, or a list of such lists (YAML aliases of several binding groups). */
export const BindingListSchema = z
  .array(z.union([BindingSchema, z.array(BindingSchema)]))
  .transform((v) => v.flat());

export function sectionPath(claim: Claim): string {
  return claim.section.join(' > ');
}

const regexCache = new Map<string, RegExp>();
export function regex(source: string): RegExp {
  let r = regexCache.get(source);
  if (!r) {
    r = new RegExp(source, 'u');
    regexCache.set(source, r);
  }
  return r;
}

export function bindingMatches(b: Binding, claim: Claim): boolean {
  if (!regex(b.subject).test(claim.subject)) return false;
  if (b.section !== undefined && !regex(b.section).test(sectionPath(claim))) return false;
  if (b.bases && !b.bases.includes(claim.base ?? 'none')) return false;
  return true;
}

export function findBinding(bindings: readonly Binding[], claim: Claim): Binding | undefined {
  return bindings.find((b) => bindingMatches(b, claim));
}

/** "第3页第12行「基本支出」" and its English counterpart. */
export function describeClaim(claim: Claim): LocalizedText {
  const { page, line } = claim.source;
  return {
    zh: `第${page}页第${line}行「${claim.subject}」`,
    en: `"${claim.subject}" (page ${page}, line ${line})`,
  };
}

export function claimEvidence(claim: Claim): Evidence {
  return { page: claim.source.page, line: claim.source.line, text: claim.source.text, claim: claim.id };
}

/** A figure as printed, with its unit: "3,193.39万元", "64.3%". */
export function showFigure(fig: Figure): string {
  return `${fig.text || formatFixed(fig.value, Math.min(fig.decimals, 2))}${unitLabel(fig.unit)}`;
}

// ---- amounts ----------------------------------------------------------------------------------------

/** The money unit amounts are compared in: 元, so that 万元 and 元 statements meet exactly. */
const COMMON: Unit = 'yuan';

/** An amount in 元 together with the precision it was printed at (in 元 decimals, possibly negative). */
export interface Amount {
  interval: Interval;
  /** Exact printed value in 元. */
  printed: bigint;
  /** The step of the last printed digit, in 元 × 10^12. */
  step: bigint;
  unit: Unit;
}

const ONE = 10n ** BigInt(FIXED_SCALE);

function stepOf(fig: Figure): bigint {
  const per = valueIn({ ...fig, value: ONE }, COMMON);
  const d = Math.min(fig.decimals, FIXED_SCALE);
  return per / 10n ** BigInt(d);
}

/**
 * The templates print a zero amount as “0万元” without decimals (§3.2): it is a zero at the precision of
 * the other amounts, not a figure rounded to whole 万元.
 */
const ZERO_DECIMALS: Partial<Record<Unit, number>> = { 'wan-yuan': 2, 'yi-yuan': 4 };

/** The amount a printed money figure stands for; undefined for a figure that is not money. */
export function amountOf(fig: Figure, unit: Unit = fig.unit): Amount | undefined {
  const f = { ...fig, unit };
  if (!isMoney(f.unit)) return undefined;
  const zeroDecimals = ZERO_DECIMALS[f.unit];
  if (f.value === 0n && f.decimals === 0 && zeroDecimals !== undefined) f.decimals = zeroDecimals;
  return { interval: intervalOf(f, COMMON), printed: valueIn(f, COMMON), step: stepOf(f), unit: f.unit };
}

/** Rounds a value (× 10^12) half away from zero to a multiple of `step`. */
export function roundToStep(value: bigint, step: bigint): bigint {
  if (step <= 1n) return value;
  const neg = value < 0n;
  const mag = neg ? -value : value;
  const r = ((mag + step / 2n) / step) * step;
  return neg ? -r : r;
}

/** Prints an amount in 元 (× 10^12) in the unit and precision of a reference figure. */
export function showIn(value: bigint, like: Figure): string {
  const per = valueIn({ ...like, value: ONE }, COMMON);
  const inUnit = (value * ONE) / per;
  return `${formatFixed(inUnit, Math.min(like.decimals, 2))}${unitLabel(like.unit)}`;
}

/** Cells resolved for a binding, with their printed sum. */
export interface CellSide {
  cells: ResolvedCell[];
  interval: Interval;
  printed: bigint;
  /** The first printed cell's figure, for display. */
  like?: Figure;
  /** At least one referenced cell is printed (an unprinted row of a printed table counts as zero). */
  anyPrinted: boolean;
}

export type SideResult = { ok: true; side: CellSide } | { ok: false; reason: LocalizedText };

/** Resolves cell references in a context; table absent → not applicable with the reason. */
export function resolveSide(ctx: EvalContext, refs: readonly string[]): SideResult {
  const res = resolveRefs(ctx, refs);
  if (!res.ok) return res;
  const cells = res.cells;
  let interval = point(0n);
  let printed = 0n;
  let like: Figure | undefined;
  for (const rc of cells) {
    const fig = rc.cell?.figure;
    if (!fig) continue;
    const a = amountOf(fig, isMoney(fig.unit) ? fig.unit : rc.table.unit);
    if (!a) continue;
    interval = add(interval, a.interval);
    printed += a.printed;
    like ??= { ...fig, unit: isMoney(fig.unit) ? fig.unit : rc.table.unit };
  }
  return { ok: true, side: { cells, interval, printed, like, anyPrinted: like !== undefined } };
}

export function describeSide(side: CellSide): LocalizedText {
  const shown = side.cells.filter((c) => c.cell);
  const list = (shown.length ? shown : side.cells).slice(0, 3).map(describeCell);
  const more = side.cells.length > 3 ? { zh: '等', en: ' etc.' } : { zh: '', en: '' };
  const sum = side.cells.length > 1 ? { zh: '之和', en: ' (sum)' } : { zh: '', en: '' };
  return {
    zh: list.map((d) => d.zh).join('、') + more.zh + sum.zh,
    en: list.map((d) => d.en).join('; ') + more.en + sum.en,
  };
}

export function sideEvidence(side: CellSide): Evidence[] {
  const printed = side.cells.filter((c) => c.cell);
  return (printed.length ? printed : side.cells.slice(0, 1)).map(cellEvidence);
}

export type Agreement = 'exact' | 'rounded' | 'within-rounding' | 'differs';

/**
 * Whether a stated amount repeats a table amount. A figure repeated from one cell prints the same value
 * (0万元 and 0.00 are the same; 6.2 and 6.20 too). A statement printed more finely than the cell (元 against
 * a 万元 table) agrees when it rounds to the cell; a coarser one never does, because the templates drop
 * only trailing zeros. A sum of several cells only has to meet within rounding.
 */
export function agreement(stated: Amount, side: CellSide, relation: 'eq' | 'le' = 'eq'): Agreement {
  if (relation === 'le') {
    return stated.interval.lo <= side.interval.hi ? 'exact' : 'differs';
  }
  if (stated.printed === side.printed) return 'exact';
  const printedCells = side.cells.filter((c) => c.cell);
  if (printedCells.length <= 1) {
    const cellStep = side.like ? stepOf(side.like) : stated.step;
    const finer = stated.step < cellStep;
    return finer && roundToStep(stated.printed, cellStep) === side.printed ? 'rounded' : 'differs';
  }
  return overlaps(stated.interval, side.interval) ? 'within-rounding' : 'differs';
}

// ---- coded rows named by path -------------------------------------------------------------------------

const LEVELS = ['类', '款', '项'] as const;

/** Splits “A(类)B(款)C(项)” into its names; a last name without its marker (a wrapped line lost it) counts. */
export function namePath(subject: string): string[] | undefined {
  const s = subject.normalize('NFKC').replace(/\s+/gu, '');
  const parts = s.split(/\((?:类|款|项)\)/u);
  if (parts.length < 2) return undefined;
  const names = parts.filter((p, i) => p !== '' || i < parts.length - 1);
  if (names.length === 0 || names.length > LEVELS.length || names.some((n) => n === '')) return undefined;
  return names;
}

function sameName(label: string, name: string): boolean {
  const norm = (x: string): string => x.normalize('NFKC').replace(/\s+/gu, '');
  return norm(label) === norm(name);
}

/** The row a name path designates: each name matched among the children of the row before. */
export function rowByPath(table: ExtractedTable, names: readonly string[]): TableRow | { missing: string } {
  let parent: TableRow | undefined;
  const lengths = [3, 5, 7];
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    const len = lengths[i] ?? 7;
    const row = table.rows.find(
      (r) =>
        r.code !== undefined &&
        r.code.length === len &&
        (parent?.code === undefined || r.code.startsWith(parent.code)) &&
        sameName(r.label, name),
    );
    if (!row)
      return {
        missing: names
          .slice(0, i + 1)
          .map((n, k) => `${n}（${LEVELS[k] ?? ''}）`)
          .join(''),
      };
    parent = row;
  }
  return parent ?? { missing: names.join('') };
}

export type BoundSide = SideResult | { ok: false; missingRow: LocalizedText; table: ExtractedTable };

/** The cells a binding designates for a claim's value: its `cell` references or its `path` row. */
export function resolveBinding(ctx: EvalContext, b: Binding, claim: Claim): BoundSide | undefined {
  if (b.cell) return resolveSide(ctx, b.cell);
  if (!b.path) return undefined;
  const names = namePath(claim.subject);
  if (!names) return undefined;
  const table = ctx.table(b.path.table);
  if (!table) return resolveSide(ctx, [`${b.path.table}[total].c${b.path.column}`]);
  const row = rowByPath(table, names);
  if ('missing' in row) {
    return {
      ok: false,
      table,
      missingRow: {
        zh: `表中没有“${row.missing}”一行`,
        en: `the table has no row "${row.missing}"`,
      },
    };
  }
  return resolveSide(ctx, [`${b.path.table}[${row.key}].c${b.path.column}`]);
}

/** Marks the cells a claim repeats as identities, so table mutation tests also try last-digit changes. */
export function traceExact(ctx: EvalContext, side: CellSide): void {
  if (!ctx.trace) return;
  const printed = side.cells.filter((c) => c.cell);
  if (printed.length !== 1) return;
  for (const c of printed) ctx.trace.exact.add(cellKey(c.table.id, c.rowKey, c.column));
}
