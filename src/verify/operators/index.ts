import type { Operator } from '../operator.ts';
import { cellOperators } from './cells.ts';
import { codeOperators } from './codes.ts';
import { completenessOperators } from './completeness.ts';
import { crossOperators } from './cross.ts';
import { hygieneOperators } from './hygiene.ts';
import { narrativeOperators } from './narrative.ts';
import { weightedOperators } from './narrative-weighted.ts';
import { tableOperators } from './tables.ts';

/** The operator table: every `op` a ruleset may name. */
export const OPERATORS: Readonly<Record<string, Operator>> = {
  ...tableOperators,
  ...cellOperators,
  ...crossOperators,
  ...completenessOperators,
  ...codeOperators,
  ...hygieneOperators,
  ...narrativeOperators,
  ...weightedOperators,
};
