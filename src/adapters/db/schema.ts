import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of the tables created by the migrations (migrations/). */
export type DocumentStatus = 'received' | 'checking' | 'checked' | 'failed';
export type JobState = 'queued' | 'running' | 'done' | 'failed';
export type ReviewDecision = 'confirm' | 'dismiss' | 'rectify';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Written once with the database's clock; never set by the application. */
type CreatedAt = ColumnType<Date, never, never>;

export interface OrganisationsTable {
  id: Generated<number>;
  jurisdiction: string;
  name: string;
}

export interface StoredFilesTable {
  hash: string;
  bytes: Uint8Array;
  size: number;
  stored_at: CreatedAt;
}

export interface DocumentsTable {
  id: Generated<number>;
  content_hash: string;
  file_name: string;
  format: string | null;
  size: number;
  kind: string | null;
  organisation_id: number | null;
  fiscal_year: number | null;
  uploaded_at: CreatedAt;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  supersedes: number | null;
  /** Set by a trigger: the first version's id. */
  lineage_id: ColumnType<number, never, never>;
}

export interface ChecksTable {
  id: Generated<number>;
  document_id: number;
  rule_set_version: string;
  created_at: CreatedAt;
  rules_run: number;
  rules_passed: number;
  rules_failed: number;
  rules_not_applicable: number;
  errors: number;
  warnings: number;
  infos: number;
  not_applicable: JSONColumnType<unknown[], string, string>;
  /** The extracted content as the API presents it (migration 0002); null for checks recorded before. */
  content: JSONColumnType<object | null, string | null, string | null>;
}

export interface FindingsTable {
  id: Generated<number>;
  check_id: number;
  position: number;
  finding_key: string;
  rule_id: string;
  severity: string;
  category: string;
  message_zh: string;
  message_en: string;
  expected: string | null;
  reported: string | null;
  evidence: JSONColumnType<unknown[], string, string>;
}

export interface ReviewsTable {
  id: Generated<number>;
  lineage_id: number;
  finding_key: string;
  document_id: number;
  decision: ReviewDecision;
  reason: string | null;
  comment: string | null;
  actor: string;
  at: CreatedAt;
}

export interface JobsTable {
  id: Generated<number>;
  document_id: number;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  attempts: Generated<number>;
  error: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface LedgerExpectedTable {
  organisation_id: number;
  fiscal_year: number;
  kind: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  at: CreatedAt;
}

export interface Database {
  organisations: OrganisationsTable;
  stored_files: StoredFilesTable;
  documents: DocumentsTable;
  checks: ChecksTable;
  findings: FindingsTable;
  reviews: ReviewsTable;
  jobs: JobsTable;
  ledger_expected: LedgerExpectedTable;
  audit_log: AuditLogTable;
}
