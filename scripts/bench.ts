/**
 * `npm run bench`: time per document over the corpus (median and max of several runs, in process), the
 * time to score each self-evaluation on its indicator system, and the peak RSS of checking the whole corpus
 * in one batch. Prints tables for BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { createApp } from '#src/compose.ts';
import { OUTPUT_FORMATS } from '#app/compile-documents.ts';
import { pdfAvailable } from '#adapters/render-pdf.ts';
import { CORPUS_DIR, PROJECT_ROOT } from '#src/testing/corpus.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

const files = ['seeds', 'real']
  .flatMap((d) => readdirSync(join(CORPUS_DIR, d)).map((f) => join(CORPUS_DIR, d, f)))
  .filter((f) => /\.(pdf|txt)$/.test(f))
  .sort();
const app = createApp();
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

const batchStart = performance.now();
const batch = await app.check(files.map((path) => ({ path, bytes: readFileSync(path) })));
const batchMs = performance.now() - batchStart;
// The batch's own peak: sampling stops before the timing runs, whose garbage would count against it.
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(
  `gongkai bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(`runs per document: ${RUNS} (after one warm-up)\n`);
console.log('| document | kind | pages | tables | figures | findings | median ms | max ms |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
const medians: number[] = [];
const selfEvaluations: { path: string; bytes: Buffer }[] = [];
for (const path of files) {
  const bytes = readFileSync(path);
  const times: number[] = [];
  await app.check([{ path, bytes }]);
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await app.check([{ path, bytes }]);
    times.push(performance.now() - t);
  }
  const r = batch.find((b) => b.path === path);
  // Figures: narrative claims of a 决算, or every figure a self-evaluation states.
  const se = r?.ok ? r.selfEvaluation : null;
  const figures = se
    ? se.budget.length + se.projects.length + se.indicators.length + se.scores.length + se.metrics.length
    : r?.ok
      ? r.claims.length
      : '-';
  const info = r?.ok
    ? [r.kind, r.pageCount, r.tables.length, figures, r.findings.length]
    : ['-', '-', '-', '-', '-'];
  if (se) selfEvaluations.push({ path, bytes });
  const med = median(times);
  medians.push(med);
  console.log(
    `| ${path.slice(CORPUS_DIR.length + 1)} | ${info.join(' | ')} | ${med.toFixed(1)} | ${Math.max(...times).toFixed(1)} |`,
  );
}
console.log('\n| self-evaluation scored (read + extract + score) | system | total | median ms | max ms |');
console.log('|---|---|---|---:|---:|');
for (const input of selfEvaluations) {
  const times: number[] = [];
  let item = (await app.score([input]))[0];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    item = (await app.score([input]))[0];
    times.push(performance.now() - t);
  }
  const report = item && 'report' in item ? item.report : undefined;
  const system = report?.system.id ?? '-';
  const total = report?.total.status ?? (item && 'error' in item ? item.error.code : '-');
  console.log(
    `| ${input.path.slice(CORPUS_DIR.length + 1)} | ${system} | ${total} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`,
  );
}
console.log('\n| compile fixtures/datasets/seed-004.json (check + render) | median ms | max ms | bytes |');
console.log('|---|---:|---:|---:|');
const dataset: unknown = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'fixtures/datasets/seed-004.json'), 'utf8'),
);
for (const format of OUTPUT_FORMATS) {
  if (format === 'pdf' && !pdfAvailable()) {
    console.log('| pdf | — | — | (no /usr/bin/chromium) |');
    continue;
  }
  const times: number[] = [];
  let size = 0;
  await app.compile(dataset, { formats: [format] });
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await app.compile(dataset, { formats: [format] });
    times.push(performance.now() - t);
    size = r.ok ? (r.files[0]?.bytes.length ?? 0) : 0;
  }
  console.log(`| ${format} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${size} |`);
}
await app.close();
console.log(
  `\nmedian over documents: ${median(medians).toFixed(1)} ms; max: ${Math.max(...medians).toFixed(1)} ms`,
);
console.log(
  `whole corpus in one batch (${files.length} files): ${batchMs.toFixed(0)} ms, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
);
