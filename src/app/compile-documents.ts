import type { Finding } from '#domain/finding.ts';
import { assemble } from '#compile/assemble.ts';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import type { CompiledDocument } from '#compile/model.ts';
import { narrativeBlocks } from '#compile/narrative.ts';
import { renderHtml } from '#compile/render-html.ts';
import { renderText } from '#compile/render-text.ts';
import { datasetFromDocument } from '#compile/from-document.ts';
import { checkDocuments, isFailure, load, type CheckDeps, type CheckInput } from './check-documents.ts';

export const OUTPUT_FORMATS = ['docx', 'pdf', 'xlsx', 'html', 'txt'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The renderers that need libraries or a browser (adapters). */
export interface Renderers {
  docx(doc: CompiledDocument): Promise<Uint8Array>;
  xlsx(doc: CompiledDocument): Promise<Uint8Array>;
  pdf(html: string): Promise<Uint8Array>;
}

export interface CompileDeps extends CheckDeps {
  renderers: Renderers;
}

export interface CompiledFile {
  format: OutputFormat;
  /** "{org}{year}年度部门决算.pdf". */
  name: string;
  bytes: Uint8Array;
}

export type CompileResult =
  | { ok: true; files: CompiledFile[]; findings: Finding[]; unchecked: boolean }
  /** Refused: the dataset fails its own checks (or its schema); nothing was written. */
  | { ok: false; findings: Finding[]; problems: string[] };

export interface CompileOptions {
  formats: readonly OutputFormat[];
  /** Generate even with error-level findings; every output is stamped as unchecked. */
  force?: boolean;
}

/**
 * Writes a 部门决算公开 from a dataset. The document is first composed and checked exactly as a published
 * one would be (its text form through gongkai's own reader, extractor and rules); an error-level finding
 * refuses the compilation unless forced, and then every output says it was not checked.
 */
export async function compileDataset(
  input: unknown,
  deps: CompileDeps,
  options: CompileOptions,
): Promise<CompileResult> {
  const parsed = DatasetSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      findings: [],
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(dataset)'}: ${i.message}`),
    };
  }
  const dataset = parsed.data;
  const narrative = narrativeBlocks(dataset);
  const checked = assemble(dataset, narrative, { unchecked: false });
  const findings = await checkCompiled(checked, dataset, deps);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !options.force) return { ok: false, findings: errors, problems: [] };
  const doc = errors.length > 0 ? assemble(dataset, narrative, { unchecked: true }) : checked;
  const base = `${dataset.org}${dataset.year}年度部门决算`;
  const files: CompiledFile[] = [];
  for (const format of options.formats) {
    files.push({ format, name: `${base}.${format}`, bytes: await render(doc, format, deps.renderers) });
  }
  return { ok: true, files, findings, unchecked: doc.unchecked };
}

/** The findings gongkai reports on the compiled document, read back from its text form. */
export async function checkCompiled(
  doc: CompiledDocument,
  dataset: Dataset,
  deps: CheckDeps,
): Promise<Finding[]> {
  const text = new TextEncoder().encode(renderText(doc));
  const [result] = await checkDocuments([{ path: `${dataset.org}${dataset.year}.txt`, bytes: text }], deps);
  if (!result?.ok)
    throw new Error(`the compiled document could not be read back: ${result?.error.message.en}`);
  return result.findings;
}

async function render(doc: CompiledDocument, format: OutputFormat, r: Renderers): Promise<Uint8Array> {
  switch (format) {
    case 'txt':
      return new TextEncoder().encode(renderText(doc));
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'pdf':
      return r.pdf(renderHtml(doc));
    case 'docx':
      return r.docx(doc);
    case 'xlsx':
      return r.xlsx(doc);
  }
}

/**
 * A dataset from a published 部门决算 read by gongkai (to regenerate it, or to seed next year's). Throws a
 * DatasetImportError listing what the document lacks, or the reader's error for an unreadable file.
 */
export async function datasetFromPublished(
  input: CheckInput,
  deps: Pick<CheckDeps, 'reader'>,
): Promise<Dataset> {
  const doc = await load(input, deps);
  if (isFailure(doc)) throw new Error(`${doc.path}: ${doc.error.message.zh} · ${doc.error.message.en}`);
  return datasetFromDocument(doc);
}
