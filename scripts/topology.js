#!/usr/bin/env node
// `npm run topology`: opsdesk past one machine, on this one. Starts a
// three-master Redis Cluster on loopback ports, two API processes, two
// worker processes (each consumes every role's queue, so every role has
// two competing workers) and two projectors (one active, one standing by
// on the leases), runs the demo scenarios through both APIs at once,
// prints a summary and stops everything it started, by pid, on exit or
// Ctrl-C. Needs redis-server and redis-cli on the PATH, a PostgreSQL at
// DATABASE_URL, and a build (`npm run topology` builds first).
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const DATABASE_URL =
  process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// A schema of its own, dropped at the end unless KEEP_SCHEMA=1.
const SCHEMA = `topology_${randomBytes(4).toString('hex')}`;
const PREFIX = 'opsdesk-topology';
const STATION_FAULT_ROLES = [
  'cs-phone-agent',
  'dispatch-manager',
  'regional-platform',
  'regional-inspector',
  'station-manager',
  'station-ops-team',
  'charging-pile-supplier',
];

const dir = mkdtempSync(join(tmpdir(), 'opsdesk-topology-'));
/** Every process this script started: { name, child }. */
const started = [];
let stopping = false;

function say(line) {
  process.stdout.write(`${line}\n`);
}

function canBind(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** A free loopback port; for Redis also its cluster bus port (+10000). */
async function freePort(taken, withBus = false) {
  for (let tries = 0; tries < 100; tries++) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if (taken.includes(port)) continue;
    if (!(await canBind(port))) continue;
    if (withBus && !(await canBind(port + 10000))) continue;
    taken.push(port);
    return port;
  }
  throw new Error('no free loopback port in 20000-40000');
}

function start(name, command, args, env = {}, { announceExit = true } = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-200000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    if (!stopping && announceExit)
      say(`! ${name} (pid ${child.pid}) ended: ${signal ?? code}`);
  });
  const entry = { name, child, output: () => output };
  started.push(entry);
  return entry;
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

async function until(what, check, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function redisCli(port, ...args) {
  return execFileSync('redis-cli', ['-p', String(port), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

async function startCluster(ports) {
  for (const port of ports) {
    start(`redis ${port}`, 'redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ]);
  }
  for (const port of ports) {
    await until(`redis-server on ${port}`, () =>
      redisCli(port, 'ping').includes('PONG'),
    );
  }
  execFileSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    { stdio: 'ignore' },
  );
  for (const port of ports) {
    await until(`cluster_state:ok on ${port}`, () =>
      redisCli(port, 'cluster', 'info').includes('cluster_state:ok'),
    );
  }
}

function app(name) {
  const entry = join(ROOT, 'apps', name, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: npm run build`);
  return entry;
}

async function healthy(port) {
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    signal: AbortSignal.timeout(2000),
  });
  return response.ok;
}

/** Runs the demo's scenarios against one API; resolves with its exit code. */
function demoThrough(port, env) {
  const demo = start(
    `demo via :${port}`,
    process.execPath,
    [join(ROOT, 'apps', 'api', 'dist', 'demo', 'main.js')],
    { ...env, OPSDESK_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' },
    { announceExit: false },
  );
  return new Promise((done) =>
    demo.child.once('exit', (code) => done({ code, output: demo.output() })),
  );
}

async function summary(redisPorts, workers) {
  const { Queue } = require('bullmq');
  const { Cluster } = require('ioredis');
  const { Client } = require('pg');
  const nodes = redisPorts.map((port) => ({ host: '127.0.0.1', port }));

  say('\njobs per role and worker process (completed):');
  for (const role of STATION_FAULT_ROLES) {
    const connection = new Cluster(nodes, {
      redisOptions: { maxRetriesPerRequest: null },
    });
    const queue = new Queue(role, {
      connection,
      prefix: `${PREFIX}:{${role}}`,
    });
    try {
      const jobs = await queue.getCompleted(0, -1);
      const byPid = {};
      for (const job of jobs) {
        const pid = String(job.processedBy ?? '?')
          .split('/')
          .pop();
        byPid[pid] = (byPid[pid] ?? 0) + 1;
      }
      const spread = workers
        .map((w) => `pid ${w.child.pid}: ${byPid[String(w.child.pid)] ?? 0}`)
        .join(', ');
      say(
        `  ${role.padEnd(24)} ${String(jobs.length).padStart(3)}  (${spread})`,
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }

  say('\nqueues (hash tags) per Redis master:');
  for (const port of redisPorts) {
    const keys = redisCli(port, '--scan', '--pattern', `${PREFIX}:*`)
      .split('\n')
      .filter(Boolean);
    const tags = new Set(keys.map((key) => /\{([^}]+)\}/.exec(key)?.[1]));
    say(
      `  127.0.0.1:${port}  ${keys.length} keys, ${tags.size} queues: ${[...tags].sort().join(' ')}`,
    );
  }

  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await db.query(`SET search_path TO ${SCHEMA}`);
    const leases = await db.query(
      'SELECT holder, count(*)::int AS n FROM consumer_leases GROUP BY holder ORDER BY holder',
    );
    say('\nlog consumers per projector (leases):');
    for (const row of leases.rows) say(`  ${row.holder}: ${row.n}`);
    const tickets = await db
      .query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.events WHERE type = 'station-fault.ticket-closed'`,
      )
      .catch(() => ({ rows: [] }));
    if (tickets.rows[0])
      say(`station-fault tickets closed: ${tickets.rows[0].n}`);
  } finally {
    await db.end();
  }
}

async function dropSchema() {
  if (process.env.KEEP_SCHEMA === '1') {
    say(`schema ${SCHEMA} kept (KEEP_SCHEMA=1)`);
    return;
  }
  const { Client } = require('pg');
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await db.end();
  }
}

async function stopAll() {
  if (stopping) return;
  stopping = true;
  // Apps first (SIGTERM: they drain), Redis last; each by its own pid.
  const apps = started.filter((s) => !s.name.startsWith('redis'));
  const redis = started.filter((s) => s.name.startsWith('redis'));
  for (const group of [apps, redis]) {
    await Promise.all(
      group.map(
        ({ child }) =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null)
              return done();
            const hard = setTimeout(() => child.kill('SIGKILL'), 15000);
            child.once('exit', () => {
              clearTimeout(hard);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const taken = [];
  const redisPorts = [];
  for (let i = 0; i < 3; i++) redisPorts.push(await freePort(taken, true));
  const apiPorts = [await freePort(taken), await freePort(taken)];

  say(`Redis Cluster on ${redisPorts.map((p) => `127.0.0.1:${p}`).join(', ')}`);
  await startCluster(redisPorts);

  const env = {
    DATABASE_URL,
    DATABASE_SCHEMA: SCHEMA,
    REDIS_CLUSTER_NODES: redisPorts.map((p) => `127.0.0.1:${p}`).join(','),
    QUEUE_PREFIX: PREFIX,
    AUTH_SIGNING_KEY: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };

  // The first API migrates the schema; the others start on a migrated one.
  for (const port of apiPorts) {
    start(`api :${port}`, process.execPath, [app('api')], {
      ...env,
      PORT: String(port),
    });
    await until(`the API on ${port}`, () => healthy(port));
  }
  const workers = [1, 2].map((n) =>
    start(`worker ${n}`, process.execPath, [app('worker'), '--role', 'all'], {
      ...env,
      LOG_LEVEL: 'info',
    }),
  );
  for (const n of [1, 2]) {
    start(`projector ${n}`, process.execPath, [app('projector')], env);
  }
  await until('both workers', () =>
    workers.every((w) => w.output().includes('role workers started')),
  );
  for (const entry of started)
    say(`  ${entry.name.padEnd(18)} pid ${entry.child.pid}`);

  say(
    `\nload: the demo scenarios through both APIs at once (schema ${SCHEMA})`,
  );
  const runs = await Promise.all(
    apiPorts.map((port) => demoThrough(port, env)),
  );
  runs.forEach((run, i) =>
    say(
      `  via :${apiPorts[i]}: ${run.code === 0 ? 'all scenarios ended as expected' : `FAILED (exit ${run.code})\n${run.output.slice(-2000)}`}`,
    ),
  );
  await summary(redisPorts, workers);
  if (runs.some((run) => run.code !== 0)) process.exitCode = 1;
}

let finishing;
function finish(code) {
  finishing ??= (async () => {
    await stopAll().catch((error) => say(`stopping: ${error.message}`));
    await dropSchema().catch((error) =>
      say(`dropping ${SCHEMA}: ${error.message}`),
    );
    say('everything this script started is stopped');
    process.exit(code ?? process.exitCode ?? 0);
  })();
  return finishing;
}

process.on('SIGINT', () => finish(130));
process.on('SIGTERM', () => finish(143));
main().then(
  () => finish(),
  (error) => {
    say(`topology: ${error.message}`);
    return finish(1);
  },
);
