// Vitest global setup: rebuild the CLI bundle so tests that run bin/gongkai exercise the current sources.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
