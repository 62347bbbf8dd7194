// The soak mode runs only `soak.run.ts`, in one jest process, with no time
// limit of jest's own: the run bounds itself (SOAK_DEADLINE_MS).
const root = require('../../jest.config.js');

const integration = root.projects.find((p) => p.displayName === 'int');

module.exports = {
  ...integration,
  rootDir: `${__dirname}/../..`,
  displayName: 'soak',
  testMatch: ['<rootDir>/test/faults/soak.run.ts'],
  testTimeout: 7 * 24 * 3600_000,
  cacheDirectory: '<rootDir>/.jest-cache',
};
