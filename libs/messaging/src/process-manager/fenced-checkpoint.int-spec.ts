import { leaseMigrations, runMigrations, type Fence } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { holdLease } from '../../../../test/support/lease';
import { messagingMigrations } from '../messaging.migrations';
import { CheckpointStore } from './checkpoint-store';

/**
 * The process manager has no compare-and-set on its checkpoint, so only
 * the fence keeps a former holder from moving it back after a takeover.
 */
describe('a process-manager checkpoint saved under a lease', () => {
  let db: TestSchema;
  let checkpoints: CheckpointStore;

  beforeAll(async () => {
    db = await createTestSchema('pmfence');
    await runMigrations(db.pool, db.schema, [
      ...messagingMigrations,
      ...leaseMigrations,
    ]);
    checkpoints = new CheckpointStore(db.pool);
  });

  afterAll(() => db.drop());

  function holding(holder: string): Promise<Fence> {
    return holdLease(db.pool, 'process-manager', holder);
  }

  it('refuses the former holder and keeps the new holder’s position', async () => {
    const former = await holding('former');
    await checkpoints.save('process-manager', '0000000010', former);
    // The former holder falls silent; its lease lapses and passes on.
    await db.pool.query(
      `UPDATE consumer_leases SET expires_at = now() - interval '1 s'`,
    );
    const current = await holding('current');
    await checkpoints.save('process-manager', '0000000020', current);

    await expect(
      checkpoints.save('process-manager', '0000000015', former),
    ).rejects.toMatchObject({ code: 'LEASE_LOST', fencingToken: former.token });

    expect(await checkpoints.load('process-manager')).toBe('0000000020');
  });
});
