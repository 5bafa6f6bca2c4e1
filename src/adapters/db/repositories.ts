import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DocumentReport } from '#app/check-documents.ts';
import type { StoredLedgerRow } from '#app/ports.ts';
import type { Finding } from '#domain/finding.ts';
import type { Db } from './database.ts';
import type {
  ChecksTable,
  Database,
  DocumentStatus,
  DocumentsTable,
  FindingsTable,
  JobsTable,
  ReviewDecision,
  ReviewsTable,
} from './schema.ts';

export type DocumentRow = Selectable<DocumentsTable> & {
  organisation: string | null;
  jurisdiction: string | null;
};
export type CheckRow = Selectable<ChecksTable>;
export type FindingRow = Selectable<FindingsTable>;
export type JobRow = Selectable<JobsTable>;
export type ReviewRow = Selectable<ReviewsTable>;

type Tx = Transaction<Database>;

const SYSTEM = 'system';

/** Appends to the audit log inside the caller's transaction: a state change and its record commit together. */
async function audit(
  tx: Tx,
  entry: {
    actor: string;
    action: string;
    entity: string;
    entityId: string | number;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

function documentQuery(k: Kysely<Database> | Tx) {
  return k
    .selectFrom('documents as d')
    .leftJoin('organisations as o', 'o.id', 'd.organisation_id')
    .selectAll('d')
    .select(['o.name as organisation', 'o.jurisdiction']);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface StoreUploadOptions {
  actor?: string;
  /** The document this upload replaces (a corrected version); reviews follow the lineage. */
  supersedes?: number;
}

/**
 * Stores an uploaded file and its document row. Idempotent by content: the same bytes return the existing
 * document (`created: false`) and store nothing. File bytes are never overwritten or deleted.
 */
export async function storeUpload(
  db: Db,
  bytes: Uint8Array,
  fileName: string,
  options: StoreUploadOptions = {},
): Promise<{ document: DocumentRow; created: boolean }> {
  const hash = sha256(bytes);
  const actor = options.actor ?? SYSTEM;
  return db.kysely.transaction().execute(async (tx) => {
    const existing = await documentQuery(tx).where('d.content_hash', '=', hash).executeTakeFirst();
    if (existing) return { document: existing, created: false };
    await tx
      .insertInto('stored_files')
      .values({ hash, bytes: Buffer.from(bytes), size: bytes.byteLength })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    const { id } = await tx
      .insertInto('documents')
      .values({
        content_hash: hash,
        file_name: fileName,
        size: bytes.byteLength,
        format: null,
        kind: null,
        organisation_id: null,
        fiscal_year: null,
        supersedes: options.supersedes ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const document = await documentQuery(tx).where('d.id', '=', id).executeTakeFirstOrThrow();
    await audit(tx, {
      actor,
      action: 'upload',
      entity: 'document',
      entityId: id,
      after: { fileName, hash, size: bytes.byteLength, supersedes: options.supersedes ?? null },
    });
    return { document, created: true };
  });
}

/** The stored bytes of a document's file. */
export async function fileBytes(db: Db, documentId: number): Promise<Uint8Array | undefined> {
  const row = await db.kysely
    .selectFrom('documents as d')
    .innerJoin('stored_files as f', 'f.hash', 'd.content_hash')
    .select('f.bytes')
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  return row?.bytes;
}

/**
 * A finding's identity across re-checks and re-uploaded versions: its rule and where it points (table, row,
 * column, claim), never page or line, which move when a document is re-typeset. Evidence without a location
 * falls back to its text.
 */
export function findingKey(f: Pick<Finding, 'ruleId' | 'evidence'>): string {
  const places = f.evidence.map((e) =>
    e.table !== undefined || e.row !== undefined || e.column !== undefined || e.claim !== undefined
      ? [e.table ?? null, e.row ?? null, e.column ?? null, e.claim ?? null]
      : [e.text.replace(/\s+/g, '')],
  );
  return createHash('sha256')
    .update(JSON.stringify([f.ruleId, places]))
    .digest('hex')
    .slice(0, 32);
}

export interface RecordCheckOptions {
  /** Which rules produced the findings (e.g. a git revision or the rule files' hash). */
  ruleSetVersion: string;
  /** The jurisdiction the detected organisation belongs to; '' when not known yet. */
  jurisdiction?: string;
  actor?: string;
  /** The extracted content as presented, kept with the check (JSON). */
  content?: unknown;
}

/**
 * Records a check of a document in one transaction: the check row, its findings, the detected identity
 * (kind, organisation, year) and the document's status. A failure anywhere stores none of it.
 */
export async function recordCheck(
  db: Db,
  documentId: number,
  report: DocumentReport,
  options: RecordCheckOptions,
): Promise<CheckRow> {
  const actor = options.actor ?? SYSTEM;
  return db.kysely.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('documents')
      .select(['status', 'kind', 'organisation_id', 'fiscal_year', 'format'])
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirstOrThrow(() => new Error(`document ${documentId} does not exist`));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of report.findings) counts[f.severity]++;
    const check = await tx
      .insertInto('checks')
      .values({
        document_id: documentId,
        rule_set_version: options.ruleSetVersion,
        rules_run: report.checks.run,
        rules_passed: report.checks.passed,
        rules_failed: report.checks.failed,
        rules_not_applicable: report.checks.notApplicable,
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        not_applicable: JSON.stringify(report.notApplicable),
        content: options.content === undefined ? null : JSON.stringify(options.content),
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    const organisationId = report.org
      ? await upsertOrganisation(tx, options.jurisdiction ?? '', report.org)
      : before.organisation_id;
    const after = {
      status: 'checked' as const,
      kind: report.kind,
      organisation_id: organisationId,
      fiscal_year: report.fiscalYear ?? before.fiscal_year,
      format: report.format,
    };
    await tx.updateTable('documents').set(after).where('id', '=', documentId).execute();

    if (report.findings.length > 0) {
      await tx
        .insertInto('findings')
        .values(
          report.findings.map((f, position) => ({
            check_id: check.id,
            position,
            finding_key: findingKey(f),
            rule_id: f.ruleId,
            severity: f.severity,
            category: f.category,
            message_zh: f.message.zh,
            message_en: f.message.en,
            expected: f.expected ?? null,
            reported: f.reported ?? null,
            evidence: JSON.stringify(f.evidence),
          })),
        )
        .execute();
    }
    await audit(tx, {
      actor,
      action: 'check',
      entity: 'document',
      entityId: documentId,
      before,
      after: { ...after, checkId: check.id, findings: report.findings.length },
    });
    return check;
  });
}

async function upsertOrganisation(tx: Tx, jurisdiction: string, name: string): Promise<number> {
  const row = await tx
    .insertInto('organisations')
    .values({ jurisdiction, name })
    .onConflict((oc) => oc.columns(['jurisdiction', 'name']).doUpdateSet({ name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a document's status (e.g. `checking` while a job runs, `failed` when it cannot be read). */
export async function setDocumentStatus(
  db: Db,
  documentId: number,
  status: DocumentStatus,
  actor = SYSTEM,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('documents')
      .select('status')
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await tx.updateTable('documents').set({ status }).where('id', '=', documentId).execute();
    await audit(tx, {
      actor,
      action: 'status',
      entity: 'document',
      entityId: documentId,
      before,
      after: { status },
    });
  });
}

export interface DocumentWithFindings {
  document: DocumentRow;
  /** The latest check, if any. */
  check: CheckRow | null;
  findings: (FindingRow & { reviews: ReviewRow[] })[];
}

/** A document, its latest check's findings in report order, and each finding's review history (oldest first). */
export async function documentWithFindings(db: Db, id: number): Promise<DocumentWithFindings | undefined> {
  const document = await documentQuery(db.kysely).where('d.id', '=', id).executeTakeFirst();
  if (!document) return undefined;
  const check =
    (await db.kysely
      .selectFrom('checks')
      .selectAll()
      .where('document_id', '=', id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null;
  if (!check) return { document, check, findings: [] };
  const findings = await db.kysely
    .selectFrom('findings')
    .selectAll()
    .where('check_id', '=', check.id)
    .orderBy('position')
    .execute();
  const reviews = await db.kysely
    .selectFrom('reviews')
    .selectAll()
    .where('lineage_id', '=', document.lineage_id)
    .orderBy('id')
    .execute();
  return {
    document,
    check,
    findings: findings.map((f) => ({
      ...f,
      reviews: reviews.filter((r) => r.finding_key === f.finding_key),
    })),
  };
}

export interface DocumentFilter {
  organisationId?: number;
  jurisdiction?: string;
  fiscalYear?: number;
  kind?: string;
  status?: DocumentStatus;
  /** Only the newest version of each lineage (default true). */
  currentOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** Documents, newest first, with the total count for paging. */
export async function listDocuments(
  db: Db,
  filter: DocumentFilter = {},
): Promise<{ total: number; documents: DocumentRow[] }> {
  let q = documentQuery(db.kysely);
  if (filter.organisationId !== undefined) q = q.where('d.organisation_id', '=', filter.organisationId);
  if (filter.jurisdiction !== undefined) q = q.where('o.jurisdiction', '=', filter.jurisdiction);
  if (filter.fiscalYear !== undefined) q = q.where('d.fiscal_year', '=', filter.fiscalYear);
  if (filter.kind !== undefined) q = q.where('d.kind', '=', filter.kind);
  if (filter.status !== undefined) q = q.where('d.status', '=', filter.status);
  if (filter.currentOnly ?? true)
    q = q.where((eb) =>
      eb.not(eb.exists(eb.selectFrom('documents as n').select('n.id').whereRef('n.supersedes', '=', 'd.id'))),
    );
  const total = await q
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const documents = await q
    .orderBy('d.uploaded_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0)
    .execute();
  return { total: total.n, documents };
}

// --- jobs -----------------------------------------------------------------------------------------------

export async function enqueueJob(db: Db, documentId: number, actor = SYSTEM): Promise<JobRow> {
  return db.kysely.transaction().execute(async (tx) => {
    const job = await tx
      .insertInto('jobs')
      .values({ document_id: documentId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, { actor, action: 'enqueue', entity: 'job', entityId: job.id, after: { documentId } });
    return job;
  });
}

/**
 * Takes the oldest queued job and marks it running. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets any number
 * of workers claim at once, each job going to exactly one; on PGlite the same statement runs with the one
 * connection held, which is exclusive by construction.
 */
export async function claimNextJob(db: Db, actor = 'worker'): Promise<JobRow | undefined> {
  return db.kysely.transaction().execute(async (tx) => {
    const job = await tx
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: sql<number>`attempts + 1`,
        started_at: sql<Date>`now()`,
        error: null,
      })
      .where(
        'id',
        '=',
        tx
          .selectFrom('jobs')
          .select('id')
          .where('state', '=', 'queued')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
    if (job)
      await audit(tx, {
        actor,
        action: 'claim',
        entity: 'job',
        entityId: job.id,
        before: { state: 'queued' },
        after: { state: 'running', attempts: job.attempts },
      });
    return job;
  });
}

async function endJob(
  db: Db,
  jobId: number,
  state: 'done' | 'failed' | 'queued',
  error: string | null,
  actor: string,
): Promise<JobRow> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('jobs')
      .select(['state', 'attempts'])
      .where('id', '=', jobId)
      .forUpdate()
      .executeTakeFirstOrThrow(() => new Error(`job ${jobId} does not exist`));
    if (before.state !== 'running') throw new Error(`job ${jobId} is ${before.state}, not running`);
    const job = await tx
      .updateTable('jobs')
      .set({ state, error, finished_at: state === 'queued' ? null : sql<Date>`now()` })
      .where('id', '=', jobId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, {
      actor,
      action: state === 'done' ? 'finish' : state === 'failed' ? 'fail' : 'retry',
      entity: 'job',
      entityId: jobId,
      before,
      after: { state, error },
    });
    return job;
  });
}

/** A document's most recent job, if any (what the workspace shows as its processing state). */
export async function latestJob(db: Db, documentId: number): Promise<JobRow | undefined> {
  return db.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export const finishJob = (db: Db, jobId: number, actor = 'worker'): Promise<JobRow> =>
  endJob(db, jobId, 'done', null, actor);

/** Marks a running job failed, or queues it again while it has attempts left. */
export const failJob = (
  db: Db,
  jobId: number,
  error: string,
  options: { retry?: boolean; actor?: string } = {},
): Promise<JobRow> =>
  endJob(db, jobId, options.retry ? 'queued' : 'failed', error, options.actor ?? 'worker');

/**
 * After a crash, jobs left running (by a worker that no longer exists) go back to the queue. Call at start-up
 * of the embedded server, where the only worker is this process.
 */
export async function requeueRunningJobs(db: Db, actor = SYSTEM): Promise<number> {
  return db.kysely.transaction().execute(async (tx) => {
    const jobs = await tx
      .updateTable('jobs')
      .set({ state: 'queued', started_at: null })
      .where('state', '=', 'running')
      .returning('id')
      .execute();
    for (const j of jobs)
      await audit(tx, {
        actor,
        action: 'requeue',
        entity: 'job',
        entityId: j.id,
        before: { state: 'running' },
        after: { state: 'queued' },
      });
    return jobs.length;
  });
}

// --- reviews --------------------------------------------------------------------------------------------

export interface ReviewInput {
  documentId: number;
  findingKey: string;
  decision: ReviewDecision;
  /** Required to dismiss. */
  reason?: string;
  comment?: string;
  actor: string;
}

/** Appends a decision on a finding; it applies to the finding in every version of the document. */
export async function addReview(db: Db, input: ReviewInput): Promise<ReviewRow> {
  return db.kysely.transaction().execute(async (tx) => {
    const doc = await tx
      .selectFrom('documents')
      .select('lineage_id')
      .where('id', '=', input.documentId)
      .executeTakeFirstOrThrow(() => new Error(`document ${input.documentId} does not exist`));
    const review = await tx
      .insertInto('reviews')
      .values({
        lineage_id: doc.lineage_id,
        finding_key: input.findingKey,
        document_id: input.documentId,
        decision: input.decision,
        reason: input.reason ?? null,
        comment: input.comment ?? null,
        actor: input.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, {
      actor: input.actor,
      action: 'review',
      entity: 'finding',
      entityId: `${doc.lineage_id}:${input.findingKey}`,
      after: { reviewId: review.id, decision: input.decision, reason: input.reason ?? null },
    });
    return review;
  });
}

// --- ledger ---------------------------------------------------------------------------------------------

export interface ExpectedEntry {
  org: string;
  fiscalYear: number;
  kind: string;
}

/** Adds expected disclosures (organisations created as needed); entries already expected are left alone. */
export async function expectDocuments(
  db: Db,
  jurisdiction: string,
  entries: readonly ExpectedEntry[],
  actor = SYSTEM,
): Promise<number> {
  return db.kysely.transaction().execute(async (tx) => {
    let added = 0;
    for (const e of entries) {
      const organisation_id = await upsertOrganisation(tx, jurisdiction, e.org);
      const row = await tx
        .insertInto('ledger_expected')
        .values({ organisation_id, fiscal_year: e.fiscalYear, kind: e.kind })
        .onConflict((oc) => oc.doNothing())
        .returning('organisation_id')
        .executeTakeFirst();
      if (row) {
        added++;
        await audit(tx, {
          actor,
          action: 'expect',
          entity: 'ledger',
          entityId: `${organisation_id}:${e.fiscalYear}:${e.kind}`,
          after: { jurisdiction, ...e },
        });
      }
    }
    return added;
  });
}

/** One line of the ledger (the app's port type). */
export type LedgerRow = StoredLedgerRow;

/**
 * Expected against received, checked and reviewed, per organisation, year and kind of one jurisdiction;
 * received documents nobody expected are listed too.
 */
export async function ledger(db: Db, jurisdiction: string): Promise<LedgerRow[]> {
  const expected = await db.kysely
    .selectFrom('ledger_expected as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['o.name as org', 'e.fiscal_year', 'e.kind'])
    .where('o.jurisdiction', '=', jurisdiction)
    .execute();
  const received = await sql<{
    id: number;
    org: string;
    fiscal_year: number | null;
    kind: string | null;
    status: DocumentStatus;
    findings: number;
    reviewed: number;
  }>`
    select d.id, o.name as org, d.fiscal_year, d.kind, d.status,
      coalesce(count(f.id), 0)::int as findings,
      coalesce(count(f.id) filter (where exists (
        select 1 from reviews r where r.lineage_id = d.lineage_id and r.finding_key = f.finding_key)), 0)::int
        as reviewed
    from documents d
    join organisations o on o.id = d.organisation_id
    left join lateral (
      select c.id from checks c where c.document_id = d.id order by c.created_at desc, c.id desc limit 1
    ) lc on true
    left join findings f on f.check_id = lc.id
    where o.jurisdiction = ${jurisdiction}
      and not exists (select 1 from documents n where n.supersedes = d.id)
    group by d.id, o.name
  `.execute(db.kysely);

  const key = (org: string, year: number | null, kind: string | null) => JSON.stringify([org, year, kind]);
  const rows = new Map<string, LedgerRow>();
  const blank = (org: string, fiscalYear: number | null, kind: string | null): LedgerRow => ({
    org,
    fiscalYear,
    kind,
    expected: false,
    documentId: null,
    status: null,
    findings: 0,
    reviewedFindings: 0,
    received: false,
    checked: false,
    reviewed: false,
  });
  for (const e of expected) {
    const k = key(e.org, e.fiscal_year, e.kind);
    rows.set(k, { ...blank(e.org, e.fiscal_year, e.kind), expected: true });
  }
  for (const d of received.rows) {
    const k = key(d.org, d.fiscal_year, d.kind);
    const row = rows.get(k) ?? blank(d.org, d.fiscal_year, d.kind);
    // Two current documents for one slot (two uploads that are not versions of each other): the later wins.
    if (row.documentId !== null && row.documentId > d.id) continue;
    const checked = d.status === 'checked';
    rows.set(k, {
      ...row,
      documentId: d.id,
      status: d.status,
      findings: d.findings,
      reviewedFindings: d.reviewed,
      received: true,
      checked,
      reviewed: checked && d.reviewed === d.findings,
    });
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.org.localeCompare(b.org, 'zh') ||
      (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) ||
      (a.kind ?? '').localeCompare(b.kind ?? ''),
  );
}
