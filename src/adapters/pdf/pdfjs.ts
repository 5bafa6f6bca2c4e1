/**
 * The one place that loads pdfjs-dist, so the quirks of running it in Node are handled once.
 *
 * - The worker module is loaded up front: pdfjs then runs its "fake worker" in this thread from the
 *   already-loaded module (it sets globalThis.pdfjsWorker) instead of importing it on first use.
 * - The legacy build bundles core-js, which on Node 20 replaces Array.prototype.push with a JavaScript
 *   polyfill (it wants a TypeError for pushing onto a frozen-length array, an edge V8 handles differently).
 *   Every push in the process then runs through that polyfill; measured on the final-accounts PDFs it cost
 *   a fifth of the reading time. The engine's push is put back once both modules have run; nothing here
 *   pushes onto frozen-length arrays.
 */
import { nativePush } from './native-push.ts';
import { AnnotationMode, getDocument, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

if (Array.prototype.push !== nativePush) {
  Object.defineProperty(Array.prototype, 'push', {
    value: nativePush,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

export { AnnotationMode, getDocument, OPS, VerbosityLevel };
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
