import type { TableId } from '#domain/table.ts';
import type { TableTemplate } from '#domain/final-accounts-template.ts';
import { headerKey, squeeze } from './text.ts';

export interface TitleMatch {
  id: TableId;
  /** The title as printed, without number or prefix. */
  title: string;
  /** “表1”, “七” when the line carries one. */
  printedNumber?: string;
}

/** What may precede a title on its line: a table number, an ordinal, or “<department>…<year>年度”. */
const NUMBER_PREFIX =
  /^(?:附?表\s*([0-9一二三四五六七八九十]+)[:：.、-]?|([一二三四五六七八九十]+)[、.．]|(\d+)[、.．])/;
const YEAR_PREFIX = /\d{4}年度?(?:部门)?$/;

/** A line that is only a table number (“表1”, “附表3”), printed above the title. */
export function tableNumberLine(text: string): string | undefined {
  const t = squeeze(text);
  return /^附?表[0-9一二三四五六七八九十]+$/.test(t) ? t : undefined;
}

export interface TitleMatcher {
  match(text: string): TitleMatch | undefined;
}

/** Builds a matcher over the templates' titles and aliases (the longest matching alias wins). */
export function titleMatcher(templates: readonly TableTemplate[]): TitleMatcher {
  const names = templates
    .flatMap((t) => [t.title, ...t.aliases].map((name) => ({ id: t.id, key: headerKey(name) })))
    .sort((a, b) => b.key.length - a.key.length);
  return {
    match(text: string): TitleMatch | undefined {
      const key = headerKey(text);
      if (key.length < 4 || key.length > 60) return undefined;
      for (const n of names) {
        if (!key.endsWith(n.key)) continue;
        const prefix = key.slice(0, key.length - n.key.length);
        if (prefix === '') return { id: n.id, title: squeeze(text) };
        const m = NUMBER_PREFIX.exec(prefix);
        if (m && m[0].length === prefix.length) {
          const printedNumber = m[1] !== undefined ? `表${m[1]}` : (m[2] ?? m[3]);
          return {
            id: n.id,
            title: squeeze(text).slice(m[0].length),
            ...(printedNumber ? { printedNumber } : {}),
          };
        }
        if (YEAR_PREFIX.test(prefix)) return { id: n.id, title: squeeze(text) };
        return undefined;
      }
      return undefined;
    },
  };
}
