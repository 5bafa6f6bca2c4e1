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
