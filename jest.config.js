/* eslint-env node */
/** @type {import('jest').Config} */
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

module.exports = {
  // A global option (projects cannot set it): on two cores under a full run, a test of forty
  // concurrent store writers took more than Jest's default 5 s. Tests that wait longer say so.
  testTimeout: 60_000,
  projects: [
    // The CLI tests run the built portctl (lib/cli/portctl.js): built first, when out of date.
    project('unit', ['<rootDir>/test/unit/**/*.test.ts'], {
      globalSetup: '<rootDir>/test/support/build-cli.ts',
    }),
    project('workflows', ['<rootDir>/test/workflows/**/*.test.ts']),
    project('e2e', ['<rootDir>/test/e2e/**/*.test.ts']),
    // Playwright driving Debian's Chromium (scripts/servers/chromium.sh) against the e2e stack's /console/.
    project('browser', ['<rootDir>/test/browser/**/*.test.ts']),
  ],
};
