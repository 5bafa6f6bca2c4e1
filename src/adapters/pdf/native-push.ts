/**
 * The engine's own Array.prototype.push, captured before pdfjs-dist's legacy build loads (see pdfjs.ts).
 * This module must stay free of imports so that it is evaluated first.
 */
export const nativePush = Array.prototype.push;
