import { createPool } from '@opsdesk/platform';
import type { Pool } from 'pg';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { RebuildLockLostError } from '../cli/audit-errors';
import { takeRebuildLock, takeRebuildLocks } from './rebuild-lock';

describe('the locks of a rebuild', () => {
  let db: TestSchema;
  /** Sessions of their own, so the test ends only those. */
  let rebuilding: Pool;
  let other: Pool;
  const name = `rebuild-lock-${process.pid}`;

  beforeAll(async () => {
    db = await createTestSchema('rebuildlock');
    rebuilding = createPool(db.url, db.schema, {
      max: 2,
      application_name: name,
    });
    other = createPool(db.url, db.schema, { max: 2 });
  });

  afterAll(async () => {
    await rebuilding.end();
    await other.end();
    await db.drop();
  });

  it('are held while their session lives, and refused to a second rebuild', async () => {
    const locks = await takeRebuildLocks(rebuilding, ['inbox', 'timeline']);
    try {
      await expect(locks.assertHeld()).resolves.toBeUndefined();
      await expect(takeRebuildLock(other, 'timeline')).rejects.toThrow(
        'another rebuild of timeline is running',
      );
    } finally {
      await locks.release();
    }
  });

  it('say so once their session has ended, when another rebuild could take them', async () => {
    const locks = await takeRebuildLock(rebuilding, 'inbox');
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1`,
      [name],
    );

    await expect(locks.assertHeld()).rejects.toBeInstanceOf(
      RebuildLockLostError,
    );
    // What the check guards against: the lock is free for anyone now.
    const second = await takeRebuildLock(other, 'inbox');
    await second.release();
    await locks.release();
  });
});
