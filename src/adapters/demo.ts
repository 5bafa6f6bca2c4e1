import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

/** A fictitious 部门决算 shipped with the project for `npm start`. */
export const DEMO_DOCUMENT = join(PROJECT_ROOT, 'demo', 'demo-final-accounts.txt');
