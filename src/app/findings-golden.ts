import type { Finding } from '#domain/finding.ts';
import { SELFEVAL_GOLDEN_CASES } from '#extract/self-evaluation/golden.ts';
import { GOLDEN_CASES } from '#extract/tables/golden.ts';

/**
 * Documents whose findings are golden: the 决算 cases and the self-evaluation seeds. They are checked as one
 * batch, as a reviewer would drop a folder, so documents of one department pair up (a 2023 self-evaluation
 * with the 2024 决算 that states its 上年 figures).
 */
export const FINDINGS_CASES: readonly { name: string; file: string }[] = [
  ...GOLDEN_CASES,
  ...SELFEVAL_GOLDEN_CASES,
];

/**
 * The golden form of a document's findings: rule, severity and where, with expected and reported values,
 * one per line in report order. Reviewed verdicts live beside it in findings.review.yaml.
 */
export interface GoldenFinding {
  key: string;
  ruleId: string;
  severity: Finding['severity'];
  category: Finding['category'];
  expected?: string;
  reported?: string;
}

/** A stable address for a finding: rule and the first piece of evidence (page, line, cell or claim). */
export function findingKey(f: Finding): string {
  const e = f.evidence[0];
  if (!e) return `${f.ruleId}@-`;
  const cell = e.table ? `:${e.table}[${e.row ?? ''}].c${e.column ?? ''}` : '';
  return `${f.ruleId}@p${e.page}:l${e.line}${cell}`;
}

/**
 * Findings in report order with their keys; where one rule reports several things at one place (three
 * figures of one sentence restated differently), the key carries the reported value to tell them apart.
 */
export function goldenFindings(findings: readonly Finding[]): GoldenFinding[] {
  const reported = new Map<string, Set<string | undefined>>();
  const counts = new Map<string, number>();
  for (const f of findings) {
    const k = findingKey(f);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    reported.set(k, (reported.get(k) ?? new Set()).add(f.reported));
  }
  // Only where the reported values tell the findings apart; identical notes keep one shared key.
  const key = (f: Finding): string => {
    const k = findingKey(f);
    const distinct = (reported.get(k)?.size ?? 0) === counts.get(k);
    return (counts.get(k) ?? 0) > 1 && distinct && f.reported !== undefined ? `${k}=${f.reported}` : k;
  };
  return findings.map((f) => ({
    key: key(f),
    ruleId: f.ruleId,
    severity: f.severity,
    category: f.category,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.reported !== undefined ? { reported: f.reported } : {}),
  }));
}

export function formatFindingsGolden(findings: readonly Finding[]): string {
  const rows = goldenFindings(findings).map((g) => '    ' + JSON.stringify(g));
  return `{\n  "findings": [\n${rows.join(',\n')}\n  ]\n}\n`;
}

/** Verdicts a reviewer may give; anything that is a false alarm must be fixed in the rules instead. */
export const VERDICTS = ['real', 'injected', 'wording'] as const;
export type Verdict = (typeof VERDICTS)[number];
