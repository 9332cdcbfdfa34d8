/**
 * Two projects: `unit` (logic with injected fakes, fast) and `e2e` (the bundled dist/index.js run as
 * a child process against the local emulator). ESM throughout, as @actions/core 3 is ESM-only, so
 * jest runs with --experimental-vm-modules (see package.json scripts).
 */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.tools.json' }]
  }
}

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'], slowTestThreshold: 30 }
  ]
}
