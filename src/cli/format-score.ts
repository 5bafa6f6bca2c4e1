import type { LocalizedText } from '#domain/finding.ts';
import type { Lang } from '#app/present.ts';
import { scoreText, type ScoreReport } from '#app/present-score.ts';

type Indicator = ScoreReport['indicators'][number];
type Status = Indicator['status'];

export interface ScoreTextOptions {
  lang: Lang;
  color: boolean;
  /** The file the report came from, printed as the heading. */
  path?: string;
}

const STATUS: Record<Status, { zh: string; en: string; colour: string }> = {
  reproduced: { zh: '复核一致', en: 'reproduced', colour: '32' },
  differs: { zh: '不一致', en: 'differs', colour: '31' },
  'cannot-verify': { zh: '无法核实', en: 'cannot verify', colour: '33' },
  'accepted-as-stated': { zh: '照录自评', en: 'as stated', colour: '2' },
  unsupported: { zh: '依据不足', en: 'unsupported', colour: '31' },
  'no-evidence': { zh: '无依据', en: 'no evidence', colour: '33' },
  'not-stated': { zh: '未列分', en: 'not stated', colour: '2' },
  'not-applicable': { zh: '不适用', en: 'not applicable', colour: '2' },
};

const GRADE_STATUS = {
  reproduced: { zh: '与总分相符', en: 'consistent with the total' },
  differs: { zh: '与总分不符', en: 'does not follow from the total' },
  'not-stated': { zh: '未列等级', en: 'not stated' },
} as const;

const SYSTEM_STATUS = {
  official: { zh: '官方', en: 'official' },
  'official-unverified': { zh: '官方（原文未核）', en: 'official, text unverified' },
  reconstructed: { zh: '非官方重建', en: 'reconstructed, not official' },
} as const;

const REASON = {
  'deduction-without-reason': { zh: '扣分无理由', en: 'deduction without reason' },
  'full-marks-short': { zh: '满分但未达标', en: 'full marks, figures short' },
  'no-evidence': { zh: '无任何依据', en: 'no evidence at all' },
} as const;

function paint(color: boolean, code: string, s: string): string {
  return color ? `\u001b[${code}m${s}\u001b[0m` : s;
}

/** Terminal columns a string takes: CJK and full-width forms count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

const pick = (t: LocalizedText, lang: Lang) => t[lang];
const where = (lang: Lang, s: { page: number; line: number }) =>
  lang === 'zh' ? `第${s.page}页第${s.line}行` : `p.${s.page} l.${s.line}`;

interface Row {
  name: string;
  points: string;
  stated: string;
  recomputed: string;
  status: Status;
  note: string;
}

function indicatorRow(r: Indicator, d: number, lang: Lang): Row {
  // A reproduced score is shown as established: where both the engine's interval and the printed score allow.
  const shown = r.status === 'reproduced' && r.used?.basis === 'recomputed' ? r.used.score : r.recomputed;
  const recomputed = shown ? scoreText(shown, d) : r.candidate ? `(${scoreText(r.candidate, d)})` : '—';
  const value = r.value ? `${scoreText(r.value.interval, 2)}%` : '';
  const notes = r.notes.map((n) => pick(n, lang));
  // A computed value leads its note unless the note already starts with it.
  if (value && !notes[0]?.startsWith(value)) notes.unshift(lang === 'zh' ? `值 ${value}` : `value ${value}`);
  return {
    name: `${'  '.repeat(r.level - 1)}${pick(r.name, lang)}`,
    points: scoreText(r.points, d),
    stated: r.stated?.score.text ?? '—',
    recomputed,
    status: r.status,
    note: notes.join(lang === 'zh' ? '；' : '; '),
  };
}

/** Target rows worth a line of their own: missed, not scorable, or printed with a score the engine disputes. */
function targetLines(r: Indicator, d: number, o: ScoreTextOptions, indent: string): string[] {
  const zh = o.lang === 'zh';
  return (r.targets ?? [])
    .filter((t) => t.met === 'no' || !t.recomputed || t.status === 'differs' || t.status === 'unsupported')
    .map((t) => {
      const parts = [
        `${t.index ?? ''}${t.index === undefined ? '' : '. '}${t.name}`,
        t.target ? (zh ? `目标 ${t.target}` : `target ${t.target}`) : '',
        t.actual ? (zh ? `实际 ${t.actual.text}` : `actual ${t.actual.text}`) : '',
        t.completionRate ? (zh ? `完成率 ${t.completionRate.text}%` : `rate ${t.completionRate.text}%`) : '',
        t.recomputed
          ? zh
            ? `复核 ${scoreText(t.recomputed, d)}／${scoreText(t.weight, d)}`
            : `recomputed ${scoreText(t.recomputed, d)} of ${scoreText(t.weight, d)}`
          : '',
        t.printedScore ? (zh ? `自评 ${t.printedScore.text}` : `stated ${t.printedScore.text}`) : '',
        t.met === 'no' ? (zh ? '未达标' : 'not met') : '',
        t.notes.map((n) => pick(n, o.lang)).join(zh ? '；' : '; '),
      ];
      return `${indent}${paint(o.color, '2', '·')} ${parts.filter(Boolean).join('  ')}`;
    });
}

/**
 * The terminal report of one scored self-evaluation: a table of every indicator (points, stated score,
 * the engine's score, status, note), the total and grade, then what the evidence cannot support.
 */
export function formatScore(report: ScoreReport, o: ScoreTextOptions): string {
  const zh = o.lang === 'zh';
  const d = report.system.scoreDecimals;
  const s = report.system;
  const out: string[] = [];
  if (o.path) out.push(paint(o.color, '1', o.path));
  out.push(
    `  ${pick(s.name, o.lang)}`,
    `  ${[`${s.id} ${s.version}`, pick(SYSTEM_STATUS[s.status], o.lang), pick(s.jurisdiction, o.lang)].join(' · ')}`,
    `  ${paint(o.color, '2', pick(s.statusNote, o.lang))}`,
    '',
  );
  for (const w of report.warnings) out.push(`  ${paint(o.color, '33', '⚠')} ${pick(w, o.lang)}`);
  if (report.warnings.length) out.push('');

  const header: Row = zh
    ? { name: '指标', points: '分值', stated: '自评', recomputed: '复核', status: 'reproduced', note: '说明' }
    : {
        name: 'indicator',
        points: 'points',
        stated: 'stated',
        recomputed: 'engine',
        status: 'reproduced',
        note: 'note',
      };
  const total = report.total;
  const totalRow: Row = {
    name: zh ? '总分' : 'total',
    points: scoreText({ lo: total.points, hi: total.points }, d),
    stated: total.stated?.score.text ?? '—',
    recomputed: total.recomputed ? scoreText(total.recomputed, d) : '—',
    status: total.status,
    note: total.notes.map((n) => pick(n, o.lang)).join(zh ? '；' : '; '),
  };
  const rows = report.indicators.map((r) => indicatorRow(r, d, o.lang));
  const all = [header, ...rows, totalRow];
  const w = {
    name: Math.max(...all.map((r) => displayWidth(r.name))),
    points: Math.max(...all.map((r) => displayWidth(r.points))),
    stated: Math.max(...all.map((r) => displayWidth(r.stated))),
    recomputed: Math.max(...all.map((r) => displayWidth(r.recomputed))),
    status: Math.max(...Object.values(STATUS).map((x) => displayWidth(x[o.lang]))),
  };
  const line = (r: Row, status: string) =>
    [
      `  ${pad(r.name, w.name)}`,
      pad(r.points, w.points, true),
      pad(r.stated, w.stated, true),
      pad(r.recomputed, w.recomputed, true),
      status,
      r.note,
    ]
      .join('  ')
      .trimEnd();
  const statusCell = (st: Status) => paint(o.color, STATUS[st].colour, pad(STATUS[st][o.lang], w.status));
  out.push(paint(o.color, '1', line(header, pad(zh ? '状态' : 'status', w.status))));
  report.indicators.forEach((r, i) => {
    const row = rows[i];
    if (!row) return;
    out.push(line(row, statusCell(r.status)));
    out.push(...targetLines(r, d, o, `  ${' '.repeat(2 * r.level)}`));
  });
  out.push(paint(o.color, '1', line(totalRow, statusCell(total.status))));

  const g = report.grade;
  const possible = g.possible.join(zh ? '或' : ' or ') || '—';
  out.push(
    zh
      ? `  等级：自评 ${g.stated?.grade ?? '—'}，按总分为 ${possible}（${GRADE_STATUS[g.status].zh}）`
      : `  grade: stated ${g.stated?.grade ?? '—'}; the total gives ${possible} (${GRADE_STATUS[g.status].en})`,
    '',
  );

  out.push(
    paint(
      o.color,
      '1',
      zh
        ? `  依据不足（${report.cannotSupport.length}）`
        : `  What the evidence cannot support (${report.cannotSupport.length})`,
    ),
  );
  if (report.cannotSupport.length === 0) out.push(zh ? '    无' : '    none');
  for (const u of report.cannotSupport) {
    const at = u.source ? `  ${paint(o.color, '2', where(o.lang, u.source))}` : '';
    out.push(
      `    ${paint(o.color, '31', '✖')} [${pick(REASON[u.reason], o.lang)}] ${pick(u.message, o.lang)}${at}`,
    );
  }
  if (report.unmatched.length) {
    out.push(
      '',
      paint(o.color, '1', zh ? '  未对应到指标的自评分' : '  Stated scores matching no indicator'),
    );
    for (const u of report.unmatched) {
      out.push(
        `    ${u.printed} ${u.score.text}${zh ? '分' : ''}：${pick(u.reason, o.lang)}  ${paint(o.color, '2', where(o.lang, u.source))}`.replace(
          '：',
          zh ? '：' : ': ',
        ),
      );
    }
  }
  return out.join('\n') + '\n';
}
