export { extractTables } from './extract-tables.ts';
export type { TableExtraction, TableProblem } from './types.ts';
export { FINAL_ACCOUNTS_TEMPLATE, templateOf } from '#domain/final-accounts-template.ts';
export type {
  TableTemplate,
  TemplateColumn,
  TemplatePanel,
  TemplateRow,
} from '#domain/final-accounts-template.ts';
