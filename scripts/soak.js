#!/usr/bin/env node
// The fault harness in soak mode: `node scripts/soak.js --tickets 20000`.
// Builds the apps, then runs test/faults/soak.run.ts through jest with the
// options as SOAK_* variables; prints progress, then one summary line, and
// exits non-zero if a ticket was lost, doubled or diverged.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const OPTIONS = {
  '--tickets': 'SOAK_TICKETS',
  '--seed': 'SOAK_SEED',
  '--workers': 'SOAK_WORKERS',
  '--faults': 'SOAK_FAULTS',
  '--pause-ms': 'SOAK_PAUSE_MS',
  '--max-open': 'SOAK_MAX_OPEN',
  '--duplicate-rate': 'SOAK_DUPLICATE_RATE',
  '--deadline-ms': 'SOAK_DEADLINE_MS',
  '--progress-ms': 'SOAK_PROGRESS_MS',
  '--name': 'SOAK_NAME',
};

const USAGE = `usage: node scripts/soak.js [--tickets 20000] [--seed soak]
  [--workers 3] [--faults all|none|kind,kind…] [--pause-ms 2000,5000]
  [--max-open 400] [--duplicate-rate 0.05] [--deadline-ms …]
  [--progress-ms 30000] [--name soak]
fault kinds: kill-worker crash-worker-after-append crash-worker-after-notify
  stall-worker kill-projector crash-projector-before-enqueue
  crash-projector-before-checkpoint restart-redis wipe-redis
  restart-postgres duplicate-handoffs`;

const env = { ...process.env };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split('=');
  if (flag === '--help' || flag === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const name = OPTIONS[flag];
  const value = inline ?? argv[++i];
  if (!name || value === undefined) {
    process.stderr.write(
      `soak: unknown or incomplete option ${argv[i]}\n${USAGE}\n`,
    );
    process.exit(2);
  }
  env[name] = value;
}

const root = join(__dirname, '..');
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;

const tsc = join(root, 'node_modules', '.bin', 'tsc');
if (run(tsc, ['-b', 'tsconfig.build.json']) !== 0) process.exit(1);
const jest = join(root, 'node_modules', '.bin', 'jest');
process.exit(
  run(jest, ['--config', 'test/faults/jest.soak.config.js', '--runInBand']),
);
