import {
  leaseMigrations,
  LeaseLostError,
  runMigrations,
  type Fence,
} from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { holdLease } from '../../../../test/support/lease';
import { CheckpointMovedError } from '../read-model.errors';
import { checkpointMigrations } from './checkpoint.migrations';
import { advanceCheckpoint, loadCheckpoint } from './checkpoint-store';

/**
 * Under a lease the checkpoint's move checks the fence in the same
 * statement; a lost lease and a moved checkpoint must still be told apart,
 * since the runner stands by after one and resubscribes after the other.
 */
describe('a projection checkpoint moved under a lease', () => {
  const name = 'ticket-view';
  let db: TestSchema;

  beforeAll(async () => {
    db = await createTestSchema('projfence');
    await runMigrations(db.pool, db.schema, [
      ...checkpointMigrations,
      ...leaseMigrations,
    ]);
    await loadCheckpoint(db.pool, name);
  });

  afterAll(() => db.drop());

  function holding(holder: string): Promise<Fence> {
    return holdLease(db.pool, `projection:${name}`, holder);
  }

  /** Moves the checkpoint; answers the transaction's idle limit after. */
  async function advance(
    expected: string | null,
    next: string,
    fence: Fence,
  ): Promise<string> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await advanceCheckpoint(client, name, expected, next, 1, fence);
      const { rows } = await client.query<{ limit: string }>(
        `SELECT current_setting('idle_in_transaction_session_timeout') AS limit`,
      );
      await client.query('COMMIT');
      return rows[0].limit;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  it('moves for the holder, refuses a former holder, and names a moved checkpoint', async () => {
    const former = await holding('former');
    // A holder frozen in the transaction would keep the lease's row
    // locked; the server ends the session after the lease's lifetime.
    expect(await advance(null, '0000000010', former)).toBe('1min');
    expect((await loadCheckpoint(db.pool, name)).position).toBe('0000000010');

    await db.pool.query(
      `UPDATE consumer_leases SET expires_at = now() - interval '1 s'`,
    );
    const current = await holding('current');

    // The former holder still believes the checkpoint is at 10.
    await expect(
      advance('0000000010', '0000000015', former),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect((await loadCheckpoint(db.pool, name)).position).toBe('0000000010');

    await advance('0000000010', '0000000020', current);
    // The holder with a stale idea of its position: moved, not fenced.
    await expect(
      advance('0000000010', '0000000030', current),
    ).rejects.toBeInstanceOf(CheckpointMovedError);

    const checkpoint = await loadCheckpoint(db.pool, name);
    expect(checkpoint.position).toBe('0000000020');
    expect(checkpoint.eventsApplied).toBe(2);
  });
});
