import type { Operator } from '../operator.ts';
import { tableOperators } from './tables.ts';

/** The operator table: every `op` a ruleset may name. */
export const OPERATORS: Readonly<Record<string, Operator>> = {
  ...tableOperators,
};
