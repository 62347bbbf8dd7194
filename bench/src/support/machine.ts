import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { Client } from 'pg';
import Redis from 'ioredis';
import { BENCH_DATABASE_URL } from './bench-database';
import { BENCH_REDIS_URL } from './bench-redis';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  redis: string;
  loadAverageAtStart: number[];
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return cpus().length;
  }
}

/** What the figures were measured on. */
export async function machineInfo(): Promise<MachineInfo> {
  const client = new Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  const settings: Record<string, string> = {};
  let postgres = '';
  try {
    postgres = (
      await client.query<{ server_version: string }>('SHOW server_version')
    ).rows[0].server_version;
    for (const name of [
      'shared_buffers',
      'fsync',
      'synchronous_commit',
      'max_connections',
    ]) {
      const row = await client.query<Record<string, string>>(`SHOW ${name}`);
      settings[name] = Object.values(row.rows[0])[0];
    }
  } finally {
    await client.end();
  }
  const redis = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 1 });
  let redisVersion = '';
  try {
    const info = await redis.info('server');
    redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? '';
  } finally {
    redis.disconnect();
  }
  return {
    nproc: nproc(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: type(),
    node: process.version,
    postgres,
    postgresSettings: settings,
    redis: redisVersion,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
