/** Tests run against a real PostgreSQL: DATABASE_URL's server, else an embedded one (tests/helpers/global-setup.ts). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // ts-jest (TypeScript's own emit): swc's CommonJS live-binding getters break decorator
  // metadata on circular type imports (type-graphql object types refer to each other).
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
