import type { Finding } from '#domain/finding.ts';

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

export function goldenFindings(findings: readonly Finding[]): GoldenFinding[] {
  return findings.map((f) => ({
    key: findingKey(f),
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
