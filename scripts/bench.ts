/**
 * `npm run bench`: time per document over the corpus (median and max of several runs, in process) and
 * the peak RSS of checking the whole corpus in one batch. Prints a table for BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { createApp } from '#src/compose.ts';
import { CORPUS_DIR } from '#src/testing/corpus.ts';

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
peak = Math.max(peak, process.memoryUsage().rss);

console.log(
  `gongkai bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(`runs per document: ${RUNS} (after one warm-up)\n`);
console.log('| document | pages | tables | claims | median ms | max ms |');
console.log('|---|---:|---:|---:|---:|---:|');
const medians: number[] = [];
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
  const info = r?.ok ? [r.pageCount, r.tables.length, r.claims.length] : ['-', '-', '-'];
  const med = median(times);
  medians.push(med);
  console.log(
    `| ${path.slice(CORPUS_DIR.length + 1)} | ${info.join(' | ')} | ${med.toFixed(1)} | ${Math.max(...times).toFixed(1)} |`,
  );
}
clearInterval(sample);
console.log(
  `\nmedian over documents: ${median(medians).toFixed(1)} ms; max: ${Math.max(...medians).toFixed(1)} ms`,
);
console.log(
  `whole corpus in one batch (${files.length} files): ${batchMs.toFixed(0)} ms, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
);
