import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import { PGliteDialect } from './dialect-pglite.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export interface DatabaseOptions {
  /** A PostgreSQL connection string (DATABASE_URL); without it, embedded PGlite. */
  url?: string;
  /** PGlite's data folder (default `./data/db`); `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** PostgreSQL only: the schema to work in (search_path), created if missing. Tests use a fresh one. */
  schema?: string;
  /** PGlite only: start from a dumped data folder (`dumpDataDir`), much faster than initdb. */
  loadDataDir?: Blob;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export interface Db {
  kysely: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  /** Applies pending migrations; a no-op when there are none. */
  migrate(): Promise<MigrationResultSet>;
  close(): Promise<void>;
}

/** Opens the workspace database, PostgreSQL when a URL is given, else PGlite, and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Db> {
  const db = options.url ? await openPostgres(options.url, options.schema) : await openPGlite(options);
  if (options.migrate ?? true) {
    try {
      await db.migrate();
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}

async function openPostgres(url: string, schema: string | undefined): Promise<Db> {
  // pg is CommonJS; loaded lazily so the embedded path never pays for it.
  const { default: pg } = await import('pg');
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) await pool.query(`create schema if not exists ${schema}`);
  return wrap(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
    schema ?? 'public',
  );
}

async function openPGlite(options: DatabaseOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = options.dataDir ?? './data/db';
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(
    dataDir,
    options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
  );
  return wrap(new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), 'pglite', 'public');
}

/**
 * `schema` names where Kysely keeps its migration tables: without it the Migrator looks for them in every
 * schema, and another schema's copy (a second workspace or a test run on one server) would be taken for ours.
 */
function wrap(kysely: Kysely<Database>, engine: Db['engine'], schema: string): Db {
  return {
    kysely,
    engine,
    async migrate() {
      const result = await new Migrator({
        db: kysely,
        provider: migrationProvider,
        migrationTableSchema: schema,
      }).migrateToLatest();
      if (result.error)
        throw result.error instanceof Error
          ? result.error
          : new Error('migration failed', { cause: result.error });
      return result;
    },
    close: () => kysely.destroy(),
  };
}
