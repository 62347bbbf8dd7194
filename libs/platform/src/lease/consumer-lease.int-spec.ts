import type { Pool, PoolClient } from 'pg';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { eventually } from '../../../../test/support/eventually';
import { createLogger } from '../logger';
import { runMigrations } from '../postgres';
import {
  ActiveStandby,
  type Fence,
  type StandbyConsumer,
} from './active-standby';
import { assertLeaseHeld, ConsumerLease } from './consumer-lease';
import { fenceLeaseQuery } from './fence-lease-query';
import { LeaseLostError } from './lease.errors';
import { leaseMigrations } from './lease.migrations';

const TTL_MS = 60_000;

describe('consumer leases in PostgreSQL', () => {
  let db: TestSchema;
  let pool: Pool;
  let leaseNo = 0;

  beforeAll(async () => {
    db = await createTestSchema('lease');
    pool = db.pool;
    await runMigrations(pool, db.schema, [
      ...leaseMigrations,
      {
        id: 'test/effects',
        sql: 'CREATE TABLE effects (lease text, token bigint)',
      },
    ]);
  });

  afterAll(() => db.drop());

  /** A fresh lease name, taken by two holders. */
  function contenders(ttlMs = TTL_MS) {
    const name = `lease-${++leaseNo}`;
    return {
      name,
      first: new ConsumerLease(pool, name, 'first', ttlMs),
      second: new ConsumerLease(pool, name, 'second', ttlMs),
    };
  }

  /** Ends the current holding as if its holder fell silent long ago. */
  async function expire(name: string): Promise<void> {
    await pool.query(
      `UPDATE consumer_leases SET expires_at = now() - interval '1 s'
        WHERE name = $1`,
      [name],
    );
  }

  /** One write the way a consumer makes it: fence first, in one transaction. */
  async function fencedWrite(name: string, token: string): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await assertLeaseHeld(client, name, token);
      await client.query('INSERT INTO effects VALUES ($1, $2)', [name, token]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async function effects(name: string): Promise<string[]> {
    const { rows } = await pool.query<{ token: string }>(
      'SELECT token FROM effects WHERE lease = $1 ORDER BY token',
      [name],
    );
    return rows.map((r) => r.token);
  }

  describe('held by one instance', () => {
    it('is refused to a second one until it lapses, then passes with the next token', async () => {
      const { name, first, second } = contenders();
      const token = await first.tryAcquire();
      expect(token).toBe('1');
      expect(await second.tryAcquire()).toBeUndefined();
      expect(await first.renew('1')).toBe(true);

      await expire(name);

      expect(await second.tryAcquire()).toBe('2');
      expect(await first.renew('1')).toBe(false);
      expect(await first.tryAcquire()).toBeUndefined();
    });

    it('passes at once when its holder releases it', async () => {
      const { first, second } = contenders();
      await first.release((await first.tryAcquire())!);
      expect(await second.tryAcquire()).toBe('2');
    });
  });

  describe('taken over while the former holder was paused', () => {
    it('refuses the former holder its write even before the new one wrote anything', async () => {
      const { name, first, second } = contenders();
      const former = (await first.tryAcquire())!;
      await fencedWrite(name, former);
      await expire(name);
      const current = (await second.tryAcquire())!;

      await expect(fencedWrite(name, former)).rejects.toMatchObject({
        code: 'LEASE_LOST',
        lease: name,
        fencingToken: former,
      });
      expect(await effects(name)).toEqual([former]);
      await fencedWrite(name, current);
      expect(await effects(name)).toEqual([former, current]);
    });

    it('lets a takeover wait for a fenced transaction that began before it', async () => {
      const { name, first, second } = contenders();
      const former = (await first.tryAcquire())!;
      await expire(name);
      const client = await pool.connect();
      try {
        const { rows: own } = await client.query<{ pid: number }>(
          'SELECT pg_backend_pid() AS pid',
        );
        await client.query('BEGIN');
        await assertLeaseHeld(client, name, former);
        const takeover = second.tryAcquire();
        // The takeover's update waits on the share lock of the fence.
        await eventually(async () => {
          const { rows } = await pool.query(
            `SELECT pid FROM pg_stat_activity
              WHERE $1 = ANY (pg_blocking_pids(pid))`,
            [own[0].pid],
          );
          expect(rows).toHaveLength(1);
        });
        await client.query('INSERT INTO effects VALUES ($1, $2)', [
          name,
          former,
        ]);
        await client.query('COMMIT');
        expect(await takeover).toBe('2');
      } finally {
        client.release();
      }
      expect(await effects(name)).toEqual([former]);
    });

    it('lets a takeover through once a fenced transaction has sat idle past the limit', async () => {
      const { name, first, second } = contenders();
      const former = (await first.tryAcquire())!;
      await expire(name);
      const client = await pool.connect();
      const connectionErrors: unknown[] = [];
      client.on('error', (error) => connectionErrors.push(error));
      try {
        await client.query('BEGIN');
        await assertLeaseHeld(client, name, former, 300);
        // Frozen here: the holder sends nothing more. The server ends
        // its session, which frees the lock the takeover waits on.
        expect(await second.tryAcquire()).toBe('2');
        await expect(
          client.query('INSERT INTO effects VALUES ($1, $2)', [name, former]),
        ).rejects.toThrow();
      } finally {
        client.release(true);
      }
      expect(await effects(name)).toEqual([]);
    });
  });

  describe('driving two consumers through ActiveStandby', () => {
    /** Records its starts and stops; `write` commits under its fence. */
    function recordingConsumer() {
      const events: string[] = [];
      let fence: Fence | undefined;
      const consumer: StandbyConsumer & {
        events: string[];
        write(): Promise<void>;
      } = {
        events,
        start(f) {
          fence = f;
          events.push(`start:${f.token}`);
          return Promise.resolve();
        },
        stop() {
          events.push('stop');
          return Promise.resolve();
        },
        async write() {
          const client: PoolClient = await pool.connect();
          try {
            await client.query('BEGIN');
            const { rows } = await client.query<{ token: string }>(
              `WITH ${fenceLeaseQuery(1, 2)}
               SELECT fencing_token::text AS token FROM fence_lease`,
              [fence!.lease, String(fence!.idleLimitMs)],
            );
            fence!.confirm(rows[0]?.token);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          } finally {
            client.release();
          }
        },
      };
      return consumer;
    }

    function standby(name: string, holder: string, consumer: StandbyConsumer) {
      return new ActiveStandby({
        lease: new ConsumerLease(pool, name, holder, 1000),
        consumer,
        pollMs: 50,
        ttlMs: 1000,
        logger: createLogger('lease-test', 'silent'),
      });
    }

    it('starts only the first, then the second from the moment the first stops', async () => {
      const name = `lease-${++leaseNo}`;
      const a = recordingConsumer();
      const b = recordingConsumer();
      const first = standby(name, 'first', a);
      const second = standby(name, 'second', b);
      try {
        await first.start();
        await second.start();
        expect([first.role, second.role]).toEqual(['active', 'standby']);
        expect(b.events).toEqual([]);

        await first.stop();

        await eventually(async () => expect(second.role).toBe('active'));
        expect(a.events).toEqual(['start:1', 'stop']);
        expect(b.events).toEqual(['start:2']);
      } finally {
        await first.stop();
        await second.stop();
      }
    });

    it('stops a holder whose fence refuses a write, and keeps it on standby', async () => {
      const name = `lease-${++leaseNo}`;
      const a = recordingConsumer();
      const first = standby(name, 'first', a);
      const usurper = new ConsumerLease(pool, name, 'usurper', TTL_MS);
      try {
        await first.start();
        await a.write();
        await expire(name);
        expect(await usurper.tryAcquire()).toBe('2');

        await expect(a.write()).rejects.toBeInstanceOf(LeaseLostError);

        await eventually(async () =>
          expect(a.events).toEqual(['start:1', 'stop']),
        );
        expect(first.role).toBe('standby');
      } finally {
        await first.stop();
      }
    });
  });
});
