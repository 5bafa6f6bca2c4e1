import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import {
  describeIssues,
  IndicatorSystemFileSchema,
  IndicatorSystemSchema,
  type IndicatorSystem,
  type IndicatorSystemFile,
} from '#score/system.schema.ts';
import { PROJECT_ROOT } from './paths.ts';

export const INDICATOR_SYSTEMS_DIR = join(PROJECT_ROOT, 'rulesets', 'indicator-systems');

export interface LoadedSystemFile extends IndicatorSystemFile {
  path: string;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

function parseYaml(path: string, text: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    throw new Error(`${relative(PROJECT_ROOT, path)}: not valid YAML: ${(e as Error).message}`, { cause: e });
  }
}

/** Ids must be unique across the folder: a report names the system it was scored with. */
function checkUnique<T extends { id: string }>(items: readonly (T & { path: string })[]): void {
  const seen = new Map<string, string>();
  for (const s of items) {
    const other = seen.get(s.id);
    if (other) throw new Error(`${s.path}: system id ${s.id} is also used by ${other}`);
    seen.set(s.id, s.path);
  }
}

/** Reads and validates every indicator system file with its test cases (for the test suite). */
export function loadIndicatorSystemFiles(dir = INDICATOR_SYSTEMS_DIR): LoadedSystemFile[] {
  const out = yamlFiles(dir).map((path) => {
    const rel = relative(PROJECT_ROOT, path);
    const parsed = IndicatorSystemFileSchema.safeParse(parseYaml(path, readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${rel}: ${describeIssues(parsed.error).join('; ')}`);
    return { ...parsed.data, path: rel };
  });
  checkUnique(out);
  return out;
}

/**
 * The indicator systems, for scoring reports. The test cases after `cases:` are left unread: they are for
 * the test suite (loadIndicatorSystemFiles).
 */
export function loadIndicatorSystems(dir = INDICATOR_SYSTEMS_DIR): IndicatorSystem[] {
  const out = yamlFiles(dir).map((path) => {
    const rel = relative(PROJECT_ROOT, path);
    const text = readFileSync(path, 'utf8');
    const cut = text.search(/^cases:/m);
    const parsed = IndicatorSystemSchema.safeParse(parseYaml(path, cut >= 0 ? text.slice(0, cut) : text));
    if (!parsed.success) throw new Error(`${rel}: ${describeIssues(parsed.error).join('; ')}`);
    return { ...parsed.data, path: rel };
  });
  checkUnique(out);
  return out.map(({ path: _path, ...system }) => system);
}
