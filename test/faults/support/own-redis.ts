import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from './free-port';
import { ended, sleep } from './processes';

export interface OwnRedisOptions {
  /** `noeviction` unless a test wants the start-up check to refuse. */
  maxmemoryPolicy?: string;
  /** Renames CONFIG away, as managed services do. */
  forbidConfig?: boolean;
}

/**
 * A redis-server of the test's own on a free loopback port, with an
 * append-only file (fsync every second, as production runs) in a
 * temporary directory. It can be killed, restarted with its data (what
 * the AOF kept) or without, and is removed by `stop()`. The machine's
 * shared Redis is never touched.
 */
export class OwnRedis {
  private child?: ChildProcess;
  private starts = 0;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly options: OwnRedisOptions,
  ) {}

  static async start(options: OwnRedisOptions = {}): Promise<OwnRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'opsdesk-redis-'));
    const redis = new OwnRedis(await freePort(), dir, options);
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** SIGKILL, as a crash: whatever the AOF had not synced is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await ended(child);
    this.child = undefined;
  }

  /** SIGSTOP: the server keeps its connections and answers nothing. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT after `freeze`. */
  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  /** Kills the server and starts it again on the same port. */
  async restart(options: { keepData: boolean }): Promise<void> {
    await this.kill();
    if (!options.keepData) {
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
    }
    await this.launch();
  }

  async stop(): Promise<void> {
    // A frozen server would take SIGKILL anyway; thawed, it also exits
    // at once on platforms that queue signals to a stopped process.
    this.thaw();
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A client for the test itself (inspecting keys, counting jobs). */
  client(): Redis {
    return new Redis(this.url, { maxRetriesPerRequest: null });
  }

  private async launch(): Promise<void> {
    this.starts += 1;
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      this.options.maxmemoryPolicy ?? 'noeviction',
      '--logfile',
      join(this.dir, `redis-${this.starts}.log`),
      ...(this.options.forbidConfig ? ['--rename-command', 'CONFIG', ''] : []),
    ];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    await this.untilReady();
  }

  private async untilReady(): Promise<void> {
    const probe = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      for (let i = 0; i < 200; i++) {
        if (!this.child || this.child.exitCode !== null) {
          throw new Error(`redis-server on ${this.port} exited at start`);
        }
        try {
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) === 'PONG') return;
        } catch {
          await sleep(50);
        }
      }
      throw new Error(`redis-server on ${this.port} did not answer`);
    } finally {
      probe.disconnect();
    }
  }
}
