/**
 * `npm run bench:http`: the workspace API under load on loopback. Fills a fresh PGlite database with 500
 * checked documents (the demo 决算 under 500 organisation names), starts the server, then runs autocannon
 * with 50 concurrent readers of the document page API for 20 s and prints p50/p99 for BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_DOCUMENT } from '#adapters/demo.ts';
import { openWorkspace, serveWorkspace } from '#src/compose.ts';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 500);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
try {
  const demo = readFileSync(DEMO_DOCUMENT, 'utf8');
  const fill = performance.now();
  const workspace = await openWorkspace({ dataDir: join(dir, 'db') });
  const ids: number[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = demo.replaceAll('示例市示例区数据服务局', `示例市示例区第${i + 1}数据服务局`);
    const { document } = await workspace.uploadDocument(new TextEncoder().encode(text), `demo-${i + 1}.txt`);
    ids.push(document.id);
  }
  while ((await workspace.runNextJob()).ran);
  await workspace.close();
  const fillMs = performance.now() - fill;

  const server = await serveWorkspace({ port: 0, dataDir: join(dir, 'db') });
  let n = 0;
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/documents/${ids[n++ % ids.length]}` }) },
    ],
  });
  await server.close();
  const l = result.latency;
  console.log(
    `documents: ${DOCUMENTS} (uploaded and checked in ${(fillMs / 1000).toFixed(1)} s); ` +
      `${CONNECTIONS} connections for ${SECONDS} s on GET /api/documents/:id`,
  );
  console.log(
    `requests: ${result.requests.total} (${result.requests.average.toFixed(0)}/s); errors ${result.errors}, ` +
      `non-2xx ${result.non2xx}; latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
