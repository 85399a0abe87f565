'use strict';

/** Unit and component tests (tests/unit) and the local emulator's own tests (tests/emulator). */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/tests/unit', '<rootDir>/tests/emulator'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } }, target: 'es2019' } }]
  },
  moduleNameMapper: {
    '\\.(css|scss)$': 'identity-obj-proxy',
    '^ImprovementPlanWebPartStrings$': '<rootDir>/tests/support/strings.js'
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts']
};
