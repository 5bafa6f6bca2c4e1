import { describe, expect, it } from 'vitest';
import { actualFromNote } from './actual.ts';
import { parseTarget } from './target.ts';

function actual(note: string, target: string): string | undefined {
  const q = actualFromNote(note, parseTarget(target));
  return q ? `${q.value.text}${q.measure}${q.value.unit === 'percent' ? '%' : ''}` : undefined;
}

describe('actualFromNote', () => {
  it.each([
    // the only candidate (years and dates are no candidates)
    ['2022年,区政务服务中心正常运营,服务人次89460人次。', '8万以上', '89460人次'],
    ['截至2022年底,区政务服务中心服务事项数为956项。', '900项以上', '956项'],
    ['OA系统全年收发文总数74.2万份', '>=400000', '74.2万份'],
    ['已实现总出口带宽2200M', '>=2200 M', '2200M'],
    // several candidates, one with the target's measure
    ['2022年立项申报127个项目,评审通过116个,通过率91.3%。', '>=85%', '91.3%'],
    // the operands of a bracketed formula are no candidates
    ['同步上传率达到100%(已同步数量/应同步数量*100%)', '>=95%', '100%'],
    ['败诉率0%。', '低于 20%', '0%'],
  ])('%s → %s', (note, target, expected) => {
    expect(actual(note, target)).toBe(expected);
  });

  it.each([
    // two candidates of the same kind: ambiguous
    ['平台对接景区视频覆盖197路,智能监控总数118路。', '≥60'],
    // a bound says the target was met, not by how much
    ['无失效链接,网站不能正常访问链接数量低于5%。', '低于5%'],
    ['2022年全年主干网络畅通率≥90%', '>=90%'],
    // only dates
    ['已在2022年5月30日完成编制。', '1'],
    // the only candidate is of another kind than the target
    ['评审通过116个。', '>=85%'],
  ])('%s → none', (note, target) => {
    expect(actual(note, target)).toBeUndefined();
  });
});
