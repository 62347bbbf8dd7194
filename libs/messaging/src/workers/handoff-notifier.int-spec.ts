import { runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { messagingMigrations } from '../messaging.migrations';
import { handoffJobId, type HandoffJob } from '../queues/jobs';
import { HandoffNotifier } from './handoff-notifier';

let db: TestSchema;
let notifier: HandoffNotifier;

beforeAll(async () => {
  db = await createTestSchema('notifier');
  await runMigrations(db.pool, db.schema, messagingMigrations);
  notifier = new HandoffNotifier(db.pool);
});

afterAll(async () => {
  await db.drop();
});

function handoff(eventId: string): HandoffJob {
  return {
    kind: 'handoff',
    processId: 'station-fault',
    ticketId: '0190a5b8-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    streamName: 'station-fault-0190a5b8-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    eventId,
    eventType: 'station-fault.dispatched',
    revision: 2,
    fromRole: 'dispatch-manager',
    toRole: 'regional-platform',
    status: 'DISPATCHED',
    correlationId: 'c-1',
  };
}

async function completedAt(job: HandoffJob): Promise<Date | null> {
  const { rows } = await db.pool.query<{ completed_at: Date | null }>(
    'SELECT completed_at FROM handoff_notifications WHERE job_id = $1',
    [handoffJobId(job)],
  );
  return rows[0].completed_at;
}

describe('hand-offs recorded together', () => {
  it('are each new once, however many arrive in one turn', async () => {
    const jobs = ['e-1', 'e-2', 'e-1', 'e-3'].map((id) =>
      handoff(`0190a5b8-0000-7000-8000-00000000000${id.slice(-1)}`),
    );

    const first = await Promise.all(jobs.map((j) => notifier.record(j)));
    const again = await Promise.all(jobs.map((j) => notifier.record(j)));

    expect(first).toEqual([true, true, false, true]);
    expect(again).toEqual([false, false, false, false]);
  });

  it('are done at once when no work follows, also after an earlier run stopped short', async () => {
    const fresh = handoff('0190a5b8-0000-7000-8000-0000000000a1');
    const stopped = handoff('0190a5b8-0000-7000-8000-0000000000a2');
    await notifier.record(stopped);

    const answers = await Promise.all([
      notifier.recordDone(fresh),
      notifier.recordDone(stopped),
    ]);

    expect(answers).toEqual([true, false]);
    expect(await completedAt(fresh)).toBeInstanceOf(Date);
    expect(await completedAt(stopped)).toBeInstanceOf(Date);
  });

  it('stay open until completed when work follows', async () => {
    const job = handoff('0190a5b8-0000-7000-8000-0000000000b1');

    await notifier.record(job);
    expect(await completedAt(job)).toBeNull();
    await notifier.complete(job);

    expect(await completedAt(job)).toBeInstanceOf(Date);
  });
});
