import type { RawDocument } from '#domain/raw-document.ts';
import type { CodeTables } from '#verify/context.ts';
import type { Rule } from '#verify/rule.schema.ts';
import type { IndicatorSystem } from '#score/system.schema.ts';

/** Turns a file's bytes into pages of positioned lines; throws a `ReadFailure`-shaped error when it cannot. */
export interface DocumentReader {
  read(bytes: Uint8Array, name: string): Promise<RawDocument>;
}

/** Why a file could not be read, for the per-file error of a batch. */
export type ReadFailureCode = 'encrypted' | 'corrupt' | 'empty' | 'unsupported' | 'too-large' | 'no-text';

export interface ReadFailure {
  code: ReadFailureCode;
  messageZh: string;
  messageEn: string;
}

export interface RuleSource {
  rules(set: string): Rule[];
  codes(): CodeTables;
}

/** The indicator systems scores are checked against (rulesets/indicator-systems). */
export interface IndicatorSystemSource {
  systems(): IndicatorSystem[];
}
