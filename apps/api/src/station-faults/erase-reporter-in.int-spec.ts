import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { PostgresEventStore } from '@opsdesk/event-store';
import {
  DataKeyVault,
  inTransaction,
  loadConfig,
  runMigrations,
} from '@opsdesk/platform';
import { allMigrations, personalDataHold } from '@opsdesk/runtime';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { sessionsWaitingOn } from '../../../../test/support/begun-transaction';
import { eventually } from '../../../../test/support/eventually';
import { sealedCallReceived } from '../../../../test/support/sealed-report';
import { eraseReporterIn } from './erase-reporter-in';

const REPORTER = { type: 'user', name: '周先生', phone: '135 0000 1111' };

/**
 * The erasure finds the call-backs to erase in the ticket's events, read
 * once the ticket's key is deleted. A call-back whose cause the read did
 * not see is copied by the process linker later, and that copy must then
 * open nothing: it waits for the deleted key, then finds it gone. Read
 * before the delete, the copy would open the reporter under a key the
 * erasure never learns of.
 */
describe('a reporter erasure and a call-back copied after its read', () => {
  let db: TestSchema;
  let vault: DataKeyVault;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestSchema('erase_order');
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
    });
    await runMigrations(db.pool, db.schema, allMigrations(config));
    vault = new DataKeyVault(db.pool);
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('leaves the copy nothing to open', async () => {
    const called = await sealedCallReceived(vault, REPORTER);
    const ticketId = called.streamName.replace(/^station-fault-/, '');
    const hold = personalDataHold(db.pool, vault);
    let copy: Promise<unknown> | undefined;

    const erased = await inTransaction(db.pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pg_backend_pid() AS pid',
      );
      // The erasure's read of the ticket, and right after it the linker's
      // copy for a result the read did not see: it either opens the
      // reporter at once or waits for the erasure's transaction.
      const watched: Pick<EventStore, 'readStream'> = {
        readStream: async (stream, options) => {
          const events = await store.readStream(stream, options);
          let done = false;
          copy = hold(
            [called],
            async ([opened]: RecordedEvent[]) => opened.data.reporter,
          ).finally(() => (done = true));
          await eventually(async () => {
            const waiting = await sessionsWaitingOn(db.pool, rows[0].pid);
            expect(done || waiting.length > 0).toBe(true);
          });
          return events;
        },
      };
      return eraseReporterIn(
        client,
        { store: watched as EventStore, vault },
        ticketId,
        { id: 'privacy-officer', role: 'cs-supervisor' },
      );
    });

    expect(erased.subject).toBe(called.streamName);
    expect(await copy).toEqual({ type: 'user' });
    expect(await vault.existingKey(called.streamName)).toBeNull();
  });
});
