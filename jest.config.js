'use strict';

/** Unit and component tests (tests/unit). Integration and browser tests have their own configs. */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/tests/unit'],
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
