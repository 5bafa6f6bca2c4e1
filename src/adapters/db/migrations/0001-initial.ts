import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The workspace schema. Figures stay text (as printed, never float); evidence and audit snapshots are jsonb.
 * Stored files, reviews and the audit log are append-only: triggers reject UPDATE, DELETE and TRUNCATE, so
 * no code path (ours or an operator's stray statement) can rewrite history.
 */
const UP: string[] = [
  `create function gongkai_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'table % is append-only (% rejected)', tg_table_name, tg_op using errcode = 'P0001';
   end $$`,

  `create table organisations (
     id integer generated always as identity primary key,
     jurisdiction text not null,
     name text not null,
     unique (jurisdiction, name)
   )`,

  `create table stored_files (
     hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
     bytes bytea not null,
     size integer not null check (size >= 0),
     stored_at timestamptz not null default now()
   )`,

  `create table documents (
     id integer generated always as identity primary key,
     content_hash text not null unique references stored_files (hash),
     file_name text not null,
     format text,
     size integer not null check (size >= 0),
     kind text,
     organisation_id integer references organisations (id),
     fiscal_year integer check (fiscal_year between 1949 and 2200),
     uploaded_at timestamptz not null default now(),
     status text not null default 'received'
       check (status in ('received', 'checking', 'checked', 'failed')),
     supersedes integer unique references documents (id),
     lineage_id integer not null references documents (id)
   )`,
  // The first version of a document is its own lineage; later versions inherit it.
  `create function gongkai_document_lineage() returns trigger language plpgsql as $$
   begin
     if new.lineage_id is null then
       new.lineage_id := coalesce((select lineage_id from documents where id = new.supersedes), new.id);
     end if;
     return new;
   end $$`,
  `create trigger documents_lineage before insert on documents
     for each row execute function gongkai_document_lineage()`,
  `create index documents_listing on documents (organisation_id, fiscal_year, kind, status)`,
  `create index documents_status on documents (status, uploaded_at)`,
  `create index documents_lineage_idx on documents (lineage_id)`,

  `create table checks (
     id integer generated always as identity primary key,
     document_id integer not null references documents (id),
     rule_set_version text not null,
     created_at timestamptz not null default now(),
     rules_run integer not null,
     rules_passed integer not null,
     rules_failed integer not null,
     rules_not_applicable integer not null,
     errors integer not null,
     warnings integer not null,
     infos integer not null,
     not_applicable jsonb not null default '[]'
   )`,
  `create index checks_document on checks (document_id, created_at desc)`,

  `create table findings (
     id integer generated always as identity primary key,
     check_id integer not null references checks (id),
     position integer not null,
     finding_key text not null,
     rule_id text not null,
     severity text not null check (severity in ('error', 'warning', 'info')),
     category text not null,
     message_zh text not null,
     message_en text not null,
     expected text,
     reported text,
     evidence jsonb not null,
     unique (check_id, position)
   )`,
  `create index findings_key on findings (finding_key)`,
  `create index findings_rule on findings (rule_id)`,

  `create table reviews (
     id integer generated always as identity primary key,
     lineage_id integer not null references documents (id),
     finding_key text not null,
     document_id integer not null references documents (id),
     decision text not null check (decision in ('confirm', 'dismiss', 'rectify')),
     reason text,
     comment text,
     actor text not null,
     at timestamptz not null default now(),
     check (decision <> 'dismiss' or coalesce(reason, '') <> '')
   )`,
  `create index reviews_finding on reviews (lineage_id, finding_key, at)`,

  `create table jobs (
     id integer generated always as identity primary key,
     document_id integer not null references documents (id),
     state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
     attempts integer not null default 0,
     error text,
     created_at timestamptz not null default now(),
     started_at timestamptz,
     finished_at timestamptz
   )`,
  `create index jobs_queued on jobs (id) where state = 'queued'`,
  `create index jobs_document on jobs (document_id)`,

  `create table ledger_expected (
     organisation_id integer not null references organisations (id),
     fiscal_year integer not null check (fiscal_year between 1949 and 2200),
     kind text not null,
     primary key (organisation_id, fiscal_year, kind)
   )`,

  `create table audit_log (
     id integer generated always as identity primary key,
     actor text not null,
     action text not null,
     entity text not null,
     entity_id text not null,
     before jsonb,
     after jsonb,
     at timestamptz not null default now()
   )`,
  `create index audit_entity on audit_log (entity, entity_id, id)`,

  ...['stored_files', 'reviews', 'audit_log'].flatMap((t) => [
    `create trigger ${t}_append_only before update or delete on ${t}
       for each row execute function gongkai_append_only()`,
    `create trigger ${t}_no_truncate before truncate on ${t}
       for each statement execute function gongkai_append_only()`,
  ]),
];

const DOWN: string[] = [
  'drop table audit_log, ledger_expected, jobs, reviews, findings, checks, documents, stored_files, organisations',
  'drop function gongkai_document_lineage()',
  'drop function gongkai_append_only()',
];

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  // One statement per query: PGlite's extended protocol takes one at a time.
  for (const s of statements) await sql.raw(s).execute(db);
}

export const initial: Migration = {
  up: (db) => run(db, UP),
  down: (db) => run(db, DOWN),
};
