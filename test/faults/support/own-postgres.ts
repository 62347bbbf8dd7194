import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { run, sleep } from './processes';

const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of the test's own: `initdb` in a temporary
 * directory, `pg_ctl` on a free loopback port, trust authentication for
 * the `postgres` user, so it can be restarted mid-run without touching
 * the machine's shared server. initdb refuses to run as root; as root the
 * tools run as the `postgres` system user (`runuser`), which then owns the
 * directory.
 */
export class OwnPostgres {
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly asUser: string | undefined,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'opsdesk-pg-'));
    const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
    if (asUser) {
      const { uid, gid } = await userIds(asUser);
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    const cluster = new OwnPostgres(await freePort(), dir, asUser);
    await cluster.tool('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await cluster.pgCtl(['start', '-w', '-l', join(dir, 'server.log')]);
    await cluster.untilReady();
    return cluster;
  }

  /** The `postgres` database of this cluster. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /**
   * Restarts the server: `fast` rolls back open transactions and closes
   * every connection; `immediate` is a crash (recovery at start).
   */
  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pgCtl(['stop', '-w', '-m', mode]);
    await this.pgCtl(['start', '-w', '-l', join(this.dir, 'server.log')]);
    await this.untilReady();
  }

  async stop(): Promise<void> {
    await this.pgCtl(['stop', '-w', '-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private pgCtl(args: string[]): Promise<string> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    return this.tool('pg_ctl', ['-D', this.dataDir, '-o', options, ...args]);
  }

  private tool(name: string, args: string[]): Promise<string> {
    const path = join(BIN, name);
    return this.asUser
      ? run('runuser', ['-u', this.asUser, '--', path, ...args])
      : run(path, args);
  }

  private async untilReady(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const client = new Client({ connectionString: this.url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        await sleep(50);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new Error(`PostgreSQL on ${this.port} did not answer`);
  }
}

async function userIds(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', user]),
    run('id', ['-g', user]),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
