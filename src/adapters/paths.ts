import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `from` that holds package.json: the same from src/ and from the dist/ bundle. */
function projectRoot(from: string): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** The project root, for locating shipped data (rulesets, demo documents). */
export const PROJECT_ROOT = projectRoot(import.meta.url);
