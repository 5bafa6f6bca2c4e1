import type { LocalizedText } from '#domain/finding.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import { checkDocuments, isFailure, load, type CheckDeps, type DocumentReport } from './check-documents.ts';
import { claimJson, selfEvaluationJson, tableJson } from './present.ts';
import {
  REVIEW_DECISIONS,
  type DocumentQuery,
  type ReviewDecision,
  type StoredDocument,
  type StoredJob,
  type StoredReview,
  type WorkspaceStore,
} from './ports.ts';

/** A use case's refusal: a code for programs, a message for people, and whether the thing was missing. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  constructor(
    readonly kind: 'not-found' | 'invalid',
    readonly code: string,
    readonly messages: LocalizedText,
  ) {
    super(`${messages.en} / ${messages.zh}`);
  }
}

export interface WorkspaceOptions {
  /** Recorded with every check: which rules produced its findings. */
  ruleSetVersion: string;
  /** The jurisdiction detected organisations are filed under (default ''). */
  jurisdiction?: string;
}

export interface JobError {
  code: string;
  message: LocalizedText;
}

/** What `runNextJob` did: nothing queued, a job done, or a job failed with its coded error. */
export type JobOutcome =
  | { ran: false }
  | { ran: true; jobId: number; documentId: number; state: 'done' }
  | { ran: true; jobId: number; documentId: number; state: 'failed' | 'queued'; error: JobError };

/** A job fails for good when the file cannot be read; anything else (a database hiccup) is retried. */
const MAX_ATTEMPTS = 3;

function documentJson(d: StoredDocument) {
  return {
    id: d.id,
    fileName: d.file_name,
    contentHash: d.content_hash,
    size: d.size,
    format: d.format,
    kind: d.kind,
    organisationId: d.organisation_id,
    organisation: d.organisation,
    jurisdiction: d.jurisdiction,
    fiscalYear: d.fiscal_year,
    status: d.status,
    uploadedAt: d.uploaded_at.toISOString(),
    supersedes: d.supersedes,
    lineageId: d.lineage_id,
  };
}
export type DocumentJson = ReturnType<typeof documentJson>;

function reviewJson(r: StoredReview) {
  return {
    id: r.id,
    documentId: r.document_id,
    decision: r.decision,
    reason: r.reason,
    comment: r.comment,
    actor: r.actor,
    at: r.at.toISOString(),
  };
}

function parseJobError(error: string | null): JobError | null {
  if (error === null) return null;
  try {
    const parsed = JSON.parse(error) as JobError;
    if (typeof parsed.code === 'string' && typeof parsed.message?.zh === 'string') return parsed;
  } catch {
    // Not ours: an error stored as plain text.
  }
  return { code: 'internal', message: { zh: error, en: error } };
}

function jobJson(j: StoredJob) {
  return {
    id: j.id,
    state: j.state,
    attempts: j.attempts,
    error: parseJobError(j.error),
    createdAt: j.created_at.toISOString(),
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

const notFound = (id: number) =>
  new WorkspaceError('not-found', 'document-not-found', {
    zh: `文件 ${id} 不存在`,
    en: `document ${id} does not exist`,
  });

/**
 * The workspace's use cases: upload, the check job, a document's findings, reviews and the ledger. Knows the
 * store only through its port and the engines through `CheckDeps`.
 */
/** The extracted content as the API shows it (figures as strings), stored with each check. */
function contentJson(
  d: Pick<DocumentReport, 'tables' | 'claims'> & {
    selfEvaluation?: DisclosureDocument['selfEvaluation'] | null;
  },
) {
  return {
    tables: d.tables.map(tableJson),
    claims: d.claims.map(claimJson),
    selfEvaluation: d.selfEvaluation ? selfEvaluationJson(d.selfEvaluation) : null,
  };
}

export function createWorkspace(store: WorkspaceStore, deps: CheckDeps, options: WorkspaceOptions) {
  const jurisdiction = options.jurisdiction ?? '';

  /** Stores the file (once per content) and queues its check; the same bytes again return the same document. */
  async function uploadDocument(bytes: Uint8Array, name: string) {
    const { document, created } = await store.storeUpload(bytes, name);
    // A crash between the two leaves a stored document without a job; re-uploading the bytes queues it.
    if (created || !(await store.latestJob(document.id))) await store.enqueueJob(document.id);
    return { document: documentJson(document), created };
  }

  /** Claims the oldest queued job, checks its document and records the result; never throws for a bad file. */
  async function runNextJob(): Promise<JobOutcome> {
    const job = await store.claimNextJob();
    if (!job) return { ran: false };
    const base = { ran: true as const, jobId: job.id, documentId: job.document_id };
    try {
      const view = await store.document(job.document_id);
      const bytes = await store.fileBytes(job.document_id);
      if (!view || !bytes) throw new Error(`document ${job.document_id} has no stored file`);
      await store.setDocumentStatus(job.document_id, 'checking');
      const [result] = await checkDocuments([{ path: view.document.file_name, bytes }], deps);
      if (!result) throw new Error('the check returned no result');
      if (!result.ok) {
        const error: JobError = { code: result.error.code, message: result.error.message };
        await store.setDocumentStatus(job.document_id, 'failed');
        await store.failJob(job.id, JSON.stringify(error));
        return { ...base, state: 'failed', error };
      }
      await store.recordCheck(job.document_id, result, {
        ruleSetVersion: options.ruleSetVersion,
        jurisdiction,
        content: contentJson(result),
      });
      await store.finishJob(job.id);
      return { ...base, state: 'done' };
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const error: JobError = {
        code: 'internal',
        message: { zh: `核对时发生内部错误：${detail}`, en: `internal error while checking: ${detail}` },
      };
      const retry = job.attempts < MAX_ATTEMPTS;
      if (!retry) await store.setDocumentStatus(job.document_id, 'failed').catch(() => undefined);
      await store.failJob(job.id, JSON.stringify(error), { retry });
      return { ...base, state: retry ? 'queued' : 'failed', error };
    }
  }

  /** A document with its latest check's findings (messages in both languages), evidence and review history. */
  async function documentView(id: number) {
    const found = await store.document(id);
    if (!found) throw notFound(id);
    const job = await store.latestJob(id);
    const { document, check, findings } = found;
    return {
      document: documentJson(document),
      job: job ? jobJson(job) : null,
      summary: check
        ? {
            checkedAt: check.created_at.toISOString(),
            ruleSetVersion: check.rule_set_version,
            errors: check.errors,
            warnings: check.warnings,
            infos: check.infos,
            rules: {
              run: check.rules_run,
              passed: check.rules_passed,
              failed: check.rules_failed,
              notApplicable: check.rules_not_applicable,
            },
            notApplicable: check.not_applicable,
          }
        : null,
      findings: findings.map((f) => ({
        key: f.finding_key,
        ruleId: f.rule_id,
        severity: f.severity,
        category: f.category,
        message: { zh: f.message_zh, en: f.message_en },
        expected: f.expected,
        reported: f.reported,
        evidence: f.evidence,
        decision: f.reviews.at(-1)?.decision ?? null,
        reviews: f.reviews.map(reviewJson),
      })),
    };
  }

  /**
   * The tables and narrative claims extracted from the stored file, figures as printed strings. Extracted
   * again on each call: extraction results are not stored yet.
   */
  /** What the latest check extracted, as stored with it; a check recorded before 0002 is extracted again. */
  async function documentContent(id: number) {
    const found = await store.document(id);
    if (!found) throw notFound(id);
    const stored = found.check?.content;
    if (stored !== undefined && stored !== null) return { id, ...stored };
    const bytes = await store.fileBytes(id);
    if (!bytes) throw notFound(id);
    const doc = await load({ path: found.document.file_name, bytes }, deps);
    if (isFailure(doc)) throw new WorkspaceError('invalid', doc.error.code, doc.error.message);
    return { id, ...contentJson(doc) };
  }

  /** The stored bytes of a document's file, with its name and detected format. */
  async function documentFile(id: number) {
    const found = await store.document(id);
    const bytes = await store.fileBytes(id);
    if (!found || !bytes) throw notFound(id);
    return { bytes, fileName: found.document.file_name, format: found.document.format };
  }

  async function listDocuments(query: DocumentQuery) {
    const { total, documents } = await store.listDocuments(query);
    return { total, documents: documents.map(documentJson) };
  }

  /** Records a decision on one finding of a document's latest check; dismissing needs a reason. */
  async function review(
    documentId: number,
    findingKey: string,
    input: { decision: string; reason?: string; comment?: string; actor: string },
  ) {
    if (!(REVIEW_DECISIONS as readonly string[]).includes(input.decision))
      throw new WorkspaceError('invalid', 'invalid-decision', {
        zh: `审核结论须为 confirm（确认）、dismiss（驳回）或 rectify（整改）之一，收到“${input.decision}”`,
        en: `the decision must be confirm, dismiss or rectify, not "${input.decision}"`,
      });
    if (input.decision === 'dismiss' && !input.reason?.trim())
      throw new WorkspaceError('invalid', 'reason-required', {
        zh: '驳回须说明理由',
        en: 'dismissing a finding needs a reason',
      });
    if (!input.actor.trim())
      throw new WorkspaceError('invalid', 'actor-required', {
        zh: '须注明审核人',
        en: 'the reviewer must be named',
      });
    const found = await store.document(documentId);
    if (!found) throw notFound(documentId);
    if (!found.findings.some((f) => f.finding_key === findingKey))
      throw new WorkspaceError('not-found', 'finding-not-found', {
        zh: `文件 ${documentId} 的最新核对结果中没有问题 ${findingKey}`,
        en: `document ${documentId} has no finding ${findingKey} in its latest check`,
      });
    const stored = await store.addReview({
      documentId,
      findingKey,
      decision: input.decision as ReviewDecision,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.comment ? { comment: input.comment } : {}),
      actor: input.actor,
    });
    return reviewJson(stored);
  }

  /** Expected against received, checked and reviewed disclosures of a jurisdiction, with totals. */
  async function ledgerView(name: string = jurisdiction) {
    const rows = await store.ledger(name);
    return {
      jurisdiction: name,
      totals: {
        expected: rows.filter((r) => r.expected).length,
        received: rows.filter((r) => r.received).length,
        missing: rows.filter((r) => r.expected && !r.received).length,
        checked: rows.filter((r) => r.checked).length,
        reviewed: rows.filter((r) => r.reviewed).length,
      },
      rows,
    };
  }

  return {
    uploadDocument,
    runNextJob,
    documentView,
    documentContent,
    documentFile,
    listDocuments,
    review,
    ledgerView,
    /** Puts jobs a crash left running back in the queue (the embedded server is the only worker). */
    recover: () => store.requeueRunningJobs(),
    close: () => store.close(),
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
