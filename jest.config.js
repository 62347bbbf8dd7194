// Tests run on the TypeScript sources through swc; tsc type-checks them
// separately (npm run typecheck) because swc does not.
const { compilerOptions } = require('./tsconfig.base.json');

// NestJS 12 packages are ESM-only; jest on Node 20 cannot require() ESM,
// so swc also transforms these packages from node_modules.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  '@standard-schema',
].join('|');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
      },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages})/)`],
  moduleNameMapper,
  setupFiles: ['<rootDir>/test/setup/env.js'],
  testEnvironment: 'node',
};

module.exports = {
  cacheDirectory: '<rootDir>/.jest-cache',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Int and e2e tests start servers and child processes; a minute each
  // is a bound for a hung test, not a measured duration.
  testTimeout: 60_000,
  // Two files at a time: the long fault and audit files then overlap the
  // rest. More would outgrow PostgreSQL's 100 connections, since every
  // system a test starts opens pools of its own.
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
