import { describe, expect, it } from 'vitest';
import { dec } from './arith.ts';
import { describeIssues, IndicatorSystemFileSchema, IndicatorSystemSchema } from './system.schema.ts';

/** A small valid system; each test breaks one thing. */
function system(): Record<string, unknown> {
  return {
    id: 'test-system',
    version: '1',
    name: { zh: '测试', en: 'test' },
    scope: 'department',
    jurisdiction: { zh: '某地', en: 'somewhere', level: 'district' },
    years: { from: 2023 },
    status: 'reconstructed',
    status_note: { zh: '测试用', en: 'for tests' },
    sources: [{ id: 'seed', title: '某报告', kind: 'report' }],
    total_points: 100,
    score_decimals: 2,
    stated_score_min_decimals: 2,
    grade_bands: {
      bands: [
        { grade: '优', min: 90 },
        { grade: '良', min: 80, below: 90 },
        { grade: '中', min: 60, below: 80 },
        { grade: '差', min: 0, below: 60 },
      ],
    },
    targets: { reverse: 'ratio', qualitative: { met: [0.8, 1], partly_met: [0.6, 0.8], not_met: [0, 0.6] } },
    indicators: [
      { id: 'a', name_zh: '甲', name_en: 'A', points: 60, kind: 'aggregate' },
      {
        id: 'a.x',
        parent: 'a',
        name_zh: '甲一',
        name_en: 'A1',
        points: '39.5',
        kind: 'evidence',
        rubric: { zh: '有', en: 'has' },
      },
      {
        id: 'a.y',
        parent: 'a',
        name_zh: '甲二率',
        name_en: 'A2',
        points: '20.5',
        kind: 'computed',
        inputs: { n: { label: { zh: '数', en: 'n' }, budget: 'executed' } },
        value: [{ input: 'n' }],
        mapping: { status: 'unknown', may_conclude: 'full-marks' },
      },
      { id: 'b', name_zh: '乙', name_en: 'B', points: 40, kind: 'manual', rubric: { zh: '评', en: 'judge' } },
    ],
  };
}

function problems(input: unknown): string[] {
  const r = IndicatorSystemSchema.safeParse(input);
  return r.success ? [] : describeIssues(r.error);
}

function edit(f: (s: Record<string, unknown> & { indicators: Record<string, unknown>[] }) => void) {
  const s = system() as Record<string, unknown> & { indicators: Record<string, unknown>[] };
  f(s);
  return s;
}

describe('indicator system schema', () => {
  it('accepts a valid system and reads points as exact decimals', () => {
    const r = IndicatorSystemSchema.parse(system());
    expect(r.indicators.map((i) => i.points)).toEqual([dec('60'), dec('39.5'), dec('20.5'), dec('40')]);
    expect(dec('39.5')).toBe(39_500_000_000_000n);
    expect(r.indicators[1]?.na_policy).toBe('none');
  });

  it.each([
    [
      'children that do not add up',
      edit((s) => {
        s.indicators[1] = { ...s.indicators[1], points: 39 };
      }),
      ["indicators.0.points: a: children's points add up to 59.5, not 60"],
    ],
    [
      'a parent defined below its child',
      edit((s) => {
        s.indicators.reverse();
      }),
      [
        'indicators.1.parent: a.y: parent a is not defined above it',
        'indicators.2.parent: a.x: parent a is not defined above it',
      ],
    ],
    [
      'two indicators whose names read the same',
      edit((s) => {
        s.indicators[3] = { ...s.indicators[3], aliases: ['甲二情况'] };
      }),
      ['indicators: "甲二情况" of b reads the same as a name of a.y (甲二)'],
    ],
    [
      'a computed value naming an unknown input',
      edit((s) => {
        s.indicators[2] = { ...s.indicators[2], value: [{ ratio: ['n', 'd'] }] };
      }),
      ['indicators.2.value.0: a.y: unknown input d'],
    ],
    [
      'a candidate mapping claiming to conclude scores',
      edit((s) => {
        s.indicators[2] = { ...s.indicators[2], mapping: { status: 'candidate', may_conclude: 'score' } };
      }),
      [
        'indicators.2.mapping.function: a.y: concluding a score needs the function',
        'indicators.2.mapping.may_conclude: a.y: only an official mapping may conclude a score, and it does',
      ],
    ],
    [
      'a typo in a key',
      edit((s) => {
        s.indicators[0] = { ...s.indicators[0], pionts: 60 };
      }),
      ['indicators.0: Unrecognized key: "pionts"'],
    ],
    [
      'a points value that is not a number',
      edit((s) => {
        s.indicators[3] = { ...s.indicators[3], points: 'forty' };
      }),
      ['indicators.3.points: "forty" is not a decimal number'],
    ],
    [
      'grade bands with a gap',
      edit((s) => {
        s.grade_bands = {
          bands: [
            { grade: '优', min: 90 },
            { grade: '良', min: 0, below: 85 },
          ],
        };
      }),
      ['grade_bands.bands.1: band 良 must end where 优 begins'],
    ],
    [
      'an unknown source',
      edit((s) => {
        s.indicators[3] = { ...s.indicators[3], sources: ['nowhere'] };
      }),
      ['indicators.3.sources.0: b: unknown source nowhere'],
    ],
  ])('names the path of %s', (_what, input, want) => {
    expect(problems(input)).toEqual(want);
  });

  it('requires test cases in a file', () => {
    const r = IndicatorSystemFileSchema.safeParse({ ...system(), cases: [] });
    expect(r.success ? [] : describeIssues(r.error)).toEqual([
      'cases: every indicator system file carries at least one test case',
    ]);
  });
});
