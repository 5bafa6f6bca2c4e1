import type { Operator } from '../operator.ts';
import { cellOperators } from './cells.ts';
import { codeOperators } from './codes.ts';
import { completenessOperators } from './completeness.ts';
import { crossOperators } from './cross.ts';
import { hygieneOperators } from './hygiene.ts';
import { narrativeOperators } from './narrative.ts';
import { selfEvalAccountsOperators } from './self-eval-accounts.ts';
import { selfEvalBudgetOperators } from './self-eval-budget.ts';
import { selfEvalIndicatorOperators } from './self-eval-indicators.ts';
import { selfEvalScoreOperators } from './self-eval-scores.ts';
import { selfEvalTextOperators } from './self-eval-text.ts';
import { selfEvalTreeOperators } from './self-eval-tree.ts';
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
  ...selfEvalBudgetOperators,
  ...selfEvalScoreOperators,
  ...selfEvalIndicatorOperators,
  ...selfEvalTextOperators,
  ...selfEvalAccountsOperators,
  ...selfEvalTreeOperators,
};
