export { extractClaims } from './extract-claims.ts';
export {
  CLAIMS_GOLDEN_CASES,
  claimsToJson,
  formatClaimsGolden,
  toClaimsGolden,
  type ClaimJson,
  type ClaimsGolden,
  type ClaimsJsonOptions,
  type FigureJson,
} from './golden.ts';
