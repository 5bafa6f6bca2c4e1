import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#adapters/paths.ts';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';

/** A dataset fixture from fixtures/datasets/, parsed (defaults applied) as the compiler receives it. */
export function datasetFixture(name: string): Dataset {
  const path = join(PROJECT_ROOT, 'fixtures', 'datasets', `${name}.json`);
  return DatasetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** A deep copy to change in a test without touching the fixture others read. */
export function copyDataset(ds: Dataset): Dataset {
  return structuredClone(ds);
}
