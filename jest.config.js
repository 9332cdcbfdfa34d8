/**
 * Three projects: `unit` (logic with injected fakes), and the end-to-end suite (the bundled
 * dist/index.js run as a child process against the local emulator) twice: on this machine's Node
 * and on Node 24, the runtime GitHub uses (`npm test` installs it first, see scripts/node24.mjs).
 * ESM throughout, as @actions/core 3 is ESM-only, so jest runs with --experimental-vm-modules.
 */
import { node24Path } from './scripts/node24.mjs'

const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.tools.json' }]
  }
}
const e2e = { ...shared, testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'], slowTestThreshold: 30 }

/**
 * Node 24 is what GitHub runs the action on: every end-to-end file runs there. This machine's Node
 * runs every file that shows the action working (each job type, inputs, the proxy, the comment,
 * local-action) but not the fault suite (faults-*, codegen-faults), whose subject is the action's
 * own logic under hostile answers, the same on both: it would double the suite's time for no
 * finding. local-action runs the sources on jest's own Node, whatever the project: once is enough.
 */
const FAULT_SUITE = '/__tests__/e2e/(faults-|codegen-faults)'
const projects = [
  { ...shared, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
  { ...e2e, displayName: `e2e (node ${process.versions.node})`, testPathIgnorePatterns: ['/node_modules/', FAULT_SUITE] },
  { ...e2e, displayName: 'e2e (node 24)', globals: { E2E_NODE: node24Path() }, testPathIgnorePatterns: ['/node_modules/', 'local-action'] }
]

// JEST_PROJECT=unit or e2e narrows the run (npm run test:unit / test:e2e) and still lets a path
// pattern follow on the command line, which --selectProjects would swallow.
const only = process.env.JEST_PROJECT
export default {
  // An end-to-end test runs the action as a child process, sometimes several times, and a fault
  // test waits through throttling; the machines are shared and noisy. (A global option: jest
  // ignores testTimeout in a project.)
  testTimeout: 90_000,
  // The end-to-end tests mostly wait on child processes and the emulator's clock, not the CPU:
  // more workers than cores (jest's default is cores - 1) cut the suite's wall time by half.
  maxWorkers: 4,
  projects: only ? projects.filter(project => project.displayName.startsWith(only)) : projects
}
