import type { StatedCount } from '#domain/self-evaluation.ts';
import type { Used } from './located.ts';
import type { ProseParagraph, Span } from './prose.ts';

/**
 * Counts of indicators and projects the text states: "15项产出指标", "共设数量指标21个", "社会效益指标6个",
 * "共23个项目", "一级项目3个", "对10个项目开展事前评估". The subject is the indicator type as printed
 * (产出指标, 数量指标), 'projects' for the projects evaluated as a whole ("共N个项目"), or the printed words
 * for a qualified set of projects (一级项目, 项目开展事前评估). Other "N个X" are metrics, not counts.
 */

const INDICATOR_TYPES = [
  '服务对象满意度',
  '满意度',
  '社会效益',
  '经济效益',
  '生态效益',
  '可持续发展',
  '可持续影响',
  '产出',
  '效益',
  '成本',
  '数量',
  '质量',
  '时效',
  '个性',
  '共性',
  '一级',
  '二级',
  '三级',
].join('|');

const COUNT_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\d.])(?<n>\d+)(?:项|个|条)(?<subj>(?:${INDICATOR_TYPES})指标)`, 'dg'),
  new RegExp(String.raw`(?<subj>(?:${INDICATOR_TYPES})指标)(?<n>\d+)(?:项|个|条)`, 'dg'),
  new RegExp(String.raw`(?<subj>[一二三]级项目)(?<n>\d+)个`, 'dg'),
  /(?<![\d.])(?<n>\d+)个(?<subj>项目[\p{Script=Han}]*)/dgu,
];

/** Words after "N个项目…" that end what is counted: 10个项目支出绩效目标均已完成. */
const SUBJECT_END_RE = /(?:均|已|并|共|等).*$/;

function subjectOf(printed: string, clause: string, matchStart: number): string {
  const t = printed.replace(SUBJECT_END_RE, '');
  if (t !== '项目') return t;
  // "共23个项目": the projects evaluated as a whole.
  return clause.slice(Math.max(0, matchStart - 1), matchStart) === '共' ? 'projects' : '项目';
}

/** Counts one clause states; their numbers are marked used. */
export function readCounts(c: Span, p: ProseParagraph, used: Used): StatedCount[] {
  const out: { at: number; count: StatedCount }[] = [];
  for (const pattern of COUNT_PATTERNS) {
    const re = new RegExp(pattern.source, pattern.flags);
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      const span = m.indices?.groups?.n;
      if (!span) continue;
      const at = c.start + span[0];
      if (used.has(at)) continue;
      used.add(at);
      const subject = subjectOf(m.groups?.subj ?? '', c.text, m.index);
      out.push({ at, count: { subject, count: Number(m.groups?.n), source: p.source(at) } });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.count);
}
