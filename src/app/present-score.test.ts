import { describe, expect, it } from 'vitest';
import { loadIndicatorSystemFiles } from '#adapters/indicator-systems.ts';
import { buildCaseEvaluation } from '#score/case-evaluation.ts';
import { scoreEvaluation } from '#score/engine.ts';
import { presentScore } from './present-score.ts';
import { ScoreOutputSchema } from './score-output.schema.ts';

const files = loadIndicatorSystemFiles();

describe('presentScore', () => {
  // Every case of every system file, presented in both languages, must be valid against the published schema.
  const all = files.flatMap((f) =>
    f.cases.map((c) => ({
      path: `${f.id}/${c.name}`,
      report: scoreEvaluation(buildCaseEvaluation(c.evaluation), f, {
        notApplicable: c.options.not_applicable,
      }),
    })),
  );

  it.each(['zh', 'en'] as const)('matches docs/score-output.schema.json (%s)', (lang) => {
    const out = presentScore(
      [
        ...all,
        {
          path: 'x.pdf',
          error: { code: 'no-system', message: { zh: '没有适用的指标体系', en: 'no system applies' } },
        },
      ],
      lang,
    );
    const parsed = ScoreOutputSchema.safeParse(JSON.parse(JSON.stringify(out)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(out.documents.at(-1)).toEqual({
      path: 'x.pdf',
      error: { code: 'no-system', message: lang === 'zh' ? '没有适用的指标体系' : 'no system applies' },
    });
  });

  it('writes exact decimals as strings and notes in the chosen language', () => {
    const gz = files.find((f) => f.id === 'gz-district-dept-overall');
    const haizhu = gz?.cases[0];
    if (!gz || !haizhu) throw new Error('fixture');
    const report = scoreEvaluation(buildCaseEvaluation(haizhu.evaluation), gz);
    const [doc] = presentScore([{ path: 'haizhu.pdf', report }], 'en').documents;
    if (!doc || !('indicators' in doc)) throw new Error('expected a scored document');
    const rate = doc.indicators.find((i) => i.id === 'lz.spending-rate');
    expect(rate?.points).toEqual({ lo: '10', hi: '10', text: '10.00' });
    expect(rate?.systemPoints).toBe('10');
    expect(rate?.value?.how).toBe('executed ÷ full-year budget × 100%');
    expect(rate?.stated?.score).toEqual({ text: '10', value: '10', decimals: 0, unit: 'point' });
    expect(rate?.stated?.interval).toEqual({ lo: '9.995', hi: '10.005', text: '10.00' });
    expect(rate?.note).toMatch(
      /^100.00% lies in the full-marks region \(≥ 99.955%\); the mapping is not official$/,
    );
    expect(doc.total).toMatchObject({ points: '100', status: 'reproduced' });
    expect(doc.grade).toMatchObject({ stated: '优', status: 'reproduced', possible: ['优'] });
    expect(doc.summary).toMatchObject({
      reproduced: 16,
      'accepted-as-stated': 15,
      'cannot-verify': 3,
      unsupported: 0,
    });
    expect(JSON.stringify(doc)).not.toMatch(/"\d+n"|bigint/);
  });
});
