export { extractSelfEvaluation } from './extract-self-evaluation.ts';
export {
  formatSelfEvaluationGolden,
  SELFEVAL_GOLDEN_CASES,
  toSelfEvaluationGolden,
  type SelfEvaluationGolden,
} from './golden.ts';
