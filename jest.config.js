/** Tests run on the TypeScript sources through ts-jest in ESM mode. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  testTimeout: 60000,
  // The project's own transform cache: several checkouts on one machine never share compiled test files.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
