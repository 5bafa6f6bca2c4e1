import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#app/workspace.ts';
import { startWorker } from '#app/worker.ts';
import { openWorkspace } from '#src/compose.ts';
import { corpusAvailable, corpusFile, PROJECT_ROOT } from '#src/testing/corpus.ts';
import { buildServer } from './server.ts';

const DEMO = readFileSync(join(PROJECT_ROOT, 'demo', 'demo-final-accounts.txt'));
const ENCRYPTED = readFileSync(join(PROJECT_ROOT, 'fixtures', 'malformed', 'encrypted.pdf'));

/** A multipart/form-data body with one part per file. */
function multipart(files: { name: string; bytes: Uint8Array }[]) {
  const boundary = `----gongkai${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(app: FastifyInstance, files: { name: string; bytes: Uint8Array }[]) {
  const res = await app.inject({ method: 'POST', url: '/api/documents', ...multipart(files) });
  return { res, body: res.json<{ documents: { id: number; created: boolean }[] }>() };
}

async function drain(workspace: Workspace): Promise<void> {
  while ((await workspace.runNextJob()).ran);
}

interface View {
  document: { status: string; kind: string | null; organisation: string | null };
  job: { state: string; error: { code: string; message: { zh: string; en: string } } | null } | null;
  summary: { errors: number; warnings: number } | null;
  findings: {
    key: string;
    ruleId: string;
    severity: string;
    message: { zh: string; en: string };
    expected: string | null;
    evidence: { table?: string; row?: string; column?: number }[];
    decision: string | null;
    reviews: { decision: string; reason: string | null }[];
  }[];
}

let template: Blob;
beforeAll(async () => {
  const pg = await PGlite.create('memory://');
  template = await pg.dumpDataDir('none');
  await pg.close();
});

const PG_URL = process.env.GONGKAI_TEST_DATABASE_URL;

/**
 * The API suite, written once and run on both databases: embedded PGlite here, the real PostgreSQL when
 * GONGKAI_TEST_DATABASE_URL is set (.ci/run sets it), in a fresh schema dropped afterwards.
 */
function apiSuite(open: () => Promise<Workspace>, cleanup: () => Promise<void> = async () => {}): void {
  let workspace: Workspace;
  let app: FastifyInstance;
  /** The demo document, uploaded by the first test and reviewed by a later one. */
  let demoId = -1;
  beforeAll(async () => {
    workspace = await open();
    app = await buildServer({ workspace, maxFileBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await app?.close();
    await workspace?.close();
    await cleanup();
  });

  it('uploads, checks through the job and shows the findings with both messages', async () => {
    const { res, body } = await upload(app, [{ name: 'demo.txt', bytes: DEMO }]);
    expect(res.statusCode).toBe(201);
    const id = (demoId = body.documents[0]?.id ?? -1);
    const before = (await app.inject(`/api/documents/${id}`)).json<View>();
    expect(before.document.status).toBe('received');
    expect(before.job?.state).toBe('queued');
    await drain(workspace);
    const view = (await app.inject(`/api/documents/${id}`)).json<View>();
    expect(view.document).toMatchObject({ status: 'checked', kind: 'final-accounts' });
    expect(view.job?.state).toBe('done');
    expect(view.summary?.errors).toBeGreaterThan(0);
    const t3 = view.findings.find((f) => f.ruleId === 'fa.t3.classes-sum');
    expect(t3?.severity).toBe('error');
    expect(t3?.evidence[0]).toMatchObject({ table: 't3', row: 'total', column: 2 });
    expect(t3?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(t3?.message.en).toMatch(/[a-z]/);
    expect(typeof t3?.expected).toBe('string');

    const file = await app.inject(`/api/documents/${id}/file`);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.rawPayload.equals(DEMO)).toBe(true);
  });

  it('stores the same bytes once, and accepts many files in one request', async () => {
    const tiny = new TextEncoder().encode(`某单位2023年度部门决算 ${Date.now()}\n说明：无数据\n`);
    const first = await upload(app, [
      { name: 'tiny.txt', bytes: tiny },
      { name: 'demo-again.txt', bytes: DEMO },
    ]);
    expect(first.res.statusCode).toBe(201);
    expect(first.body.documents.map((d) => d.created)).toEqual([true, false]);
    const again = await upload(app, [{ name: 'tiny-renamed.txt', bytes: tiny }]);
    expect(again.res.statusCode).toBe(200);
    expect(again.body.documents[0]?.id).toBe(first.body.documents[0]?.id);
    await drain(workspace);
    const list = (await app.inject('/api/documents?limit=10')).json<{
      total: number;
      documents: unknown[];
    }>();
    expect(list.total).toBe(2);
    const checked = (await app.inject('/api/documents?status=checked&kind=final-accounts')).json<{
      total: number;
    }>();
    expect(checked.total).toBeGreaterThanOrEqual(1);
  });

  it('fails the job of an encrypted PDF with the reader’s code and keeps serving', async () => {
    const { body } = await upload(app, [{ name: 'locked.pdf', bytes: ENCRYPTED }]);
    const id = body.documents[0]?.id ?? -1;
    const outcome = await workspace.runNextJob();
    expect(outcome).toMatchObject({ ran: true, state: 'failed', error: { code: 'encrypted' } });
    const view = (await app.inject(`/api/documents/${id}`)).json<View>();
    expect(view.document.status).toBe('failed');
    expect(view.job).toMatchObject({ state: 'failed', error: { code: 'encrypted' } });
    expect(view.job?.error?.message.zh).toMatch(/加密/);
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const file = await app.inject(`/api/documents/${id}/file`);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a file over the size limit with 413 and a bilingual error', async () => {
    const { res } = await upload(app, [{ name: 'big.txt', bytes: new Uint8Array(65 * 1024).fill(0x41) }]);
    expect(res.statusCode).toBe(413);
    const err = res.json<{ error: { code: string; message: { zh: string; en: string } } }>().error;
    expect(err.code).toBe('file-too-large');
    expect(err.message.zh).toMatch(/上限/);
    expect(err.message.en).toMatch(/size limit/);
  });

  it('answers unknown documents, findings and bad input with coded errors', async () => {
    const missing = await app.inject('/api/documents/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'document-not-found' } });
    expect((await app.inject('/api/documents/abc')).statusCode).toBe(400);
    expect((await app.inject('/api/nowhere')).json()).toMatchObject({ error: { code: 'no-such-route' } });
  });

  it('records reviews, validates them and counts them in the ledger', async () => {
    const id = demoId;
    const view = (await app.inject(`/api/documents/${id}`)).json<View>();
    const url = (key: string) => `/api/documents/${id}/findings/${key}/reviews`;
    const key = view.findings[0]?.key ?? '';

    const bad = await app.inject({ method: 'POST', url: url(key), payload: { decision: 'ignore' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid-request' } });
    const noReason = await app.inject({ method: 'POST', url: url(key), payload: { decision: 'dismiss' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { code: 'reason-required' } });
    const unknown = await app.inject({ method: 'POST', url: url('nope'), payload: { decision: 'confirm' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'finding-not-found' } });

    const ledgerBefore = (await app.inject('/api/ledger?jurisdiction=' + encodeURIComponent('示例区'))).json<{
      totals: { received: number; checked: number; reviewed: number };
    }>();
    // The tiny text names no organisation, so only the demo document is filed in the jurisdiction.
    expect(ledgerBefore.totals).toMatchObject({ received: 1, checked: 1, reviewed: 0 });

    for (const f of view.findings) {
      const ok = await app.inject({
        method: 'POST',
        url: url(f.key),
        payload: { decision: 'dismiss', reason: '已核实无误', actor: '审核员甲' },
      });
      expect(ok.statusCode).toBe(201);
    }
    await app.inject({ method: 'POST', url: url(key), payload: { decision: 'rectify', comment: '请更正' } });
    const after = (await app.inject(`/api/documents/${id}`)).json<View>();
    expect(after.findings[0]?.decision).toBe('rectify');
    expect(after.findings[0]?.reviews.map((r) => r.decision)).toEqual(['dismiss', 'rectify']);
    const ledger = (await app.inject('/api/ledger?jurisdiction=' + encodeURIComponent('示例区'))).json<{
      totals: { received: number; checked: number; reviewed: number };
      rows: { documentId: number; findings: number; reviewedFindings: number }[];
    }>();
    expect(ledger.totals).toMatchObject({ received: 1, checked: 1, reviewed: 1 });
    const row = ledger.rows.find((r) => r.documentId === id);
    expect(row?.reviewedFindings).toBe(view.findings.length);
  });

  it('describes every route in OpenAPI, served as JSON and as a page', async () => {
    const spec = (await app.inject('/api/docs/openapi.json')).json<{ paths: Record<string, object> }>();
    const routes = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'POST /api/documents',
        'GET /api/documents',
        'GET /api/documents/{id}',
        'GET /api/documents/{id}/content',
        'GET /api/documents/{id}/file',
        'POST /api/documents/{id}/findings/{key}/reviews',
        'GET /api/ledger',
        'GET /api/health',
      ].sort(),
    );
    const page = await app.inject('/api/docs');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/api/documents/{id}/findings/{key}/reviews');
  });
}

describe('workspace HTTP API on PGlite', () => {
  apiSuite(() => openWorkspace({ dataDir: 'memory://', loadDataDir: template, jurisdiction: '示例区' }));
});

describe.skipIf(!PG_URL)(
  PG_URL
    ? 'workspace HTTP API on PostgreSQL'
    : 'workspace HTTP API on PostgreSQL (skipped: GONGKAI_TEST_DATABASE_URL is not set)',
  () => {
    const schema = `gk_http_${process.pid}_${Date.now()}`;
    apiSuite(
      () => openWorkspace({ databaseUrl: PG_URL, databaseSchema: schema, jurisdiction: '示例区' }),
      async () => {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    );
  },
);

describe.skipIf(!corpusAvailable())('workspace HTTP API on a corpus seed', () => {
  it('checks seed 004: no errors, nine tables', async () => {
    const workspace = await openWorkspace({ dataDir: 'memory://', loadDataDir: template });
    const app = await buildServer({ workspace });
    try {
      const bytes = readFileSync(corpusFile('seeds/004_93c4c58a71a1e296.txt'));
      const { body } = await upload(app, [{ name: '004.txt', bytes }]);
      const id = body.documents[0]?.id ?? -1;
      await drain(workspace);
      const view = (await app.inject(`/api/documents/${id}`)).json<View>();
      expect(view.document.status).toBe('checked');
      expect(view.summary?.errors).toBe(0);
      const content = (await app.inject(`/api/documents/${id}/content`)).json<{ tables: unknown[] }>();
      expect(content.tables).toHaveLength(9);
    } finally {
      await app.close();
      await workspace.close();
    }
  });
});

describe('workspace restart', () => {
  it('keeps documents, findings and reviews, and resumes a job left running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-ws-'));
    try {
      let workspace = await openWorkspace({ dataDir: dir, loadDataDir: template });
      let app = await buildServer({ workspace });
      const demo = await upload(app, [{ name: 'demo.txt', bytes: DEMO }]);
      const demoId = demo.body.documents[0]?.id ?? -1;
      await drain(workspace);
      const view = (await app.inject(`/api/documents/${demoId}`)).json<View>();
      const key = view.findings[0]?.key ?? '';
      await app.inject({
        method: 'POST',
        url: `/api/documents/${demoId}/findings/${key}/reviews`,
        payload: { decision: 'confirm', actor: '审核员乙' },
      });
      // A second upload whose job is claimed and then "crashes": left running.
      const tiny = new TextEncoder().encode(`某局2024年度部门决算 ${Date.now()}\n`);
      const second = await upload(app, [{ name: 'tiny.txt', bytes: tiny }]);
      const secondId = second.body.documents[0]?.id ?? -1;
      expect((await app.inject(`/api/documents/${secondId}`)).json<View>().job?.state).toBe('queued');
      await app.close();
      await workspace.close();

      // Simulate the crash: claim the job in a session that then dies without finishing it.
      const { openDatabase } = await import('#adapters/db/database.ts');
      const { claimNextJob } = await import('#adapters/db/repositories.ts');
      const crashed = await openDatabase({ dataDir: dir });
      expect((await claimNextJob(crashed))?.document_id).toBe(secondId);
      await crashed.close();

      workspace = await openWorkspace({ dataDir: dir });
      app = await buildServer({ workspace });
      expect((await app.inject(`/api/documents/${secondId}`)).json<View>().job?.state).toBe('running');
      const worker = await startWorker(workspace, { intervalMs: 20 });
      try {
        await expect
          .poll(async () => (await app.inject(`/api/documents/${secondId}`)).json<View>().job?.state, {
            timeout: 20_000,
          })
          .toBe('done');
      } finally {
        await worker.stop();
      }
      const kept = (await app.inject(`/api/documents/${demoId}`)).json<View>();
      expect(kept.findings.map((f) => f.key)).toEqual(view.findings.map((f) => f.key));
      expect(kept.findings[0]?.reviews.map((r) => r.decision)).toEqual(['confirm']);
      expect((await app.inject('/api/documents')).json<{ total: number }>().total).toBe(2);
      await app.close();
      await workspace.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('document content', () => {
  it('is kept with the check: the page reads no file and extracts nothing again', async () => {
    const { openDatabase } = await import('#adapters/db/database.ts');
    const { databaseStore } = await import('#adapters/workspace-store.ts');
    const { createWorkspace } = await import('#app/workspace.ts');
    const { fileReader } = await import('#adapters/reader.ts');
    const { loadCodeTables, loadRules } = await import('#adapters/rulesets.ts');
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: template });
    const store = databaseStore(db);
    let fileReads = 0;
    const counting = {
      ...store,
      fileBytes: (id: number) => {
        fileReads++;
        return store.fileBytes(id);
      },
    };
    const rules = { rules: (set: string) => loadRules(set), codes: () => loadCodeTables() };
    const workspace = createWorkspace(counting, { reader: fileReader, rules }, { ruleSetVersion: 'test' });
    try {
      const { document } = await workspace.uploadDocument(DEMO, 'demo.txt');
      await drain(workspace);
      const readsAfterCheck = fileReads;
      const content = (await workspace.documentContent(document.id)) as {
        tables: {
          id: string;
          rows: { key: string; cells: { column: number; figure: { text: string } }[] }[];
        }[];
        claims: unknown[];
      };
      expect(fileReads).toBe(readsAfterCheck);
      expect(content.tables.map((t) => t.id)).toContain('t3');
      const t3total = content.tables.find((t) => t.id === 't3')?.rows.find((r) => r.key === 'total');
      expect(t3total?.cells.find((c) => c.column === 1)?.figure.text).toMatch(/^\d[\d,]*\.\d\d$/);
      expect(content.claims.length).toBeGreaterThan(10);
    } finally {
      await workspace.close();
    }
  });
});
