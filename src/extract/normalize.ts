/**
 * Text normalisation shared by every reader: full-width forms to half-width (NFKC, which also folds the
 * Kangxi radicals some PDF producers emit for common characters), CJK Radicals Supplement characters folded
 * to the ideographs they stand for (Chromium prints 门 with the glyph of ⻔, U+2ED4, which NFKC keeps),
 * look-alike dashes and spaces folded.
 */

/** CJK Radicals Supplement → the unified ideograph of the same form (Unicode EquivalentUnifiedIdeograph). */
const RADICAL_PAIRS =
  '⺔彐 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺟母 ⺠民 ⺡氵 ⺣灬 ⺤爫 ⺦丬 ⺨犭 ⺪疋 ⺬示 ⺭礻 ⺲罒 ⺹耂 ⺼月 ⺾艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻏阝 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻖阝 ⻗雨 ⻘青 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻬齐 ⻮齿 ⻰龙 ⻳龟';
const RADICALS = new Map(RADICAL_PAIRS.split(' ').map((p) => [p.charAt(0), p.charAt(1)] as const));
const RADICAL_RE = /[\u2e80-\u2eff]/gu;

const DASHES = /[‐‑‒–—―−－─━]/g;
const SPACES = /[\u00a0\u2000-\u200b\u3000\ufeff]/g;

export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(RADICAL_RE, (c) => RADICALS.get(c) ?? c)
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(/\r/g, '');
}

/** Removes all whitespace; for matching labels that a layout broke with spaces ("因 公 出 国"). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** A cell that the template prints for zero: blank, a dash or several. */
export function isZeroMark(s: string): boolean {
  const t = compact(s);
  return t === '' || /^-+$/.test(t);
}
