import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentReport } from '#app/check-documents.ts';
import type { Finding } from '#domain/finding.ts';
import { openDatabase, type Db } from './database.ts';
import {
  addReview,
  claimNextJob,
  documentWithFindings,
  enqueueJob,
  expectDocuments,
  failJob,
  fileBytes,
  findingKey,
  finishJob,
  ledger,
  listDocuments,
  recordCheck,
  requeueRunningJobs,
  storeUpload,
} from './repositories.ts';

/**
 * One suite, two databases: embedded PGlite always, PostgreSQL when GONGKAI_TEST_DATABASE_URL is set
 * (.ci/run sets it). Each factory call yields a fresh, empty database; `migrate: false` leaves it unmigrated.
 */
type Factory = (options?: { migrate?: boolean }) => Promise<Db>;

const PG_URL = process.env.GONGKAI_TEST_DATABASE_URL;

const enc = new TextEncoder();
let uniq = 0;
/** Distinct bytes per call, so tests sharing a database never collide on a content hash. */
const bytesOf = (label: string) => enc.encode(`${label} ${process.pid} ${Date.now()} ${++uniq}`);

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'fa.t1.income-sum',
  severity: 'error',
  category: 'table-sum',
  message: { zh: '收入合计不等于各项之和', en: 'income total is not the sum of its items' },
  expected: '3,193.39',
  reported: '3,193.40',
  evidence: [{ page: 3, line: 12, text: '收入合计 3,193.40', table: 't1', row: '27', column: 1 }],
  ...over,
});

function report(org: string, fiscalYear: number, findings: Finding[]): DocumentReport {
  return {
    path: 'upload.pdf',
    format: 'pdf',
    kind: 'final-accounts',
    org,
    fiscalYear,
    pageCount: 10,
    prior: null,
    tables: [],
    claims: [],
    selfEvaluation: null,
    findings,
    checks: { run: 40, passed: 40 - findings.length, failed: findings.length, notApplicable: 2 },
    notApplicable: [{ ruleId: 'fa.t9.empty', reason: { zh: '表九为空表', en: 'table 9 is declared empty' } }],
  };
}

async function count(
  db: Db,
  table: 'checks' | 'findings' | 'audit_log',
  documentId?: number,
): Promise<number> {
  const q =
    table === 'findings'
      ? sql<{ n: number }>`select count(*)::int as n from findings f join checks c on c.id = f.check_id
          where ${documentId ?? null}::int is null or c.document_id = ${documentId ?? null}`
      : table === 'checks'
        ? sql<{ n: number }>`select count(*)::int as n from checks
            where ${documentId ?? null}::int is null or document_id = ${documentId ?? null}`
        : sql<{ n: number }>`select count(*)::int as n from audit_log`;
  return (await q.execute(db.kysely)).rows[0]?.n ?? -1;
}

/** Finishes whatever jobs earlier tests left queued in the shared database. */
async function drainJobs(db: Db): Promise<void> {
  for (let job = await claimNextJob(db); job; job = await claimNextJob(db)) await finishJob(db, job.id);
}

function databaseSuite(fresh: Factory): void {
  let db: Db;
  beforeAll(async () => {
    db = await fresh();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('migrates an empty database, and re-running changes nothing', async () => {
    const empty = await fresh({ migrate: false });
    try {
      const tables = async () =>
        (
          await sql<{ t: string }>`select table_name as t from information_schema.tables
            where table_schema = current_schema() order by 1`.execute(empty.kysely)
        ).rows.map((r) => r.t);
      expect(await tables()).toEqual([]);
      const first = await empty.migrate();
      expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual([
        ['0001-initial', 'Success'],
        ['0002-check-content', 'Success'],
      ]);
      expect(await tables()).toEqual(
        expect.arrayContaining([
          'organisations',
          'documents',
          'stored_files',
          'checks',
          'findings',
          'reviews',
        ]),
      );
      expect((await empty.migrate()).results).toEqual([]);
      expect((await empty.migrate()).results).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('stores an upload once per content and keeps the bytes', async () => {
    const bytes = bytesOf('upload');
    const a = await storeUpload(db, bytes, 'a.pdf');
    const b = await storeUpload(db, bytes, 'renamed.pdf');
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.document.id).toBe(a.document.id);
    expect(b.document.file_name).toBe('a.pdf');
    expect(a.document.status).toBe('received');
    expect(a.document.lineage_id).toBe(a.document.id);
    expect(Buffer.from((await fileBytes(db, a.document.id)) ?? [])).toEqual(Buffer.from(bytes));
    const audits = await sql<{ action: string }>`select action from audit_log
      where entity = 'document' and entity_id = ${String(a.document.id)}`.execute(db.kysely);
    expect(audits.rows.map((r) => r.action)).toEqual(['upload']);
  });

  it('records a check with its findings, identity and status in one go', async () => {
    const org = `财政局-${++uniq}`;
    const { document } = await storeUpload(db, bytesOf('check'), 'fa.pdf');
    const f2 = finding({
      severity: 'warning',
      ruleId: 'fa.narrative.amount',
      evidence: [{ page: 5, line: 2, text: 'x', claim: 'c3' }],
    });
    const check = await recordCheck(db, document.id, report(org, 2023, [finding(), f2]), {
      ruleSetVersion: 'test-1',
      jurisdiction: '某区',
    });
    expect([check.errors, check.warnings, check.infos, check.rules_failed]).toEqual([1, 1, 0, 2]);
    const got = await documentWithFindings(db, document.id);
    expect(got?.document).toMatchObject({
      status: 'checked',
      kind: 'final-accounts',
      fiscal_year: 2023,
      organisation: org,
    });
    expect(got?.check?.not_applicable).toEqual(report(org, 2023, []).notApplicable);
    expect(got?.findings.map((f) => [f.rule_id, f.severity, f.expected, f.reported, f.finding_key])).toEqual([
      ['fa.t1.income-sum', 'error', '3,193.39', '3,193.40', findingKey(finding())],
      ['fa.narrative.amount', 'warning', '3,193.39', '3,193.40', findingKey(f2)],
    ]);
    expect(got?.findings[0]?.evidence).toEqual(finding().evidence);
  });

  it('leaves nothing half-stored when recording a check fails midway', async () => {
    const org = `半途-${++uniq}`;
    const { document } = await storeUpload(db, bytesOf('crash'), 'crash.pdf');
    const auditsBefore = await count(db, 'audit_log');
    // The check row and the document's new status are written before the findings; the second finding
    // violates a constraint, so the transaction dies after most of its work.
    const bad = finding({ severity: 'fatal' as Finding['severity'] });
    await expect(
      recordCheck(db, document.id, report(org, 2023, [finding(), bad]), {
        ruleSetVersion: 't',
        jurisdiction: '某区',
      }),
    ).rejects.toThrow();
    expect(await count(db, 'checks', document.id)).toBe(0);
    expect(await count(db, 'findings', document.id)).toBe(0);
    expect(await count(db, 'audit_log')).toBe(auditsBefore);
    const after = await documentWithFindings(db, document.id);
    expect(after?.document).toMatchObject({
      status: 'received',
      kind: null,
      organisation: null,
      fiscal_year: null,
    });
    const orgs = await sql`select 1 from organisations where name = ${org}`.execute(db.kysely);
    expect(orgs.rows).toHaveLength(0);
    // The database is usable afterwards (the connection is not stuck in an aborted transaction).
    await recordCheck(db, document.id, report(org, 2023, [finding()]), { ruleSetVersion: 't' });
    expect(await count(db, 'findings', document.id)).toBe(1);
  });

  it('gives each job to exactly one of several concurrent claimers', async () => {
    await drainJobs(db);
    const { document } = await storeUpload(db, bytesOf('job'), 'job.pdf');
    const one = await enqueueJob(db, document.id);
    const pair = await Promise.all([claimNextJob(db, 'w1'), claimNextJob(db, 'w2')]);
    expect(pair.filter(Boolean).map((j) => j?.id)).toEqual([one.id]);
    await finishJob(db, one.id);

    const ids = new Set<number>();
    for (let i = 0; i < 12; i++) ids.add((await enqueueJob(db, document.id)).id);
    const claimed: number[] = [];
    const worker = async (name: string) => {
      for (let job = await claimNextJob(db, name); job; job = await claimNextJob(db, name)) {
        claimed.push(job.id);
        await finishJob(db, job.id, name);
      }
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(worker));
    expect(claimed.sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
  });

  it('finishes, fails, retries and requeues jobs', async () => {
    await drainJobs(db);
    const { document } = await storeUpload(db, bytesOf('job2'), 'job2.pdf');
    const job = await enqueueJob(db, document.id);
    const claimed = await claimNextJob(db);
    expect(claimed).toMatchObject({ id: job.id, state: 'running', attempts: 1 });
    expect(await failJob(db, job.id, 'timeout', { retry: true })).toMatchObject({
      state: 'queued',
      error: 'timeout',
    });
    expect(await claimNextJob(db)).toMatchObject({ id: job.id, attempts: 2, error: null });
    // A crash leaves it running; start-up puts it back.
    expect(await requeueRunningJobs(db)).toBe(1);
    expect(await claimNextJob(db)).toMatchObject({ id: job.id, attempts: 3 });
    expect(await failJob(db, job.id, 'corrupt')).toMatchObject({ state: 'failed', error: 'corrupt' });
    await expect(finishJob(db, job.id)).rejects.toThrow(/not running/);
    const actions = await sql<{ action: string }>`select action from audit_log
      where entity = 'job' and entity_id = ${String(job.id)} order by id`.execute(db.kysely);
    expect(actions.rows.map((r) => r.action)).toEqual([
      'enqueue',
      'claim',
      'retry',
      'claim',
      'requeue',
      'claim',
      'fail',
    ]);
  });

  it('keeps reviews and the audit log append-only, following a finding across versions', async () => {
    const org = `审核-${++uniq}`;
    const v1 = (await storeUpload(db, bytesOf('v1'), 'v1.pdf')).document;
    await recordCheck(db, v1.id, report(org, 2023, [finding()]), {
      ruleSetVersion: 't',
      jurisdiction: '某区',
    });
    const key = findingKey(finding());
    await addReview(db, {
      documentId: v1.id,
      findingKey: key,
      decision: 'rectify',
      comment: '请更正',
      actor: '张三',
    });
    await expect(
      addReview(db, { documentId: v1.id, findingKey: key, decision: 'dismiss', actor: '张三' }),
    ).rejects.toThrow(); // dismissing needs a reason

    // The corrected version carries the same finding (same rule and cell): its history comes along.
    const v2 = (await storeUpload(db, bytesOf('v2'), 'v2.pdf', { supersedes: v1.id })).document;
    expect(v2.lineage_id).toBe(v1.id);
    await recordCheck(
      db,
      v2.id,
      report(org, 2023, [finding({ evidence: [{ ...finding().evidence[0]!, page: 4 }] })]),
      {
        ruleSetVersion: 't',
        jurisdiction: '某区',
      },
    );
    await addReview(db, { documentId: v2.id, findingKey: key, decision: 'confirm', actor: '李四' });
    const got = await documentWithFindings(db, v2.id);
    expect(got?.findings[0]?.reviews.map((r) => [r.decision, r.actor])).toEqual([
      ['rectify', '张三'],
      ['confirm', '李四'],
    ]);

    for (const statement of [
      sql`update reviews set comment = 'rewritten'`,
      sql`delete from reviews`,
      sql`update audit_log set actor = 'nobody'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
      sql`update stored_files set bytes = '\\x00'::bytea`,
      sql`delete from stored_files`,
    ])
      await expect(statement.execute(db.kysely)).rejects.toThrow(/append-only/);
    const audits = await sql<{ action: string; actor: string }>`select action, actor from audit_log
      where entity = 'finding' and entity_id = ${`${v1.id}:${key}`} order by id`.execute(db.kysely);
    expect(audits.rows).toEqual([
      { action: 'review', actor: '张三' },
      { action: 'review', actor: '李四' },
    ]);
  });

  it('lists documents by organisation, year, kind and status, with paging', async () => {
    const jurisdiction = `列表区-${++uniq}`;
    const ids: number[] = [];
    for (const [org, year] of [
      ['甲局', 2022],
      ['甲局', 2023],
      ['乙局', 2023],
    ] as const) {
      const { document } = await storeUpload(db, bytesOf(`list ${org} ${year}`), `${org}.pdf`);
      await recordCheck(db, document.id, report(org, year, []), { ruleSetVersion: 't', jurisdiction });
      ids.push(document.id);
    }
    const all = await listDocuments(db, { jurisdiction });
    expect(all.total).toBe(3);
    expect(all.documents.map((d) => d.id)).toEqual([...ids].reverse());
    const y2023 = await listDocuments(db, {
      jurisdiction,
      fiscalYear: 2023,
      kind: 'final-accounts',
      status: 'checked',
    });
    expect(y2023.documents.map((d) => d.organisation).sort()).toEqual(['乙局', '甲局'].sort());
    const page = await listDocuments(db, { jurisdiction, limit: 2, offset: 2 });
    expect([page.total, page.documents.map((d) => d.id)]).toEqual([3, [ids[0]]]);
    const orgId = all.documents[0]?.organisation_id ?? -1;
    expect((await listDocuments(db, { organisationId: orgId })).documents.map((d) => d.id)).toEqual([ids[2]]);
  });

  it('counts the ledger: expected against received, checked and reviewed', async () => {
    const jurisdiction = `台账区-${++uniq}`;
    expect(
      await expectDocuments(db, jurisdiction, [
        { org: '教育局', fiscalYear: 2023, kind: 'final-accounts' },
        { org: '教育局', fiscalYear: 2023, kind: 'self-evaluation' },
        { org: '卫健委', fiscalYear: 2023, kind: 'final-accounts' },
      ]),
    ).toBe(3);
    expect(
      await expectDocuments(db, jurisdiction, [{ org: '教育局', fiscalYear: 2023, kind: 'final-accounts' }]),
    ).toBe(0);

    const edu = (await storeUpload(db, bytesOf('edu'), 'edu.pdf')).document;
    await recordCheck(db, edu.id, report('教育局', 2023, [finding(), finding({ ruleId: 'fa.t2.sum' })]), {
      ruleSetVersion: 't',
      jurisdiction,
    });
    await addReview(db, {
      documentId: edu.id,
      findingKey: findingKey(finding()),
      decision: 'confirm',
      actor: 'r',
    });
    const health = (await storeUpload(db, bytesOf('health'), 'health.pdf')).document;
    await recordCheck(db, health.id, report('卫健委', 2023, []), { ruleSetVersion: 't', jurisdiction });
    const extra = (await storeUpload(db, bytesOf('extra'), 'extra.pdf')).document;
    await recordCheck(db, extra.id, report('卫健委', 2022, [finding()]), {
      ruleSetVersion: 't',
      jurisdiction,
    });

    const rows = await ledger(db, jurisdiction);
    const view = rows.map((r) => [
      r.org,
      r.fiscalYear,
      r.kind,
      r.expected,
      r.received,
      r.checked,
      r.reviewed,
      r.findings,
      r.reviewedFindings,
    ]);
    expect(view).toEqual(
      expect.arrayContaining([
        ['教育局', 2023, 'final-accounts', true, true, true, false, 2, 1],
        ['教育局', 2023, 'self-evaluation', true, false, false, false, 0, 0],
        ['卫健委', 2023, 'final-accounts', true, true, true, true, 0, 0],
        ['卫健委', 2022, 'final-accounts', false, true, true, false, 1, 0],
      ]),
    );
    expect(rows).toHaveLength(4);
    await addReview(db, {
      documentId: edu.id,
      findingKey: findingKey(finding({ ruleId: 'fa.t2.sum' })),
      decision: 'dismiss',
      reason: '口径不同',
      actor: 'r',
    });
    const after = (await ledger(db, jurisdiction)).find(
      (r) => r.org === '教育局' && r.kind === 'final-accounts',
    );
    expect(after).toMatchObject({ reviewed: true, reviewedFindings: 2 });
  });
}

// --- PGlite: fresh databases from one dumped template (initdb once per file, not per database) -------------
describe('PGlite', () => {
  let template: Blob;
  beforeAll(async () => {
    const pg = await PGlite.create('memory://');
    template = await pg.dumpDataDir('none');
    await pg.close();
  });
  databaseSuite((options) => openDatabase({ dataDir: 'memory://', loadDataDir: template, ...options }));

  it('keeps everything across close and reopen of a data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-db-'));
    try {
      let db = await openDatabase({ dataDir: dir, loadDataDir: template });
      const { document } = await storeUpload(db, bytesOf('persist'), 'p.pdf');
      await recordCheck(db, document.id, report('持久局', 2023, [finding()]), {
        ruleSetVersion: 't',
        jurisdiction: '区',
      });
      await db.close();
      db = await openDatabase({ dataDir: dir });
      try {
        expect((await db.migrate()).results).toEqual([]);
        const got = await documentWithFindings(db, document.id);
        expect(got?.document).toMatchObject({ status: 'checked', organisation: '持久局' });
        expect(got?.findings.map((f) => f.finding_key)).toEqual([findingKey(finding())]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// --- PostgreSQL: one fresh schema per database, dropped on close --------------------------------------------
describe.skipIf(!PG_URL)(
  PG_URL ? 'PostgreSQL' : 'PostgreSQL (skipped: GONGKAI_TEST_DATABASE_URL is not set)',
  () => {
    let n = 0;
    databaseSuite(async (options) => {
      const schema = `gongkai_test_${process.pid}_${Date.now()}_${++n}`;
      const db = await openDatabase({ url: PG_URL, schema, ...options });
      return {
        ...db,
        close: async () => {
          await sql`drop schema ${sql.id(schema)} cascade`.execute(db.kysely);
          await db.close();
        },
      };
    });
  },
);
