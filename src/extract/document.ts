import type { DisclosureDocument } from '#domain/document.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { extractClaims } from './claims/index.ts';
import { detectIdentity } from './identity.ts';
import { extractSelfEvaluation } from './self-evaluation/index.ts';
import { extractTables } from './tables/index.ts';

/**
 * Everything extraction knows about one document: identity, the standard tables, the narrative claims and,
 * for a performance self-evaluation report, what that report states.
 */
export function extractDocument(raw: RawDocument, path: string): DisclosureDocument {
  const identity = detectIdentity(raw);
  return {
    path,
    format: raw.format,
    ...identity,
    pageCount: raw.pages.length,
    lines: raw.pages.flatMap((p) => p.lines),
    tables: extractTables(raw).tables,
    // The claim patterns read 决算 phrasing; in a 预算 "X预算为A万元" states the amount itself, not a base.
    claims: identity.kind === 'final-accounts' ? extractClaims(raw) : [],
    ...(identity.kind === 'self-evaluation' ? { selfEvaluation: extractSelfEvaluation(raw) } : {}),
  };
}
