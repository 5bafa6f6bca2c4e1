// Bundles the CLI and the benchmark into dist/ with esbuild, so they run on plain Node: under tsx every
// dependency, pdf.js included, is transformed on load (≈ 350 MB more RSS and slower stack traces).
// Packages stay external and load natively; the PDF and DOCX readers stay lazy chunks.
import { build } from 'esbuild';

await build({
  entryPoints: {
    gongkai: 'src/cli/main.ts',
    bench: 'scripts/bench.ts',
    'bench-http': 'scripts/bench-http.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
