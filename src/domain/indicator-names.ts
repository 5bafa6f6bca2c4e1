/**
 * Tolerant indicator-name matching. Reports name one indicator in several ways: with or without quotes and
 * spaces, with a heading number, with 情况/率/指标/分析 added or dropped (公用经费控制率 = 公用经费控制情况).
 * Variants that change words (公共经费 for 公用经费, 产生 for 产出) are aliases in the data, not guesses here.
 */

// Quotes, brackets and punctuation, half- and full-width (NFKC has already folded most full-width forms).
const PUNCTUATION = /[\s"'“”‘’「」『』《》〈〉()[\]【】{}、，,。.:：；;!！?？\-—–_·・/\\|*#~…]/g;
const HEADING_NUMBER = /^(?:[(（]?[0-9一二三四五六七八九十]+[)）.、．]\s*)+/;
/** Suffixes that do not change which indicator is meant; stripped repeatedly, longest first. */
const SUFFIXES = ['完成情况', '情况', '分析', '指标', '得分', '率'];
const MIN_KEY = 2;

/** The comparison key of an indicator name. */
export function nameKey(name: string): string {
  let s = name.normalize('NFKC').trim().replace(HEADING_NUMBER, '').replace(PUNCTUATION, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (s.endsWith(suffix) && s.length - suffix.length >= MIN_KEY) {
        s = s.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** The comparison form of a metric subject: like nameKey but keeping suffixes (率 matters for metrics). */
export function subjectKey(subject: string): string {
  return subject.normalize('NFKC').trim().replace(PUNCTUATION, '');
}

export type MatchHow = 'name' | 'alias' | 'contains';

export interface NameEntry {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface NameIndex {
  match(printed: string): { id: string; how: MatchHow } | undefined;
}

/** Shortest key a containment match may rest on: two characters (产出) are too common in other names. */
const MIN_CONTAINED = 4;

/**
 * Builds a matcher over indicator names and aliases: exact key first, then a unique containment either
 * way ("部门整体绩效目标产出指标完成情况" holds "部门整体绩效目标产出"). Throws when two indicators share a key.
 */
export function nameIndex(entries: readonly NameEntry[]): NameIndex {
  const byKey = new Map<string, { id: string; how: MatchHow }>();
  for (const e of entries) {
    for (const [text, how] of [[e.name, 'name'] as const, ...e.aliases.map((a) => [a, 'alias'] as const)]) {
      const key = nameKey(text);
      const prev = byKey.get(key);
      if (prev && prev.id !== e.id) {
        throw new Error(`"${text}" of ${e.id} reads the same as a name of ${prev.id} (${key})`);
      }
      if (!prev) byKey.set(key, { id: e.id, how });
    }
  }
  const keys = [...byKey.keys()].filter((k) => k.length >= MIN_CONTAINED);
  return {
    match(printed) {
      const key = nameKey(printed);
      const exact = byKey.get(key);
      if (exact) return exact;
      if (key.length < MIN_KEY) return undefined;
      const found = keys.filter((k) => key.includes(k) || (key.length >= MIN_CONTAINED && k.includes(key)));
      // A key inside a longer key that also matched names the broader indicator (绩效管理 in 绩效管理制度执行).
      const outer = found.filter((k) => !found.some((o) => o !== k && o.includes(k)));
      const ids = new Set(outer.map((k) => byKey.get(k)?.id));
      const [only] = ids;
      return ids.size === 1 && only !== undefined ? { id: only, how: 'contains' } : undefined;
    },
  };
}
