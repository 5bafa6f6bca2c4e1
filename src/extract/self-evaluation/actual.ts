import { isMoney } from '#domain/quantity.ts';
import type { IndicatorTarget, Quantity } from '#domain/self-evaluation.ts';
import { scanQuantities, scanText, type QuantityToken } from './quantities.ts';

/**
 * The actual value of an indicator row, read from its note (指标实际完成值及相关说明) only when the note
 * states it unambiguously:
 *
 * 1. Candidates are the note's quantities: not years or dates, not ordinals, not numbers in titles or
 *    names, not bounds (低于5%, ≥90%, 100%以上: they say the target was met, not by how much) and not the
 *    operands of a formula in brackets ((已同步数量/应同步数量*100%)).
 * 2. If exactly one candidate has the target's measure word (项, 人次, M; % for a percentage target; a
 *    money unit for an amount), that is the actual value.
 * 3. Otherwise, if the note has exactly one candidate and it is of the target's kind (a count for a count,
 *    a percentage for a percentage; measure words equal where both print one), that is the actual value.
 * 4. Otherwise (197路 and 118路 for one target) the row has no actual value.
 */

const BOUND_BEFORE_RE = /(?:>=|<=|≥|≤|>|<|不低于|不少于|不高于|不超过|低于|高于|少于|多于|大于|小于)$/;
const BOUND_AFTER_RE = /^(?:及?以上|及?以下|以内)/;
const FORMULA_BRACKET_RE = /\([^()]*[*/×÷][^()]*\)/g;

function formulaRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = new RegExp(FORMULA_BRACKET_RE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function isBound(text: string, t: QuantityToken): boolean {
  return BOUND_BEFORE_RE.test(text.slice(0, t.start)) || BOUND_AFTER_RE.test(text.slice(t.end));
}

/** Whether two quantities are stated in the same measure: both %, both money, or the same measure word. */
export function sameMeasure(a: Quantity, b: Quantity): boolean {
  const ua = a.value.unit;
  const ub = b.value.unit;
  if (ua === 'percent' || ub === 'percent') return ua === ub;
  if (isMoney(ua) || isMoney(ub)) return isMoney(ua) && isMoney(ub);
  return a.measure !== '' && a.measure === b.measure;
}

function kindOf(q: Quantity): string {
  return isMoney(q.value.unit) ? 'money' : q.value.unit;
}

/** Whether `candidate` can be the actual value of a target stated as `target` (rule 3). */
function compatible(candidate: Quantity, target: Quantity | undefined): boolean {
  if (!target) return true;
  if (kindOf(candidate) !== kindOf(target)) return false;
  return candidate.measure === '' || target.measure === '' || candidate.measure === target.measure;
}

/** The candidate values a note states (rule 1 above). */
export function noteCandidates(note: string): QuantityToken[] {
  const text = scanText(note);
  const formulas = formulaRanges(text);
  return scanQuantities(text, { cell: true }).filter(
    (t) => t.kind === 'quantity' && !formulas.some(([a, b]) => t.at > a && t.at < b) && !isBound(text, t),
  );
}

/** The actual value a note states for `target`, or undefined when the note does not state one clearly. */
export function actualFromNote(note: string, target: IndicatorTarget | undefined): Quantity | undefined {
  const candidates = noteCandidates(note);
  const wanted = target?.quantity;
  if (wanted) {
    const same = candidates.filter((c) => sameMeasure(c.quantity, wanted));
    if (same.length === 1) return same[0]?.quantity;
  }
  const [only] = candidates;
  return candidates.length === 1 && only && compatible(only.quantity, wanted) ? only.quantity : undefined;
}
