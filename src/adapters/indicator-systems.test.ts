import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INDICATOR_SYSTEMS_DIR,
  loadIndicatorSystemFiles,
  loadIndicatorSystems,
} from './indicator-systems.ts';

describe('indicator systems loader', () => {
  it('reads the same systems with or without the test cases', () => {
    const full = loadIndicatorSystemFiles().map(({ cases: _cases, path: _path, ...system }) => system);
    expect(full.map((s) => s.id)).toEqual(['gz-district-dept-overall', 'mof-project-selfeval']);
    expect(loadIndicatorSystems()).toEqual(full);
  });

  it('holds the reconstructed Guangzhou tree: 9 aggregates above 25 scored leaves', () => {
    const [gz] = loadIndicatorSystems();
    const parents = new Set(gz?.indicators.map((i) => i.parent));
    const leaves = gz?.indicators.filter((i) => !parents.has(i.id)) ?? [];
    expect(gz?.indicators.filter((i) => i.kind === 'aggregate')).toHaveLength(9);
    expect(leaves).toHaveLength(25);
    expect(leaves.filter((l) => l.parent?.startsWith('gl'))).toHaveLength(22);
  });

  it('names the file and the path of a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-systems-'));
    const good = readFileSync(join(INDICATOR_SYSTEMS_DIR, 'mof-project-selfeval.yaml'), 'utf8');
    writeFileSync(join(dir, 'broken.yaml'), good.replace('    points: 30\n', '    points: 35\n'));
    expect(() => loadIndicatorSystems(dir)).toThrow(
      /broken\.yaml: total_points: level-1 points add up to 105, not 100/,
    );
    expect(() => loadIndicatorSystemFiles(dir)).toThrow(
      /broken\.yaml: total_points: level-1 points add up to 105/,
    );
  });

  it('refuses two files with one system id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-systems-'));
    const good = readFileSync(join(INDICATOR_SYSTEMS_DIR, 'mof-project-selfeval.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), good);
    writeFileSync(join(dir, 'b.yaml'), good);
    expect(() => loadIndicatorSystems(dir)).toThrow(
      /b\.yaml: system id mof-project-selfeval is also used by .*a\.yaml/,
    );
  });

  it('says when a file is not YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-systems-'));
    writeFileSync(join(dir, 'bad.yaml'), 'id: [unclosed\n');
    expect(() => loadIndicatorSystemFiles(dir)).toThrow(/bad\.yaml: not valid YAML/);
  });
});
