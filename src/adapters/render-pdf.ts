import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * HTML → PDF through the system's Chromium (Debian package `chromium`, with `fonts-noto-cjk` for the Chinese
 * text), driven by playwright-core. gongkai never downloads a browser: without /usr/bin/chromium (or
 * GONGKAI_CHROMIUM) PDF output is refused with a message saying what to install.
 */

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export class PdfUnavailableError extends Error {
  constructor(path: string) {
    super(
      `PDF 输出需要系统 Chromium（${path} 不存在）：apt-get install chromium fonts-noto-cjk · ` +
        `PDF output needs the system Chromium (${path} not found): apt-get install chromium fonts-noto-cjk`,
    );
    this.name = 'PdfUnavailableError';
  }
}

export function chromiumPath(): string {
  return process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
}

export function pdfAvailable(): boolean {
  return existsSync(chromiumPath());
}

/** One browser per process, started on first use; `closePdfRenderer` ends it. */
let browser: Promise<Browser> | undefined;

function launch(): Promise<Browser> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new PdfUnavailableError(path);
  // playwright-core loads with the first PDF, not with every command.
  browser ??= import('playwright-core').then(({ chromium }) =>
    chromium.launch({ executablePath: path, args: [...CHROMIUM_FLAGS] }),
  );
  return browser;
}

export async function closePdfRenderer(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b).close();
}

/**
 * Prints a self-contained HTML document to PDF with its own @page sizes (A4, landscape pages where the
 * HTML asks for them). The page loads nothing from the network: every request is refused.
 */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const b = await launch();
  const context = await b.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}
