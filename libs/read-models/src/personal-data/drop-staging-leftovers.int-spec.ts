import { inTransaction, runMigrations } from '@opsdesk/platform';
import {
  begunTransaction,
  sessionsWaitingOn,
} from '../../../../test/support/begun-transaction';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { eventually } from '../../../../test/support/eventually';
import { readModelMigrations } from '../read-model.migrations';
import { createStationFaultProjections } from '../station-fault/station-fault.projections';
import { REBUILD_LOCK_KEY, STAGING_SUFFIX } from '../table-names';
import { dropStagingLeftovers } from './drop-staging-leftovers';

const SUBJECT = 'station-fault-01956f3a-7c2e-7a10-9b1e-0a00000000c1';

/**
 * The staging tables of a rebuild that stopped before its swap, for the
 * station-fault read models that keep a reporter, with their checkpoint
 * rows; and what an erasure of a reporter leaves of them.
 */
describe('staging tables a stopped rebuild left, at an erasure', () => {
  let db: TestSchema;
  const staging = createStationFaultProjections({
    tableSuffix: STAGING_SUFFIX,
  }).filter((projection) => projection.erasePersonalData);

  beforeAll(async () => {
    db = await createTestSchema('staging_left');
    await runMigrations(db.pool, db.schema, readModelMigrations);
  });

  afterAll(async () => {
    await db.drop();
  });

  async function leftByAStoppedRebuild(): Promise<void> {
    for (const projection of staging) {
      for (const migration of projection.migrations) {
        await db.pool.query(migration.sql);
      }
      await db.pool.query(
        'INSERT INTO projection_checkpoints (name) VALUES ($1)',
        [projection.name],
      );
    }
  }

  /** The staging tables and checkpoint rows still there. */
  async function stagingLeft(): Promise<string[]> {
    const { rows } = await db.pool.query<{ name: string }>(
      `SELECT name FROM unnest($1::text[]) AS name
        WHERE to_regclass(name) IS NOT NULL
       UNION ALL
       SELECT name FROM projection_checkpoints WHERE name = ANY($2)`,
      [
        staging.flatMap((projection) => projection.tables),
        staging.map((projection) => projection.name),
      ],
    );
    return rows.map((row) => row.name).sort();
  }

  it('drops them with their checkpoint rows', async () => {
    await leftByAStoppedRebuild();
    expect(await stagingLeft()).toEqual(
      staging.flatMap((p) => [...p.tables, p.name]).sort(),
    );

    await inTransaction(db.pool, (client) =>
      dropStagingLeftovers(client, SUBJECT),
    );

    expect(await stagingLeft()).toEqual([]);
  });

  it('drops a checkpoint row a rebuild stopped in its own drop left', async () => {
    for (const projection of staging) {
      await db.pool.query(
        'INSERT INTO projection_checkpoints (name) VALUES ($1)',
        [projection.name],
      );
    }

    await inTransaction(db.pool, (client) =>
      dropStagingLeftovers(client, SUBJECT),
    );

    expect(await stagingLeft()).toEqual([]);
  });

  it('leaves a running rebuild its own, for its swap to scrub', async () => {
    await leftByAStoppedRebuild();
    const before = await stagingLeft();
    const rebuild = await db.pool.connect();
    try {
      // What the audit tool's rebuild holds, for its session.
      for (const projection of createStationFaultProjections()) {
        await rebuild.query(`SELECT pg_advisory_lock(${REBUILD_LOCK_KEY})`, [
          projection.name,
        ]);
      }

      await inTransaction(db.pool, (client) =>
        dropStagingLeftovers(client, SUBJECT),
      );

      expect(await stagingLeft()).toEqual(before);
    } finally {
      await rebuild.query('SELECT pg_advisory_unlock_all()');
      rebuild.release();
    }
    await inTransaction(db.pool, (client) =>
      dropStagingLeftovers(client, SUBJECT),
    );
  });

  it('drops them while another erasure that rolls back is under way', async () => {
    await leftByAStoppedRebuild();
    const first = await begunTransaction(db.pool);
    const second = await begunTransaction(db.pool);
    try {
      await dropStagingLeftovers(first.client, SUBJECT);
      // The second waits for the first's drop, which then rolls back.
      const dropping = dropStagingLeftovers(second.client, SUBJECT);
      await eventually(async () => {
        expect(await sessionsWaitingOn(db.pool, first.pid)).toEqual([
          second.pid,
        ]);
      });
      await first.client.query('ROLLBACK');
      await dropping;
      await second.client.query('COMMIT');
    } finally {
      await first.client.query('ROLLBACK').catch(() => undefined);
      await second.client.query('ROLLBACK').catch(() => undefined);
      first.client.release();
      second.client.release();
    }

    expect(await stagingLeft()).toEqual([]);
  });
});
