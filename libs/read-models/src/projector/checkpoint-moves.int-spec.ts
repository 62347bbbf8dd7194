import {
  leaseMigrations,
  LeaseLostError,
  runMigrations,
} from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { holdLease } from '../../../../test/support/lease';
import { CheckpointMovedError } from '../read-model.errors';
import { checkpointMigrations } from './checkpoint.migrations';
import { advanceCheckpoints, type CheckpointMove } from './checkpoint-moves';
import { loadCheckpoint } from './checkpoint-store';

/**
 * The read models of one page move their checkpoints in one statement,
 * each under its own lease: a fenced-off one and a moved one must still
 * be told apart, and nothing of the page may stay moved when one fails.
 */
describe('checkpoints of a shared page moved together', () => {
  let db: TestSchema;
  const view = 'ticket-view';
  const inbox = 'inbox';

  beforeAll(async () => {
    db = await createTestSchema('ckmoves');
    await runMigrations(db.pool, db.schema, [
      ...checkpointMigrations,
      ...leaseMigrations,
    ]);
    await loadCheckpoint(db.pool, view);
    await loadCheckpoint(db.pool, inbox);
  });

  afterAll(() => db.drop());

  /** Moves in a transaction; answers its idle limit after the moves. */
  async function advance(moves: CheckpointMove[]): Promise<string> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await advanceCheckpoints(client, moves);
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

  async function positions() {
    return [
      (await loadCheckpoint(db.pool, view)).position,
      (await loadCheckpoint(db.pool, inbox)).position,
    ];
  }

  it('moves each under its lease, refuses a former holder, and names a moved checkpoint', async () => {
    const viewFence = await holdLease(db.pool, `projection:${view}`, 'a');
    const formerInbox = await holdLease(db.pool, `projection:${inbox}`, 'a');
    const move = (
      name: string,
      expected: string | null,
      next: string,
      fence: typeof viewFence,
    ): CheckpointMove => ({ name, expected, next, count: 1, fence });

    expect(
      await advance([
        move(view, null, '0000000010', viewFence),
        move(inbox, null, '0000000010', formerInbox),
      ]),
    ).toBe('1min');
    expect(await positions()).toEqual(['0000000010', '0000000010']);

    await db.pool.query(
      `UPDATE consumer_leases SET expires_at = now() - interval '1 s'
        WHERE name = $1`,
      [`projection:${inbox}`],
    );
    const currentInbox = await holdLease(db.pool, `projection:${inbox}`, 'b');

    // The view's move is fine; the former inbox holder fails the page.
    await expect(
      advance([
        move(view, '0000000010', '0000000015', viewFence),
        move(inbox, '0000000010', '0000000015', formerInbox),
      ]),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await positions()).toEqual(['0000000010', '0000000010']);

    // A holder with a stale idea of its position: moved, not fenced.
    await expect(
      advance([
        move(view, '0000000010', '0000000020', viewFence),
        move(inbox, '0000000005', '0000000020', currentInbox),
      ]),
    ).rejects.toEqual(new CheckpointMovedError(inbox, '0000000005'));
    expect(await positions()).toEqual(['0000000010', '0000000010']);

    await advance([
      move(view, '0000000010', '0000000020', viewFence),
      move(inbox, '0000000010', '0000000020', currentInbox),
    ]);
    expect(await positions()).toEqual(['0000000020', '0000000020']);
    expect((await loadCheckpoint(db.pool, inbox)).eventsApplied).toBe(2);
  });

  it('moves unfenced checkpoints, and leaves the idle limit alone', async () => {
    await loadCheckpoint(db.pool, 'alone');

    const limit = await advance([
      { name: 'alone', expected: null, next: '0000000007', count: 3 },
    ]);

    expect(limit).toBe('0');
    const alone = await loadCheckpoint(db.pool, 'alone');
    expect([alone.position, alone.eventsApplied]).toEqual(['0000000007', 3]);
  });
});
