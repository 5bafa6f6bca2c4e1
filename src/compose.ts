// Captures the engine's Array.prototype.push before any chunk loads pdf.js (see adapters/pdf/pdfjs.ts).
import '#adapters/pdf/native-push.ts';
import {
  checkDocuments,
  type CheckInput,
  type CheckOptions,
  type DocumentResult,
} from '#app/check-documents.ts';
import type { IndicatorSystemSource, RuleSource } from '#app/ports.ts';
import type { ScoreItem } from '#app/present-score.ts';
import { scoreDocuments, type ScoreRunOptions } from '#app/score-documents.ts';
import { loadIndicatorSystems } from '#adapters/indicator-systems.ts';
import {
  compileDataset,
  datasetFromPublished,
  type CompileOptions,
  type CompileResult,
  type Renderers,
} from '#app/compile-documents.ts';
import type { importWorkbook as ImportWorkbook } from '#adapters/excel-import.ts';
import type { templateWorkbook as TemplateWorkbook } from '#adapters/excel-template.ts';
import type { IndicatorSystem } from '#score/system.schema.ts';
import { fileReader } from '#adapters/reader.ts';
import { loadCodeTables, loadRules } from '#adapters/rulesets.ts';
import type { CodeTables } from '#verify/context.ts';
import { createWorkspace, type Workspace } from '#app/workspace.ts';
import { startWorker } from '#app/worker.ts';
import { PROJECT_ROOT } from '#adapters/paths.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
import type { Rule } from '#verify/rule.schema.ts';

/** The one place that wires adapters into the use cases. */
function ruleSource(): RuleSource {
  const cache = new Map<string, Rule[]>();
  let codes: CodeTables | undefined;
  return {
    rules(set) {
      let rules = cache.get(set);
      if (!rules) cache.set(set, (rules = loadRules(set)));
      return rules;
    },
    codes() {
      return (codes ??= loadCodeTables());
    },
  };
}

/**
 * The office and PDF writers load on first use: `check` and `score` never pay for docx, exceljs or
 * playwright-core (start-up time and memory).
 */
let pdfLoaded = false;
const renderers: Renderers = {
  docx: async (doc) => (await import('#adapters/render-docx.ts')).renderDocx(doc),
  xlsx: async (doc) => (await import('#adapters/render-xlsx.ts')).renderXlsx(doc),
  pdf: async (html) => {
    pdfLoaded = true;
    return (await import('#adapters/render-pdf.ts')).renderPdf(html);
  },
};

function systemSource(): IndicatorSystemSource {
  let systems: IndicatorSystem[] | undefined;
  return { systems: () => (systems ??= loadIndicatorSystems()) };
}

export function createApp() {
  const rules = ruleSource();
  const systems = systemSource();
  const deps = { reader: fileReader, rules, systems };
  return {
    check: (inputs: CheckInput[], options?: CheckOptions): Promise<DocumentResult[]> =>
      checkDocuments(inputs, deps, options),
    score: (inputs: CheckInput[], options?: ScoreRunOptions): Promise<ScoreItem[]> =>
      scoreDocuments(inputs, deps, options),
    /** Ids of the indicator systems scores can be computed on. */
    systemIds: (): string[] => systems.systems().map((s) => s.id),
    compile: (dataset: unknown, options: CompileOptions): Promise<CompileResult> =>
      compileDataset(dataset, { ...deps, renderers }, options),
    importWorkbook: async (...args: Parameters<typeof ImportWorkbook>) =>
      (await import('#adapters/excel-import.ts')).importWorkbook(...args),
    templateWorkbook: async (...args: Parameters<typeof TemplateWorkbook>) =>
      (await import('#adapters/excel-template.ts')).templateWorkbook(...args),
    /** A dataset from a published 部门决算 (to regenerate it, or to seed next year's). */
    datasetFrom: (input: CheckInput) => datasetFromPublished(input, deps),
    /** Ends the browser PDF output started, if any. */
    close: async (): Promise<void> => {
      if (pdfLoaded) await (await import('#adapters/render-pdf.ts')).closePdfRenderer();
    },
  };
}

export interface WorkspaceConfig {
  /** PostgreSQL connection string; without it, embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data folder (`memory://` in tests). */
  dataDir?: string;
  /** PGlite only: start from a dumped data folder (tests). */
  loadDataDir?: Blob;
  /** PostgreSQL only: the schema to work in (tests use a fresh one). */
  databaseSchema?: string;
  jurisdiction?: string;
}

/** The workspace's use cases over a database (opened and migrated here). */
export async function openWorkspace(config: WorkspaceConfig = {}): Promise<Workspace> {
  const { openDatabase } = await import('#adapters/db/database.ts');
  const { databaseStore } = await import('#adapters/workspace-store.ts');
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
  const deps = { reader: fileReader, rules: ruleSource(), systems: systemSource() };
  return createWorkspace(databaseStore(db), deps, {
    ruleSetVersion: `gongkai-${PACKAGE_VERSION}`,
    ...(config.jurisdiction !== undefined ? { jurisdiction: config.jurisdiction } : {}),
  });
}

export interface ServeConfig extends WorkspaceConfig {
  port: number;
  host?: string;
  workerIntervalMs?: number;
  logger?: boolean;
}

/** Opens the workspace, starts its job worker and HTTP server; `close` stops all three in order. */
export async function serveWorkspace(
  config: ServeConfig,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { buildServer } = await import('#adapters/http/server.ts');
  const workspace = await openWorkspace(config);
  const worker = await startWorker(workspace, {
    intervalMs: config.workerIntervalMs ?? 1000,
    onError: (e) => console.error(e),
  });
  const server = await buildServer({
    workspace,
    logger: config.logger ?? false,
    onUpload: () => worker.wake(),
  });
  try {
    const url = await server.listen({ port: config.port, host: config.host ?? '127.0.0.1' });
    return {
      url,
      close: async () => {
        await server.close();
        await worker.stop();
        await workspace.close();
      },
    };
  } catch (e) {
    await worker.stop();
    await workspace.close();
    throw e;
  }
}
