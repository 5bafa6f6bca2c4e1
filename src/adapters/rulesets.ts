import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { CodeEntry, CodeTables } from '#verify/context.ts';
import { validateRule } from '#verify/evaluate.ts';
import { RulesetFileSchema, type Rule, type RulesetFile } from '#verify/rule.schema.ts';
import { PROJECT_ROOT } from './paths.ts';

export const RULESETS_DIR = join(PROJECT_ROOT, 'rulesets');

export interface LoadedRuleFile extends RulesetFile {
  path: string;
}

/** Reads and validates every YAML file of a check set (rulesets/checks/<set>/*.yaml). */
export function loadRuleFiles(set: string, dir = join(RULESETS_DIR, 'checks', set)): LoadedRuleFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const out: LoadedRuleFile[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const path = join(dir, f);
    const parsed = RulesetFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
    const rel = relative(PROJECT_ROOT, path);
    if (!parsed.success) {
      throw new Error(
        `${rel}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    for (const rule of parsed.data.rules) {
      if (seen.has(rule.id)) throw new Error(`${rel}: duplicate rule id ${rule.id}`);
      seen.add(rule.id);
      const problems = validateRule(rule);
      if (problems.length) throw new Error(`${rel}: ${problems.join('; ')}`);
    }
    out.push({ ...parsed.data, path: rel });
  }
  return out;
}

const RuleListSchema = RulesetFileSchema.pick({ rules: true });

/**
 * The rules of a check set, for checking documents. The test cases that follow `cases:` in each file are
 * for the test suite (loadRuleFiles); skipping them here halves start-up time.
 */
export function loadRules(set: string, dir = join(RULESETS_DIR, 'checks', set)): Rule[] {
  const rules: Rule[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const cut = text.search(/^cases:/m);
    const parsed = RuleListSchema.safeParse(parse(cut >= 0 ? text.slice(0, cut) : text));
    if (!parsed.success) throw new Error(`${join(relative(PROJECT_ROOT, dir), f)}: ${parsed.error.message}`);
    for (const rule of parsed.data.rules) {
      const problems = validateRule(rule);
      if (problems.length) throw new Error(`${f}: ${problems.join('; ')}`);
      rules.push(rule);
    }
  }
  return rules;
}

function readCsv(path: string): Map<string, CodeEntry> {
  const map = new Map<string, CodeEntry>();
  const [, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  for (const row of rows) {
    const [code = '', name = '', level = ''] = row.split(',');
    if (code) map.set(code, { code, name, level: Number(level) });
  }
  return map;
}

/** The classification code tables the project ships (rulesets/reference). */
export function loadCodeTables(): CodeTables {
  const dir = join(RULESETS_DIR, 'reference');
  return {
    functional: readCsv(join(dir, 'functional-classification.csv')),
    economic: readCsv(join(dir, 'economic-classification-dept.csv')),
  };
}
