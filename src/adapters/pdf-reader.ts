import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RawDocument, RawPage } from '#domain/raw-document.ts';
import { readContent, type FontLookup } from './pdf/content.ts';
import { toMatrix, type TextBox } from './pdf/geometry.ts';
import { FONT_IDENTITY_MATRIX } from './pdf/glyph-runs.ts';
import { findGrids } from './pdf/grid.ts';
import { layoutPage } from './pdf/layout.ts';
import {
  AnnotationMode,
  getDocument,
  VerbosityLevel,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from './pdf/pdfjs.ts';
import { ReadError } from './read-error.ts';

/** A RawDocument plus what only the PDF reader can tell. */
export interface PdfDocument extends RawDocument {
  /** Pages (1-based) without any text layer: scanned images or blank pages. */
  textlessPages: number[];
  /** True when no page has a text layer at all (a scan): the caller should say so rather than check. */
  textless: boolean;
}

export interface ReadPdfOptions {
  /** Larger files are refused with code 'too-large'. Default 200 MiB. */
  maxBytes?: number;
  /** Documents with more pages are refused with code 'too-large'. Default 2,000. */
  maxPages?: number;
  /** Parse every embedded font program, as pdfjs does by default (see PDFJS_OPTIONS). For tests. */
  parseAllFonts?: boolean;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const DEFAULT_MAX_PAGES = 2000;
/** The spec lets a PDF header sit after some leading junk; readers look within the first kilobyte. */
const HEADER_WINDOW = 1024;

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * pdfjs wants directory URLs with a trailing slash; on Node plain file paths are read with fs.
 *
 * `textOnlyFonts` is gongkai's patch to pdfjs (patches/pdfjs-dist+*.patch, applied by patch-package on
 * install): a font whose text mapping does not depend on its embedded program (it has a ToUnicode map, or
 * it is a non-symbolic simple font with an encoding) is not parsed, repaired and converted for rendering.
 * gongkai never draws glyphs, and that work was most of the reading time (a 4 MB embedded CJK font cost
 * ≈ 0.85 s per read). The pages' text, widths and positions are the same with and without it.
 */
const PDFJS_OPTIONS = {
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  wasmUrl: join(pdfjsRoot, 'wasm') + '/',
  disableFontFace: true,
  textOnlyFonts: true,
  isEvalSupported: false,
  useSystemFonts: false,
  verbosity: VerbosityLevel.ERRORS,
} as const;

/**
 * Reads a PDF into pages of positioned lines. Ruled tables come out as one line per grid row with one cell
 * per grid column (see RawLine.grid); other text as baseline-grouped lines whose cells split at wide gaps.
 *
 * Rejects with ReadError: 'empty', 'unsupported' (not a PDF), 'too-large', 'encrypted' (needs a password),
 * 'corrupt' (pdfjs cannot parse it). A scan without a text layer is not an error: its pages have no lines
 * and `textless` is set.
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (bytes.byteLength === 0) throw new ReadError('empty');
  if (bytes.byteLength > maxBytes) {
    throw new ReadError('too-large', `${mib(bytes.byteLength)} MiB, limit ${mib(maxBytes)} MiB`);
  }
  if (!hasPdfHeader(bytes)) throw new ReadError('unsupported', 'no %PDF- header');

  // pdfjs transfers (detaches) the buffer it is given and refuses Node Buffers: hand it a plain copy, so
  // the caller's bytes (possibly a Buffer sharing Node's pool) stay intact.
  const task = getDocument({
    ...PDFJS_OPTIONS,
    textOnlyFonts: options.parseAllFonts !== true,
    data: new Uint8Array(bytes),
  });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (err) {
      throw toReadError(err);
    }
    if (doc.numPages > maxPages) {
      throw new ReadError('too-large', `${doc.numPages} pages, limit ${maxPages}`);
    }
    const pages: RawPage[] = [];
    // One page at a time: pdfjs's in-thread worker gains nothing from overlapping requests (measured).
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
    const textlessPages = pages.filter((p) => p.lines.length === 0).map((p) => p.number);
    return {
      format: 'pdf',
      pages,
      textlessPages,
      textless: pages.length > 0 && textlessPages.length === pages.length,
    };
  } finally {
    await task.destroy();
  }
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<RawPage> {
  try {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const view = toMatrix(viewport.transform);
    if (!view) throw new Error(`page ${number}: unusable viewport transform`);
    // Text and rules both come from the operator list: each page's content is parsed once.
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    const { boxes, rulings } = readContent(ops, view, fontLookup(page));
    const { width, height } = viewport;
    const onPage = boxes.filter((b) => isOnPage(b, width, height));
    // A page without text needs no table structure.
    const grids = onPage.length > 0 ? findGrids(rulings) : [];
    page.cleanup();
    return { number, width, height, lines: layoutPage(number, onPage, grids) };
  } catch (err) {
    throw err instanceof ReadError ? err : toReadError(err, `page ${number}`);
  }
}

/** Fonts the operator list refers to are resolved in the page's shared objects by the time it arrives. */
function fontLookup(page: PDFPageProxy): FontLookup {
  return (name) => {
    if (!page.commonObjs.has(name)) return undefined;
    const font: unknown = page.commonObjs.get(name);
    if (typeof font !== 'object' || font === null) return undefined;
    const { fontMatrix, vertical } = font as { fontMatrix?: unknown; vertical?: unknown };
    return { fontMatrix: toMatrix(fontMatrix) ?? FONT_IDENTITY_MATRIX, vertical: vertical === true };
  };
}

/**
 * Like pdfjs's own text layer, text whose baseline starts off the page is dropped: WPS repeats the previous
 * page's overflow above the top edge and clips it away.
 */
function isOnPage(b: TextBox, width: number, height: number): boolean {
  return b.x1 >= 0 && b.x0 <= width && b.baseline >= 0 && b.baseline <= height;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEADER_WINDOW));
  return head.includes('%PDF-');
}

function toReadError(err: unknown, where?: string): ReadError {
  if (err instanceof ReadError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  const detail = where ? `${where}: ${message}` : message;
  if (name === 'PasswordException') return new ReadError('encrypted', detail, { cause: err });
  return new ReadError('corrupt', detail, { cause: err });
}

function mib(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
