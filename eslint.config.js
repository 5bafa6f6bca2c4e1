// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'data',
      'test-artifacts',
      'scripts/tmp-*',
      'scripts/.tmp-*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'bin/*'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Import bans that keep the architecture honest (docs/ARCHITECTURE.md).
  {
    files: ['src/domain/**'],
    ignores: ['**/*.test.ts'], // tests may read files and use the real readers
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^#(extract|verify|score|compile|app|adapters|cli|src)/' },
            { regex: '^node:' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extract/**'],
    ignores: ['**/*.test.ts'], // tests may read files and use the real readers
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^#(verify|score|compile|app|adapters|cli|src)/' }, { regex: '^node:' }] },
      ],
    },
  },
  {
    files: ['src/verify/**'],
    ignores: ['**/*.test.ts'], // tests may read files and use the real readers
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^#(extract|score|compile|app|adapters|cli|src)/' }, { regex: '^node:' }] },
      ],
    },
  },
  {
    files: ['src/compile/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^#(extract|verify|score|app|adapters|cli|src)/' },
            { regex: '^node:' },
            { regex: '^\\.\\./' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/score/**'],
    ignores: ['**/*.test.ts'], // tests may read files and use the real readers
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^#(extract|verify|app|adapters|cli|src)/' },
            { regex: '^node:' },
            { regex: '^\\.\\./' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**'],
    ignores: ['**/*.test.ts'], // tests may read files and use the real readers
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^#(adapters|cli|src)/' }] }] },
  },
);
