import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckInput } from '#app/check-documents.ts';

const CHECKABLE = /\.(pdf|docx|txt|md|markdown)$/i;

/** Files named on the command line, folders expanded recursively to the files gongkai can read. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (p: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as unreadable by readInputs
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name), false);
    } else if (explicit || CHECKABLE.test(p)) {
      out.push(p);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

export type InputOrError = CheckInput | { path: string; missing: string };

export function readInput(path: string): InputOrError {
  try {
    return { path, bytes: readFileSync(path) };
  } catch (e) {
    return { path, missing: e instanceof Error ? e.message : String(e) };
  }
}
