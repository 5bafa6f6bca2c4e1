import type { Claim } from '#domain/claim.ts';
import type { DisclosureDocument } from '#domain/document.ts';
import type { CheckOutcome, CheckSummary, Finding, LocalizedText } from '#domain/finding.ts';
import { summarize } from '#domain/finding.ts';
import type { IndicatorTree } from '#domain/indicator-tree.ts';
import type { SelfEvaluation } from '#domain/self-evaluation.ts';
import type { ExtractedTable } from '#domain/table.ts';
import { extractDocument } from '#extract/document.ts';
import { makeContext } from '#verify/context.ts';
import { evaluate } from '#verify/evaluate.ts';
import { indicatorTree } from '#score/tree.ts';
import type {
  DocumentReader,
  IndicatorSystemSource,
  ReadFailure,
  ReadFailureCode,
  RuleSource,
} from './ports.ts';

export interface CheckInput {
  path: string;
  bytes: Uint8Array;
}

export interface DocumentReport {
  path: string;
  format: DisclosureDocument['format'];
  kind: DisclosureDocument['kind'];
  org: string | null;
  fiscalYear: number | null;
  pageCount: number;
  /** Path of the previous year's document the narrative's 上年 figures were checked against. */
  prior: string | null;
  tables: ExtractedTable[];
  claims: Claim[];
  /** What a self-evaluation report states (kind self-evaluation), else null. */
  selfEvaluation: SelfEvaluation | null;
  findings: Finding[];
  checks: CheckSummary;
  notApplicable: { ruleId: string; reason: LocalizedText }[];
}

export interface DocumentFailure {
  path: string;
  error: { code: ReadFailureCode; message: LocalizedText };
}

export type DocumentResult = ({ ok: true } & DocumentReport) | ({ ok: false } & DocumentFailure);

export interface CheckDeps {
  reader: DocumentReader;
  rules: RuleSource;
  /** Indicator systems, whose trees sum a self-evaluation's scores. */
  systems?: IndicatorSystemSource;
}

export interface CheckOptions {
  /** Explicit previous-year documents; otherwise a batch pairs documents of one organisation by year. */
  prior?: CheckInput[];
  /** The department's final accounts to check a self-evaluation against (same year or the next). */
  against?: CheckInput[];
  onProgress?: (done: number, total: number, path: string) => void;
}

const RULE_SET_BY_KIND: Partial<Record<DisclosureDocument['kind'], string>> = {
  'final-accounts': 'final-accounts',
  'self-evaluation': 'self-evaluation',
};

function isReadFailure(e: unknown): e is ReadFailure {
  return typeof e === 'object' && e !== null && 'code' in e && 'messageZh' in e && 'messageEn' in e;
}

export async function load(
  input: CheckInput,
  deps: Pick<CheckDeps, 'reader'>,
): Promise<DisclosureDocument | DocumentFailure> {
  try {
    const raw = await deps.reader.read(input.bytes, input.path);
    if (raw.pages.every((p) => p.lines.length === 0)) {
      return {
        path: input.path,
        error: {
          code: 'no-text',
          message: {
            zh: '文件没有可读取的文字层（可能是扫描件），无法核对',
            en: 'the file has no text layer (scanned?); nothing to check',
          },
        },
      };
    }
    return extractDocument(raw, input.path);
  } catch (e) {
    if (isReadFailure(e))
      return { path: input.path, error: { code: e.code, message: { zh: e.messageZh, en: e.messageEn } } };
    const detail = e instanceof Error ? e.message : String(e);
    return {
      path: input.path,
      error: {
        code: 'corrupt',
        message: { zh: `文件无法读取：${detail}`, en: `the file could not be read: ${detail}` },
      },
    };
  }
}

export function isFailure(x: DisclosureDocument | DocumentFailure): x is DocumentFailure {
  return 'error' in x;
}

/**
 * Reads, extracts and verifies a batch. A file that cannot be read yields a per-file failure and the
 * batch goes on. Each document is checked against its previous-year document when one is given or when
 * the batch holds one of the same organisation for the year before.
 */
export async function checkDocuments(
  inputs: CheckInput[],
  deps: CheckDeps,
  options: CheckOptions = {},
): Promise<DocumentResult[]> {
  const loaded: (DisclosureDocument | DocumentFailure)[] = [];
  let done = 0;
  for (const input of inputs) {
    loaded.push(await load(input, deps));
    options.onProgress?.(++done, inputs.length, input.path);
  }
  const priors: DisclosureDocument[] = [];
  for (const p of options.prior ?? []) {
    const d = await load(p, deps);
    if (!isFailure(d)) priors.push(d);
  }
  const against: DisclosureDocument[] = [];
  for (const p of options.against ?? []) {
    const d = await load(p, deps);
    if (!isFailure(d)) against.push(d);
  }
  const docs = loaded.filter((d): d is DisclosureDocument => !isFailure(d));
  const codes = deps.rules.codes();
  // Only self-evaluations sum scores on an indicator tree: the systems are read when the first one needs them.
  let trees: IndicatorTree[] | undefined;
  const treesFor = (d: DisclosureDocument): IndicatorTree[] =>
    d.kind === 'self-evaluation' ? (trees ??= (deps.systems?.systems() ?? []).map(indicatorTree)) : [];
  return loaded.map((d): DocumentResult => {
    if (isFailure(d)) return { ok: false, ...d };
    const prior = findPrior(d, priors.length ? priors : docs);
    const set = RULE_SET_BY_KIND[d.kind];
    const { findings, outcomes } = set
      ? evaluate(deps.rules.rules(set), {
          ...makeContext(d, prior, codes, undefined, relatedAccounts(d, docs, against)),
          indicatorTrees: treesFor(d),
        })
      : { findings: [], outcomes: [noRuleSet(d.kind)] };
    return {
      ok: true,
      path: d.path,
      format: d.format,
      kind: d.kind,
      org: d.org ?? null,
      fiscalYear: d.fiscalYear ?? null,
      pageCount: d.pageCount,
      prior: prior?.path ?? null,
      tables: d.tables,
      claims: d.claims,
      selfEvaluation: d.selfEvaluation ?? null,
      findings: sortFindings(findings),
      checks: summarize(outcomes),
      notApplicable: outcomes.flatMap((o) =>
        o.status === 'not-applicable' && o.reason ? [{ ruleId: o.ruleId, reason: o.reason }] : [],
      ),
    };
  });
}

const KIND_NAMES: Record<DisclosureDocument['kind'], LocalizedText> = {
  'final-accounts': { zh: '部门决算', en: 'final accounts' },
  budget: { zh: '部门预算', en: 'budget' },
  'self-evaluation': { zh: '绩效自评报告', en: 'performance self-evaluation' },
  unknown: { zh: '未识别类型的文件', en: 'documents of unknown kind' },
};

/** A document nothing can check yet says so, rather than reporting zero findings as if it had passed. */
function noRuleSet(kind: DisclosureDocument['kind']): CheckOutcome {
  const name = KIND_NAMES[kind];
  return {
    ruleId: 'gongkai.no-rule-set',
    status: 'not-applicable',
    reason: {
      zh: `尚无适用于${name.zh}的核对规则，仅提取了内容`,
      en: `no checks exist yet for ${name.en}; content extracted only`,
    },
  };
}

function findPrior(doc: DisclosureDocument, pool: DisclosureDocument[]): DisclosureDocument | undefined {
  if (doc.fiscalYear === undefined || !doc.org) return undefined;
  return pool.find(
    (p) =>
      p !== doc && p.kind === doc.kind && p.org === doc.org && p.fiscalYear === (doc.fiscalYear ?? 0) - 1,
  );
}

/**
 * The final accounts a self-evaluation is checked against: those of the same organisation in the batch, and
 * those given explicitly (unless they name another organisation). The rules pick the same year's or the
 * next year's.
 */
function relatedAccounts(
  doc: DisclosureDocument,
  batch: readonly DisclosureDocument[],
  given: readonly DisclosureDocument[],
): DisclosureDocument[] {
  if (doc.kind !== 'self-evaluation') return [];
  // Given explicitly, a document counts unless both name their organisation and the names differ.
  const fits = (d: DisclosureDocument): boolean => !doc.org || !d.org || d.org === doc.org;
  const sameOrg = batch.filter((d) => d.kind === 'final-accounts' && doc.org && d.org === doc.org);
  return [...given.filter((d) => d.kind === 'final-accounts' && fits(d)), ...sameOrg];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.evidence[0]?.page ?? 0) - (b.evidence[0]?.page ?? 0) ||
      (a.evidence[0]?.line ?? 0) - (b.evidence[0]?.line ?? 0),
  );
}
