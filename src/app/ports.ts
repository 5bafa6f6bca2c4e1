import type { RawDocument } from '#domain/raw-document.ts';
import type { DocumentReport } from './check-documents.ts';
import type { CodeTables } from '#verify/context.ts';
import type { Rule } from '#verify/rule.schema.ts';
import type { IndicatorSystem } from '#score/system.schema.ts';

/** Turns a file's bytes into pages of positioned lines; throws a `ReadFailure`-shaped error when it cannot. */
export interface DocumentReader {
  read(bytes: Uint8Array, name: string): Promise<RawDocument>;
}

/** Why a file could not be read, for the per-file error of a batch. */
export type ReadFailureCode = 'encrypted' | 'corrupt' | 'empty' | 'unsupported' | 'too-large' | 'no-text';

export interface ReadFailure {
  code: ReadFailureCode;
  messageZh: string;
  messageEn: string;
}

export interface RuleSource {
  rules(set: string): Rule[];
  codes(): CodeTables;
}

/** The indicator systems scores are checked against (rulesets/indicator-systems). */
export interface IndicatorSystemSource {
  systems(): IndicatorSystem[];
}

// --- the workspace's store (implemented over the database in adapters/workspace-store.ts) ---------------

export type DocumentStatus = 'received' | 'checking' | 'checked' | 'failed';
export type JobState = 'queued' | 'running' | 'done' | 'failed';
export const REVIEW_DECISIONS = ['confirm', 'dismiss', 'rectify'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Row shapes as stored (snake_case, figures as printed text); the use cases turn them into views. */
export interface StoredDocument {
  id: number;
  content_hash: string;
  file_name: string;
  format: string | null;
  size: number;
  kind: string | null;
  organisation_id: number | null;
  organisation: string | null;
  jurisdiction: string | null;
  fiscal_year: number | null;
  uploaded_at: Date;
  status: DocumentStatus;
  supersedes: number | null;
  lineage_id: number;
}

export interface StoredCheck {
  id: number;
  rule_set_version: string;
  created_at: Date;
  rules_run: number;
  rules_passed: number;
  rules_failed: number;
  rules_not_applicable: number;
  errors: number;
  warnings: number;
  infos: number;
  not_applicable: unknown[];
  /** The extracted content as presented when the check was recorded; null for older checks. */
  content?: unknown;
}

export interface StoredReview {
  id: number;
  finding_key: string;
  document_id: number;
  decision: ReviewDecision;
  reason: string | null;
  comment: string | null;
  actor: string;
  at: Date;
}

export interface StoredFinding {
  position: number;
  finding_key: string;
  rule_id: string;
  severity: string;
  category: string;
  message_zh: string;
  message_en: string;
  expected: string | null;
  reported: string | null;
  evidence: unknown[];
  reviews: StoredReview[];
}

export interface StoredJob {
  id: number;
  document_id: number;
  state: JobState;
  attempts: number;
  /** For a failed job: JSON `{ code, message: { zh, en } }`. */
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface DocumentQuery {
  organisationId?: number;
  jurisdiction?: string;
  fiscalYear?: number;
  kind?: string;
  status?: DocumentStatus;
  limit?: number;
  offset?: number;
}

export interface StoredLedgerRow {
  org: string;
  fiscalYear: number | null;
  kind: string | null;
  expected: boolean;
  documentId: number | null;
  status: DocumentStatus | null;
  findings: number;
  reviewedFindings: number;
  received: boolean;
  checked: boolean;
  reviewed: boolean;
}

/** Where the workspace keeps uploads, checks, jobs, reviews and the ledger. Each method is one transaction. */
export interface WorkspaceStore {
  storeUpload(bytes: Uint8Array, fileName: string): Promise<{ document: StoredDocument; created: boolean }>;
  fileBytes(documentId: number): Promise<Uint8Array | undefined>;
  document(
    id: number,
  ): Promise<{ document: StoredDocument; check: StoredCheck | null; findings: StoredFinding[] } | undefined>;
  listDocuments(query: DocumentQuery): Promise<{ total: number; documents: StoredDocument[] }>;
  recordCheck(
    documentId: number,
    report: DocumentReport,
    options: { ruleSetVersion: string; jurisdiction: string; content?: unknown },
  ): Promise<StoredCheck>;
  setDocumentStatus(documentId: number, status: DocumentStatus): Promise<void>;
  enqueueJob(documentId: number): Promise<StoredJob>;
  claimNextJob(): Promise<StoredJob | undefined>;
  finishJob(jobId: number): Promise<StoredJob>;
  failJob(jobId: number, error: string, options?: { retry?: boolean }): Promise<StoredJob>;
  latestJob(documentId: number): Promise<StoredJob | undefined>;
  requeueRunningJobs(): Promise<number>;
  addReview(input: {
    documentId: number;
    findingKey: string;
    decision: ReviewDecision;
    reason?: string;
    comment?: string;
    actor: string;
  }): Promise<StoredReview>;
  ledger(jurisdiction: string): Promise<StoredLedgerRow[]>;
  close(): Promise<void>;
}
