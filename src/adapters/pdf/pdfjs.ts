/**
 * The one place that loads pdfjs-dist, so the quirks of running it in Node are handled once.
 *
 * - The worker module is loaded up front: pdfjs then runs its "fake worker" in this thread from the
 *   already-loaded module (it sets globalThis.pdfjsWorker) instead of importing it on first use.
 * - The legacy build bundles core-js, which on Node 20 replaces Array.prototype.push with a JavaScript
 *   polyfill (it wants a TypeError when pushing onto an array whose length is frozen, an edge V8 handles
 *   differently). Every push in the process then runs through it: on the corpus PDFs, read alternately
 *   in one process, reading took 20-40 % longer with the polyfill. The engine's push is put back once both
 *   modules have run; pdfjs does not depend on that edge case.
 */
// Must stay the first import: it captures push before pdfjs-dist runs.
import { nativePush } from './native-push.ts';
import {
  AnnotationMode,
  getDocument as pdfjsGetDocument,
  OPS,
  VerbosityLevel,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

if (Array.prototype.push !== nativePush) {
  Object.defineProperty(Array.prototype, 'push', {
    value: nativePush,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

type DocumentInitParameters = Extract<Parameters<typeof pdfjsGetDocument>[0], { data?: unknown }>;

/** getDocument's parameters plus the option gongkai's pdfjs patch adds (see pdf-reader.ts). */
export interface DocumentParameters extends DocumentInitParameters {
  textOnlyFonts?: boolean;
}

export function getDocument(params: DocumentParameters): ReturnType<typeof pdfjsGetDocument> {
  return pdfjsGetDocument(params);
}

export { AnnotationMode, OPS, VerbosityLevel };
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
