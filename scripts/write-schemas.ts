/** Writes the published JSON schemas in docs/ from their zod definitions: `npm run schemas`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutputJsonSchema } from '#app/check-output.schema.ts';
import { scoreOutputJsonSchema } from '#app/score-output.schema.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';
import { datasetJsonSchema } from '#compile/dataset.ts';

export const SCHEMA_FILES = {
  'docs/check-output.schema.json': checkOutputJsonSchema,
  'docs/score-output.schema.json': scoreOutputJsonSchema,
  'docs/dataset.schema.json': datasetJsonSchema,
} as const;

export function renderSchema(make: () => unknown): string {
  return JSON.stringify(make(), null, 2) + '\n';
}

if (process.argv[1]?.endsWith('write-schemas.ts')) {
  for (const [file, make] of Object.entries(SCHEMA_FILES)) {
    writeFileSync(join(PROJECT_ROOT, file), renderSchema(make));
    console.log(`wrote ${file}`);
  }
}
