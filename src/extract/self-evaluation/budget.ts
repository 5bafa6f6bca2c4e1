import type { BudgetFigure, BudgetMeasure, ProjectRow, SpendingPart } from '#domain/self-evaluation.ts';
import { figureOf, MONEY, moneyUnit, NUM, type Used } from './located.ts';
import { clauseParts, type ProseParagraph, type Sentence, type Span } from './prose.ts';
import { scanQuantities } from './quantities.ts';

/**
 * Budget figures stated in prose: the department's (年初预算数, 全年预算数, 执行数, 完成预算的x%, by spending
 * part and fund source, 年末结转和结余, 结转结余率) and a project's (一是X项目,年初预算…,年中调增预算…,调整后预算…,
 * 实际支出…,预算执行率…). A sentence whose first clause names a project (…项目/…经费, or a lead such as
 * "“X”项目绩效自评综述:") and that states a project figure is a project's; its figures never go to the
 * department. Figures of anything else (“三公”经费, 公用经费, 总收入) are left to the metric reader.
 */

const MEASURE_WORD = [
  String.raw`年初预算数?`,
  String.raw`全年预算数?`,
  String.raw`调整后预算数?`,
  String.raw`调整预算数?`,
  String.raw`全年执行数`,
  String.raw`执行数`,
  String.raw`决算支出数?`,
  String.raw`支出决算数?`,
  String.raw`决算数`,
  String.raw`实际支出数?`,
  String.raw`预算执行率`,
  String.raw`支出执行率`,
  String.raw`执行率`,
  String.raw`支出率`,
  String.raw`预算完成率`,
  String.raw`(?:年末)?结转和?结余率`,
  String.raw`(?:年末)?结转和?结余(?:资金|数)?`,
].join('|');

const GLUE = String.raw`(?:为|是|达到|达|:)*`;

/** X全年预算数为A万元 / 部门整体支出执行率为99.96% / 年末结转和结余0.00万元. */
const BUDGET_RE = new RegExp(
  String.raw`^(?<subj>.*?)(?<word>${MEASURE_WORD})${GLUE}(?<num>${NUM})(?<unit>${MONEY}|%)$`,
  'd',
);

/** 基本支出2225.69万元 / 一般公共预算财政拨款支出6416.64万元: spending by part, without a measure word. */
const PART_SPENDING_RE = new RegExp(
  String.raw`^(?<subj>.*?)(?<part>基本支出|项目支出|一般公共预算财政拨款支出|政府性基金预算财政拨款支出|国有资本经营预算财政拨款支出|其他资金支出)${GLUE}(?<num>${NUM})(?<unit>${MONEY})$`,
  'd',
);

/** 完成预算的98.83% / 完成全年预算的100%. */
const COMPLETION_RE = new RegExp(String.raw`^完成(?:全年|年初|调整后)?预算数?的?(?<num>${NUM})%$`, 'd');

function measureOf(word: string): BudgetMeasure {
  if (word.includes('结转')) return word.endsWith('率') ? 'carryover-rate' : 'carryover';
  if (word.endsWith('率')) return 'execution-rate';
  if (word.startsWith('年初')) return 'initial';
  if (word.includes('预算')) return 'full-year';
  return 'executed';
}

const PART_WORDS: readonly [RegExp, SpendingPart][] = [
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/一般公共预算(?:财政拨款)?(?:支出|收入)?/, 'general-budget'],
  [/政府性基金(?:预算)?(?:财政拨款)?(?:支出|收入)?/, 'fund'],
  [/国有资本经营(?:预算)?(?:财政拨款)?(?:支出|收入)?/, 'state-capital'],
  [/其他资金(?:支出|收入)?/, 'other'],
];

const YEAR_RE = /\d{4}年度?/g;
/** The department named by itself or by its name: 我局, 区政数局, 区政务服务数据管理局. */
const ORG_RE = /^[^\d,]*?(?:局|委员会|办公室|中心)/;
const DEPARTMENT_RE =
  /^(?:部门整体支出|部门整体|部门预算资金|部门预算|部门|本部门|本单位|整体支出|整体预算|整体|预算资金|年度|全年|我部门|我单位)*$/;

/** Whether the words before a budget measure name the whole department (or nothing). */
export function isDepartmentSubject(subject: string): boolean {
  const t = subject.replace(YEAR_RE, '').replace(ORG_RE, '').replace(YEAR_RE, '');
  return DEPARTMENT_RE.test(t);
}

/**
 * The spending part the words before a measure name: a part word with nothing else but the department,
 * 'total' for the department alone, undefined when they name something else (“三公”经费, a project).
 */
export function partOf(subject: string): SpendingPart | undefined {
  for (const [re, part] of PART_WORDS) {
    const m = re.exec(subject);
    if (m) return isDepartmentSubject(subject.replace(m[0], '')) ? part : undefined;
  }
  return isDepartmentSubject(subject) ? 'total' : undefined;
}

interface DepartmentMatch {
  measure: BudgetMeasure;
  subject: string;
  m: RegExpExecArray;
}

function matchDepartment(text: string): DepartmentMatch | undefined {
  const b = BUDGET_RE.exec(text);
  if (b?.groups) {
    const word = b.groups.word ?? '';
    const measure = measureOf(word);
    const isRate = measure === 'execution-rate' || measure === 'carryover-rate';
    if (isRate !== (b.groups.unit === '%')) return undefined;
    // "项目支出决算数": the shortest subject leaves 支出 to the measure word (支出决算数); it is the part's.
    const subject = b.groups.subj ?? '';
    const joined = word.startsWith('支出') && partOf(subject) === undefined ? `${subject}支出` : subject;
    return { measure, subject: joined, m: b };
  }
  const s = PART_SPENDING_RE.exec(text);
  if (s?.groups)
    return { measure: 'executed', subject: `${s.groups.subj ?? ''}${s.groups.part ?? ''}`, m: s };
  const c = COMPLETION_RE.exec(text);
  if (c) return { measure: 'execution-rate', subject: '', m: c };
  return undefined;
}

/** Department figures of one sentence; a part named in a clause carries on to the clauses after it. */
function readDepartment(s: Sentence, p: ProseParagraph, used: Used): BudgetFigure[] {
  const out: BudgetFigure[] = [];
  for (const piece of s.pieces) {
    let current: SpendingPart | undefined;
    for (const clause of piece) {
      const { body } = clauseParts(clause);
      const hit = matchDepartment(body.text);
      if (!hit) continue;
      const part = hit.subject === '' ? (current ?? 'total') : partOf(hit.subject);
      if (part === undefined) continue;
      current = part;
      const isRate = hit.measure === 'execution-rate' || hit.measure === 'carryover-rate';
      const unit = isRate ? 'percent' : moneyUnit(hit.m.groups?.unit ?? '');
      const located = figureOf(hit.m, 'num', unit, body.start, p, used);
      if (located) out.push({ measure: hit.measure, part, value: located.figure, source: located.source });
    }
  }
  return out;
}

// ---- projects -----------------------------------------------------------------------------------------

type ProjectField = 'initial' | 'adjustment' | 'adjusted' | 'spent' | 'rate';

const YEAR_PREFIX = String.raw`(?:\d{4}年度?)?`;
const PROJECT_FIELDS: readonly [RegExp, ProjectField][] = [
  [new RegExp(String.raw`^${YEAR_PREFIX}年初预算数?${GLUE}(?<num>${NUM})(?<unit>${MONEY})$`, 'd'), 'initial'],
  [
    new RegExp(String.raw`^(?:年中)?调(?<dir>增|减)(?:预算)?数?${GLUE}(?<num>${NUM})(?<unit>${MONEY})$`, 'd'),
    'adjustment',
  ],
  [
    new RegExp(String.raw`^(?:调整后预算|全年预算|调整预算)数?${GLUE}(?<num>${NUM})(?<unit>${MONEY})$`, 'd'),
    'adjusted',
  ],
  [
    new RegExp(
      String.raw`^${YEAR_PREFIX}(?:实际支出|实际执行数|执行数|决算数|支出数)数?${GLUE}(?<num>${NUM})(?<unit>${MONEY})$`,
      'd',
    ),
    'spent',
  ],
  [new RegExp(String.raw`^(?:预算执行率|执行率|支出率|完成预算的?)${GLUE}(?<num>${NUM})%$`, 'd'), 'rate'],
];

const PROJECT_WORD_RE = /项目|经费|专项/;
const NAME_TAIL_RE = /(?:绩效)?自评综述$|综述$|(?:的)?支出情况$/;
const QUOTED_NAME_RE = /^[“"‘'](.+?)[”"’']项目$/;
const QUOTES_RE = /[“”"‘’']/g;

function matchProjectField(text: string): { field: ProjectField; m: RegExpExecArray } | undefined {
  for (const [re, field] of PROJECT_FIELDS) {
    const m = re.exec(text);
    if (m) return { field, m };
  }
  return undefined;
}

function statesFigure(text: string): boolean {
  return scanQuantities(text).some((t) => t.kind === 'quantity');
}

/** "“智慧城市建设经费”项目绩效自评综述" → 智慧城市建设经费; other names as printed, without quotes. */
export function projectName(text: string): string {
  const t = text.replace(NAME_TAIL_RE, '');
  const quoted = QUOTED_NAME_RE.exec(t);
  return (quoted?.[1] ?? t).replace(QUOTES_RE, '');
}

/** The words of a sentence's first clause that name a project, if they do. */
function projectLead(s: Sentence): Span | undefined {
  const first = s.pieces[0]?.[0];
  if (!first) return undefined;
  const { lead, body } = clauseParts(first);
  const candidate = !statesFigure(body.text) && body.text !== '' ? body : lead;
  if (!candidate || !PROJECT_WORD_RE.test(candidate.text) || isDepartmentSubject(candidate.text))
    return undefined;
  return candidate;
}

function readProject(s: Sentence, p: ProseParagraph, used: Used): ProjectRow | undefined {
  const lead = projectLead(s);
  if (!lead) return undefined;
  const row: ProjectRow = { name: projectName(lead.text), source: p.source(lead.start) };
  let found = false;
  for (const clause of s.pieces.flat()) {
    const { body } = clauseParts(clause);
    const hit = matchProjectField(body.text);
    if (!hit || row[hit.field] !== undefined) continue;
    const unit = hit.field === 'rate' ? 'percent' : moneyUnit(hit.m.groups?.unit ?? '');
    const located = figureOf(hit.m, 'num', unit, body.start, p, used);
    if (!located) continue;
    found = true;
    if (hit.field === 'adjustment') {
      const direction = hit.m.groups?.dir === '减' ? 'decrease' : 'increase';
      row.adjustment = { direction, amount: located.figure };
    } else row[hit.field] = located.figure;
  }
  return found ? row : undefined;
}

export interface SentenceBudget {
  figures: BudgetFigure[];
  project?: ProjectRow;
}

/** The budget figures of one sentence: a project's row, or the department's figures. */
export function readBudget(s: Sentence, p: ProseParagraph, used: Used): SentenceBudget {
  const project = readProject(s, p, used);
  if (project) return { figures: [], project };
  return { figures: readDepartment(s, p, used) };
}
