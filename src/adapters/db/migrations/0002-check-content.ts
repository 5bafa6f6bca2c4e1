import { sql, type Migration } from 'kysely';

/**
 * What a check extracted (tables, claims, a self-evaluation's content) as the API presents it, kept with the
 * check so a document page never reads and extracts the file again.
 */
export const checkContent: Migration = {
  up: async (db) => {
    await sql`alter table checks add column content jsonb`.execute(db);
  },
  down: async (db) => {
    await sql`alter table checks drop column content`.execute(db);
  },
};
