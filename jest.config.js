'use strict';

/**
 * Unit and component tests (tests/unit), the local emulator's own tests
 * (tests/emulator) and integration tests of the real services against the emulator
 * over HTTP (tests/integration) and the local page in Chromium (tests/browser).
 */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/tests/unit', '<rootDir>/tests/emulator', '<rootDir>/tests/integration', '<rootDir>/tests/browser'],
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
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
  // Integration and browser tests start an emulator per file; on a busy two-core machine that alone can pass jest's default 5 s.
  testTimeout: 30000
};
