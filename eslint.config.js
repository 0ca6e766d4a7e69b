// @ts-check
const tseslint = require('typescript-eslint');
const js = require('@eslint/js');
const { builtinModules } = require('node:module');

// Workflows run in Temporal's deterministic sandbox: no Node built-ins, no I/O libraries,
// and never the activity implementations (only their types, through proxyActivities).
const forbiddenInWorkflows = [
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
  'mongoose',
  'express',
  'nodemailer',
  '@temporalio/activity',
  '@temporalio/client',
  '@temporalio/worker',
];

module.exports = tseslint.config(
  {
    ignores: [
      'jest.config.js',
      'node_modules/**',
      'lib/**',
      '.local/**',
      'coverage/**',
      'eslint.config.js',
      'console/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The portctl bin's committed CommonJS shim, run by Node as is (bin/portctl.js).
    files: ['bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInWorkflows.map((name) => ({
            name,
            message: 'Not allowed in deterministic workflow code.',
          })),
          patterns: [
            {
              group: ['**/activities/*', '!**/activities/types'],
              message: 'Import activity types only (activities/types).',
            },
            {
              group: ['**/store/*', '**/api/*', '**/notifications/*'],
              message: 'I/O modules are not allowed in workflow code.',
            },
          ],
        },
      ],
    },
  },
);
