import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, for locating shipped data (rulesets, demo documents). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
