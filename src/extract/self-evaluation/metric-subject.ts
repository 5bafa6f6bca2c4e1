import { foldQuotes, normalizeSubject } from '#extract/claims/subject.ts';

/**
 * The subject of a stated quantity, from the words before it ("业务受理量共1223544件") or, for a counted
 * thing, after it ("对2251项行政权力事项进行全面检查"). Subjects are normalised: no quotes or spaces, no
 * framing (我区, 共, 达到, 为, 约), no location before the thing measured (区及南部政务服务中心业务受理量 →
 * 业务受理量) and no verb before the object (为群众提供免邮服务 → 免邮服务).
 */

const QUOTES_RE = /[“”"'‘’「」『』]/g;
/** Separators (and 并, which joins two actions) after which the words before a number start. */
const SEPARATOR_RE = /^.*[、,;:()并]/;
/** A place or body that precedes what is measured there. */
const LOCATION_RE = /^.*(?:中心|大厅|网站|平台内)(?=.)/;
/** Verbs whose object is what is measured. */
const VERB_RE =
  /^.*(?:提供|获得|收到|接收|接待|承办|部署|上报|购买|开通|推出|实现|完成|处置|联动封锁|清查冻结|选取为)(?=.)(?![率量数额])/;
const LEADING_RE = /^(?:我区|我局|全区|全年|全网|其中|已|均|并|为|的|各|共|累计|成功)+/;
const TRAILING_RE = /(?:共计|共|达到|达|为|是|约|的|分别|:|,)+$/;
/** Comparison words before a figure restated in brackets: 未超出预算安排数(3.56万元). */
const COMPARISON_RE = /^(?:未超出|未超过|超出|超过|低于|高于|不超过)/;
/** A subject that only says how the number compares with the one before: 占…的, 同比增长. */
const RELATIVE_RE = /^(?:占|同比|比上年|较上年|比)/;

/** 共 before a verb frames the count (我区共承办热线工单); elsewhere it is part of a word (公共, 共享). */
const TOTAL_WORD_RE =
  /^.*共(?=承办|审核|受理|接待|接收|涉及|派出|办理|完成|发布|收到|处理|上报|开展|联动|清查|计)/;

/** The words after a framing 共: "我区共承办热线工单" → 承办热线工单. */
function afterTotalWord(t: string): string {
  return t.replace(TOTAL_WORD_RE, '');
}

function cut(t: string, re: RegExp): string {
  const rest = t.replace(re, '');
  return rest === '' ? t : rest;
}

function tidy(t: string): string {
  return t.replace(LEADING_RE, '').replace(TRAILING_RE, '');
}

/** The subject from the words between the previous figure (or the clause start) and this one. */
export function subjectBefore(words: string): string {
  let t = foldQuotes(words).replace(SEPARATOR_RE, '').replace(QUOTES_RE, '');
  t = normalizeSubject(t);
  t = tidy(afterTotalWord(tidy(t)));
  t = cut(t, LOCATION_RE);
  t = cut(tidy(t), VERB_RE);
  // normalizeSubject folds “三公” into one quoted form; subjects carry no quotes at all.
  return tidy(t).replace(QUOTES_RE, '');
}

/** Words that end a counted thing's name after its number: 34项民生领域突出问题共6000余宗. */
const AFTER_END_RE =
  /(?:[、,;:()。]|并|进行|开展|实现|达成|赋能|可以|实施|均|已|共|等|之一|支援|跨域|上屏|全流程).*$/;

/** The subject from the words right after a number and its measure word ("网格事件并已办结" → 网格事件). */
export function subjectAfter(words: string): string {
  const t = words
    .replace(/^(?:及?以上|以下|左右)/, '')
    .replace(AFTER_END_RE, '')
    .replace(QUOTES_RE, '');
  return t.replace(/(?:和|及|与|的)$/, '');
}

/** A figure restated in brackets after its subject: "未超出预算安排数" → 预算安排数. */
export function subjectOfBracketed(words: string): string {
  return subjectBefore(words.replace(COMPARISON_RE, ''));
}

/** "占政府采购支出总额" after "授予中小企业合同金额": the relation belongs to the figure before. */
export function isRelative(subject: string): boolean {
  return RELATIVE_RE.test(subject);
}
