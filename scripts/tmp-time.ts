// @ts-nocheck
import { readFileSync } from 'node:fs';
import { readPdf } from '#adapters/pdf-reader.ts';
const files = process.argv.slice(2);
const res: Record<string, number[][]> = {};
for (let round = 0; round < 6; round++) for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const doc = await readPdf(bytes);
  const c = process.cpuUsage(c0);
  if (round > 0) (res[`${f.split('/').pop()} ${doc.pages.length}p`] ??= []).push([performance.now() - t0, (c.user + c.system) / 1000]);
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(40), 'wall min/median', Math.round(Math.min(...v.map((x) => x[0]))), Math.round(v.map((x) => x[0]).sort((a, b) => a - b)[2]!), 'cpu min', Math.round(Math.min(...v.map((x) => x[1]))));
