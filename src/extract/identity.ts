import type { DocumentKind } from '#domain/document.ts';
import type { RawDocument } from '#domain/raw-document.ts';
import { compact } from './normalize.ts';

export interface Identity {
  kind: DocumentKind;
  org?: string;
  fiscalYear?: number;
}

const TITLE_LINES = 6;
const KIND_WORDS: readonly [RegExp, DocumentKind][] = [
  [/自评|绩效评价报告/, 'self-evaluation'],
  [/决算/, 'final-accounts'],
  [/预算/, 'budget'],
];

/**
 * Kind, organisation and fiscal year from the title block (the first lines of the first page), with the
 * "部门：…" line of table headers as a better source for the organisation when present.
 */
export function detectIdentity(raw: RawDocument): Identity {
  const first =
    raw.pages[0]?.lines
      .slice(0, TITLE_LINES)
      .map((l) => compact(l.text).replace(/^#+/, ''))
      // "附件2" above a title numbers the attachment; it is not part of the name.
      .filter((l) => !/^附件\d*$/.test(l)) ?? [];
  const title = first.join('');
  const kind = KIND_WORDS.find(([re]) => re.test(title))?.[1] ?? 'unknown';
  // The year of the title proper (the line naming the kind) wins over any date in a note above it.
  const kindLine = first.find((l) => /20\d{2}年/.test(l) && KIND_WORDS.some(([re]) => re.test(l)));
  const year = /(20\d{2})年度?/.exec(kindLine ?? title);
  const fiscalYear = year ? Number(year[1]) : undefined;
  return { kind, fiscalYear, org: orgFromHeaders(raw) ?? orgFromTitle(first) };
}

/** "单位：万元" names the unit of amounts, not an organisation. */
const UNIT_WORDS = /^(万元|元|亿元|千元|个|人|%)$/;

function orgFromHeaders(raw: RawDocument): string | undefined {
  const counts = new Map<string, number>();
  for (const page of raw.pages) {
    for (const line of page.lines) {
      const m = /^(?:预算)?(?:主管)?(?:部门|单位)(?:名称)?[:：]([^\t]+?)(?:单位[:：].*)?$/.exec(
        compact(line.cells[0]?.text ?? ''),
      );
      const org = m?.[1];
      if (org && !UNIT_WORDS.test(org)) counts.set(org, (counts.get(org) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [org, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = org;
  return best;
}

const KIND_LINE_RE = /决算|预算|自评|报告/;
/** How many lines after the year line the line naming the kind may come ("…局" / "（…）部门" / "整体支出…报告"). */
const KIND_LINE_REACH = 2;
/** A second name in brackets after the first: "…政务服务数据管理局（增城开发区政务服务数据管理局）". */
const ALIAS_RE = /[(（][^()（）]*(?:局|委员会|委|办公室|院|中心|部|政府|厅|所|站|馆|队|会|办)[)）]/g;

/** The line that names the kind, at or after the year line; the next line when none does. */
function kindLineFrom(lines: readonly string[], yearAt: number): number {
  for (let i = yearAt; i <= yearAt + KIND_LINE_REACH && i < lines.length; i++) {
    if (KIND_LINE_RE.test(lines[i] ?? '')) return i;
  }
  return yearAt + 1;
}

/**
 * The title block: the lines up to the one naming the year and on to the one naming the kind, without
 * sentence-like lines. Titles wrap anywhere ("上海市普陀区规划和自然" / "资源局"), so they are joined; a
 * bracketed second name (the development zone's) is dropped.
 */
function orgFromTitle(lines: string[]): string | undefined {
  const yearAt = lines.findIndex((l) => /20\d{2}年/.test(l));
  if (yearAt < 0) return undefined;
  const end = kindLineFrom(lines, yearAt);
  const title = lines
    .slice(0, end + 1)
    .filter((l) => !/[。，,:：]/.test(l))
    .join('');
  const org = title
    .replace(/(20\d{2})年度?/g, '')
    .replace(ALIAS_RE, '')
    .replace(
      /部门整体支出绩效自评报告|整体支出绩效自评报告|绩效自评报告|部门决算|单位决算|部门预算|单位预算|决算|预算/g,
      '',
    )
    .trim();
  // "…局部门整体支出…" leaves "…局部门": the 部门 belongs to the kind, not the name.
  const name = /[局委室院心府厅所站馆队会办]部门$/.test(org) ? org.slice(0, -2) : org;
  return ORG_SUFFIX.test(name) ? name : undefined;
}

const ORG_SUFFIX = /(局|委员会|委|办公室|院|中心|部|街道办事处|政府|厅|所|站|馆|队|会|办)$/;
