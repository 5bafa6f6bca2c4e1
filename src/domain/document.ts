import type { Claim } from './claim.ts';
import type { RawLine, SourceFormat } from './raw-document.ts';
import type { SelfEvaluation } from './self-evaluation.ts';
import type { ExtractedTable } from './table.ts';

export type DocumentKind = 'final-accounts' | 'budget' | 'self-evaluation' | 'unknown';

/** A disclosure after extraction: its identity, its tables and its narrative claims. */
export interface DisclosureDocument {
  path: string;
  format: SourceFormat;
  kind: DocumentKind;
  org?: string;
  fiscalYear?: number;
  pageCount: number;
  lines: RawLine[];
  tables: ExtractedTable[];
  claims: Claim[];
  /** What a self-evaluation report states (kind 'self-evaluation' only). */
  selfEvaluation?: SelfEvaluation;
}
