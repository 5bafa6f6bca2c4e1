import { describe, expect, it } from 'vitest';
import type { StatedMetric } from '#domain/self-evaluation.ts';
import { rawDocument } from '#src/testing/raw-document.ts';
import { readMetrics } from './metrics.ts';
import { readProse, sourceLines } from './prose.ts';

function metrics(...lines: string[]): StatedMetric[] {
  const doc = rawDocument(lines);
  return readProse(doc, sourceLines(doc), new Set()).flatMap((p) =>
    p.sentences.flatMap((s) => readMetrics(s, p, new Set())),
  );
}

function rows(ms: StatedMetric[]): string[] {
  return ms.map((m) => {
    const q = m.quantity;
    const approx = q.approx ? ` ${q.approx}` : '';
    const period = m.period ? ` [${m.period}]` : '';
    return `${m.subject}${period}=${q.value.text}${q.measure}${q.value.unit === 'percent' ? '%' : ''}${approx}`;
  });
}

describe('readMetrics', () => {
  it('reads subjects before and after numbers, approximations and money', () => {
    expect(
      rows(
        metrics(
          '2023 年，某大厅服务群众 3138055 人次，业务受理量共 1223544 件，获得好评卡 70899 张、表扬信 70 封，群众满意率达到 99.9%。',
          '为群众提供免邮服务 53367 万宗，节约费用 66.3 万元。对2251项行政权力事项进行全面检查，办件超7.7万件。',
        ),
      ),
    ).toEqual([
      '服务群众=3138055人次',
      '业务受理量=1223544件',
      '好评卡=70899张',
      '表扬信=70封',
      '群众满意率=99.9%',
      '免邮服务=53367万宗',
      '节约费用=66.3',
      '行政权力事项=2251项',
      '办件=7.7万件 over',
    ]);
  });

  it('names shares and changes after the figure before them, and bracketed figures after their words', () => {
    expect(
      rows(
        metrics(
          '政府采购支出总额 1,799.58 万元，其中授予中小企业合同金额 1,203.3 万元，占政府采购支出总额的 66.87 %。',
          '热线工单受理量共 23.14 万件，同比增长 9.28%。“三公”经费实际支出数为 3.56 万元，未超出预算安排数（3.56 万元）。',
        ),
      ),
    ).toEqual([
      '政府采购支出总额=1,799.58',
      '授予中小企业合同金额=1,203.3',
      '授予中小企业合同金额占政府采购支出总额=66.87%',
      '热线工单受理量=23.14万件',
      '热线工单受理量同比增长=9.28%',
      '三公经费实际支出数=3.56',
      '预算安排数=3.56',
    ]);
  });

  it('holds a period for the rest of its piece and skips dates, ordinals, names and spans of months', () => {
    expect(
      rows(
        metrics(
          '2023 年 1-10 月，我区办理工单 170245 件，依时办结率为 100%；受理涉整改工单 1359 件，在全市排名第 2名。',
          '广州 12345 热线清查冻结近 3个月未登录账号 343个，2022 年 5 月 30 日完成。',
        ),
      ),
    ).toEqual([
      '办理工单 [1-10月]=170245件',
      '依时办结率 [1-10月]=100%',
      '受理涉整改工单=1359件',
      '未登录账号=343个',
    ]);
  });

  it('skips numbers another reader took', () => {
    const doc = rawDocument(['业务受理量 163.37 万件，锦旗 40 面。']);
    const [p] = readProse(doc, sourceLines(doc), new Set());
    const s = p?.sentences[0];
    if (!p || !s) throw new Error('no sentence');
    const taken = new Set([p.text.indexOf('163')]);
    expect(rows(readMetrics(s, p, taken))).toEqual(['锦旗=40面']);
  });

  it('locates each metric on the line its number is printed on', () => {
    const ms = metrics('信息发布 17,889 条，总浏览量', '1971.1 万人次。');
    expect(ms.map((m) => [m.subject, m.source.line])).toEqual([
      ['信息发布', 1],
      ['总浏览量', 2],
    ]);
  });
});
