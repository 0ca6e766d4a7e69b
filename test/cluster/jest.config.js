// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, as jest loads it */
/* global require, module, __dirname */
/**
 * The cluster tests (`npm run test:cluster`): a jest configuration of their own, so `npm test` (and
 * CI) never starts them; docs/cluster.md says why, and has their last run's figures.
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'cluster',
  testMatch: ['<rootDir>/test/cluster/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};
