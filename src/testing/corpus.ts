import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT as PROJECT_ROOT_DIR } from '#adapters/paths.ts';
import { fileReader } from '#adapters/reader.ts';
import type { RawDocument } from '#domain/raw-document.ts';

const root = PROJECT_ROOT_DIR;

/** The shared corpus folder: GONGKAI_CORPUS, or ../shared/corpus beside the project. */
export const CORPUS_DIR = process.env.GONGKAI_CORPUS ?? resolve(root, '../shared/corpus');

/**
 * Whether corpus-backed tests can run. A user's clone may lack the corpus (tests are then skipped with a
 * message); in CI its absence is an error, never a skip.
 */
export function corpusAvailable(): boolean {
  if (existsSync(CORPUS_DIR)) return true;
  if (process.env.CI) throw new Error(`corpus not found at ${CORPUS_DIR}: CI must have ../shared/corpus`);
  console.warn(`corpus not found at ${CORPUS_DIR}: corpus tests skipped`);
  return false;
}

export function corpusFile(rel: string): string {
  return resolve(CORPUS_DIR, rel);
}

export const PROJECT_ROOT = root;

/** Reads a corpus document the way `gongkai check` does (format sniffed from the bytes). */
export async function readCorpus(rel: string): Promise<RawDocument> {
  return fileReader.read(readFileSync(corpusFile(rel)), rel);
}
