import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchema, SCHEMA_FILES } from '../../scripts/write-schemas.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';

describe('published schemas', () => {
  it.each(Object.entries(SCHEMA_FILES))('%s is current (npm run schemas)', (file, make) => {
    expect(readFileSync(join(PROJECT_ROOT, file), 'utf8')).toBe(renderSchema(make));
  });
});
