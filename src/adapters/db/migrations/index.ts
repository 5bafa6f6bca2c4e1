import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.ts';
import { checkContent } from './0002-check-content.ts';

/**
 * Every migration, in order, listed here rather than found by scanning a folder: the esbuild bundle has no
 * migrations folder. Names are permanent once released; add new ones at the end.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-check-content': checkContent,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
