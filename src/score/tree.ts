import type { IndicatorTree } from '#domain/indicator-tree.ts';
import type { SelfEvaluation } from '#domain/self-evaluation.ts';
import type { IndicatorSystem } from './system.schema.ts';

/** The part of a system the checks rest on: which indicator sums which, and the points. */
export function indicatorTree(system: IndicatorSystem): IndicatorTree {
  return {
    systemId: system.id,
    version: system.version,
    scope: system.scope,
    name: system.name,
    nodes: system.indicators.map((i) => ({
      id: i.id,
      parent: i.parent,
      name: i.name_zh,
      aliases: i.aliases,
      points: i.points,
      aggregate: i.kind === 'aggregate',
    })),
  };
}

/**
 * The system a report is scored on when none is named: one of the report's scope whose years include the
 * report's year, preferring one whose `applies_to` names the organisation (广州市…区…局), then a national one.
 */
export function chooseSystem(
  systems: readonly IndicatorSystem[],
  evaluation: SelfEvaluation,
  org: string | undefined,
  year: number | undefined,
): IndicatorSystem | undefined {
  const fits = systems.filter(
    (s) =>
      s.scope === evaluation.scope &&
      (year === undefined || (s.years.from <= year && (s.years.to === undefined || year <= s.years.to))),
  );
  const local = fits.find(
    (s) => org !== undefined && (s.applies_to?.org ?? []).some((p) => new RegExp(p, 'u').test(org)),
  );
  return local ?? fits.find((s) => s.jurisdiction.level === 'national');
}
