'use strict';

/**
 * One jest project per layer, so each can be run alone (`npm run test:unit`,
 * `test:integration`, `test:browser`; `npm test` runs them all):
 * - unit: the model, services' mapping and components (tests/unit; component files
 *   pick jsdom in their docblock);
 * - emulator: the local emulator's own tests (tests/emulator);
 * - integration: the real services against the emulator over HTTP (tests/integration);
 * - browser: the local page in Chromium (tests/browser; needs scripts/build-host.js first).
 */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } }, target: 'es2019' } }]
  },
  // PnPjs ships as ES modules only: compile it like our own code.
  transformIgnorePatterns: ['/node_modules/(?!@pnp/)'],
  moduleNameMapper: {
    '\\.(css|scss)$': 'identity-obj-proxy',
    '^ImprovementPlanWebPartStrings$': '<rootDir>/tools/strings.js'
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts']
};

/** A project named after its layer, running the tests in tests/<folder>. */
const layer = (name, folder = name) => ({ ...shared, displayName: name, roots: [`<rootDir>/tests/${folder}`] });

module.exports = {
  projects: [layer('unit'), layer('emulator'), layer('integration'), layer('browser')],
  // Jest reads this for the whole run, not per project. Integration and browser tests start an emulator per file; on a busy two-core machine that alone can pass jest's default 5 s.
  testTimeout: 30000
};
