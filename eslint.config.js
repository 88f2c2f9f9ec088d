// Lint rules that matter for Temporal code: unawaited promises lose errors (and, in workflows,
// break determinism guarantees), and workflow code must not reach Node built-ins or activities' values.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every module Node ships, as Node itself lists them (so a new one is covered without editing this file). The
// `_http_agent`-style internals are left out; modules that exist only with the `node:` prefix (e.g. `node:test`
// on newer Node) are listed by that name alone.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const builtinMessage = 'Workflow code is deterministic and bundled: no Node built-ins.';

export default tseslint.config(
  { ignores: ['node_modules/**', '.tools/**', 'data/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'client/cli/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Activities, handlers and factories are async by contract even when a body has nothing to await.
      '@typescript-eslint/require-await': 'off',
      'object-shorthand': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // domain/ is in the workflow bundle too (workflows import it): the same restrictions hold there.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.flatMap((name) =>
            name.startsWith('node:')
              ? [{ name, message: builtinMessage }]
              : [
                  { name, message: builtinMessage },
                  { name: `node:${name}`, message: builtinMessage },
                ],
          ),
          patterns: [
            {
              group: ['**/activities/**', '!**/activities/types*'],
              importNamePattern: '.',
              allowTypeImports: true,
              message: 'Import activities as types only and call them through proxyActivities.',
            },
            {
              // store/ left activities/ so the web can share it; workflows still reach the database only through them.
              group: ['**/store/**', '**/store'],
              importNamePattern: '.',
              allowTypeImports: true,
              message: 'Workflow code does no I/O: read and write the SQL store through activities.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
