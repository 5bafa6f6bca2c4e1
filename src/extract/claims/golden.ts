import type { Claim } from '#domain/claim.ts';
import { formatFixed, type Figure } from '#domain/quantity.ts';
import type { SourceRef } from '#domain/source.ts';

/** A figure in JSON: as printed, its exact value as a plain decimal, its precision and unit. */
export interface FigureJson {
  text: string;
  exact: string;
  decimals: number;
  unit: Figure['unit'];
  blank?: true;
}

type FigureKey = 'value' | 'percent' | 'baseValue' | 'changeAmount' | 'changePercent';
const FIGURE_KEYS: readonly string[] = ['value', 'percent', 'baseValue', 'changeAmount', 'changePercent'];

export type ClaimJson = Omit<Claim, FigureKey | 'source' | 'sentence'> & {
  [K in FigureKey]?: FigureJson;
} & {
  source: Omit<SourceRef, 'text'> & { text?: string };
  sentence?: string;
  /** In place of the sentence where text is left out: its length and an FNV-1a hash. */
  sentenceDigest?: string;
};

function figureJson(f: Figure): FigureJson {
  return {
    text: f.text,
    exact: formatFixed(f.value, f.decimals, false),
    decimals: f.decimals,
    unit: f.unit,
    ...(f.blank ? { blank: true as const } : {}),
  };
}

/** FNV-1a over UTF-16 code units: enough to notice that a sentence boundary moved. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface ClaimsJsonOptions {
  /**
   * Keep the document's words (source line text, sentence). Golden files leave them out, because the
   * corpus documents' prose must not be copied into the project; a digest of the sentence stands in.
   */
  text: boolean;
}

/** Claims as plain JSON (a Figure's value is a bigint), key order kept. */
export function claimsToJson(
  claims: readonly Claim[],
  options: ClaimsJsonOptions = { text: true },
): ClaimJson[] {
  return claims.map((c) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) {
      if (FIGURE_KEYS.includes(k)) out[k] = figureJson(v as Figure);
      else if (k === 'source' && !options.text) out[k] = { page: c.source.page, line: c.source.line };
      else if (k === 'sentence' && !options.text)
        out.sentenceDigest = `${c.sentence.length}:${fnv1a(c.sentence)}`;
      else out[k] = v;
    }
    return out as ClaimJson;
  });
}

/** Corpus documents with a reviewed claims golden file in fixtures/<name>/claims.golden.json. */
export const CLAIMS_GOLDEN_CASES: readonly { name: string; file: string }[] = [
  { name: 'seed-004', file: 'seeds/004_93c4c58a71a1e296.txt' },
  { name: 'sh-pt-czj-2024-final', file: 'real/sh-pt-czj-2024-final.pdf' },
  { name: 'sh-pt-czj-2024-final-testbad', file: 'real/sh-pt-czj-2024-final-testbad.pdf' },
  { name: 'sh-pt-ghzy-2024-final', file: 'real/sh-pt-ghzy-2024-final.pdf' },
  { name: 'sh-pt-shgzb-2024-final', file: 'real/sh-pt-shgzb-2024-final.pdf' },
];

export interface ClaimsGolden {
  case: string;
  file: string;
  count: number;
  claims: ClaimJson[];
}

export function toClaimsGolden(name: string, file: string, claims: readonly Claim[]): ClaimsGolden {
  return { case: name, file, count: claims.length, claims: claimsToJson(claims, { text: false }) };
}

/** One claim per line, so that a review reads (and a diff shows) claim by claim. */
export function formatClaimsGolden(golden: ClaimsGolden): string {
  const head = `{\n  "case": ${JSON.stringify(golden.case)},\n  "file": ${JSON.stringify(golden.file)},\n  "count": ${golden.count},\n  "claims": [\n`;
  const body = golden.claims.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `${head}${body}\n  ]\n}\n`;
}
