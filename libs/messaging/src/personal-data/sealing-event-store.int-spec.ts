import { randomUUID } from 'node:crypto';
import { phoneCallbackProcess } from '@opsdesk/domain';
import {
  PostgresEventStore,
  postgresEventStoreMigrations,
} from '@opsdesk/event-store';
import {
  createLogger,
  DataKeyVault,
  personalDataMigrations,
  runMigrations,
} from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { ProcessCatalog } from '../commands/process-catalog';
import { SealingEventStore } from './sealing-event-store';
import { eraseSubject } from '../../../../test/support/erase-subject';

const CONTACT = { name: '孙先生', phone: '136 1111 2222' };

describe('the sealing event store', () => {
  let db: TestSchema;
  let inner: PostgresEventStore;
  let store: SealingEventStore;
  let vault: DataKeyVault;

  beforeAll(async () => {
    db = await createTestSchema('sealing');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...personalDataMigrations,
    ]);
    inner = new PostgresEventStore(db.pool, {
      logger: createLogger('sealing-spec', 'silent'),
    });
    vault = new DataKeyVault(db.pool);
    const processes = new ProcessCatalog().register(phoneCallbackProcess, {});
    store = new SealingEventStore(inner, processes, vault);
  });

  afterAll(async () => {
    await inner.close();
    await db.drop();
  });

  async function openCallback(stream: string) {
    await store.appendToStream(
      stream,
      [
        {
          eventId: randomUUID(),
          type: 'phone-callback.opened',
          schemaVersion: 1,
          data: { reason: 'result-notification', contact: CONTACT },
          metadata: {
            commandId: randomUUID(),
            causationId: randomUUID(),
            correlationId: randomUUID(),
            actor: {
              id: 'auto:cs-phone-agent',
              role: 'cs-phone-agent',
              kind: 'automatic',
            },
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const [stored] = await inner.readStream(stream);
    return stored.data.contact as Record<string, string>;
  }

  it('seals the personal data with the stream’s key', async () => {
    const contact = await openCallback(`phone-callback-${randomUUID()}`);

    expect(contact.phone).toMatch(/^pd1\./);
    expect(contact.name).toMatch(/^pd1\./);
  });

  it('writes no personal data of a subject already erased, and makes it no key', async () => {
    const stream = `phone-callback-${randomUUID()}`;
    await eraseSubject(vault, stream);

    const contact = await openCallback(stream);

    expect(contact).toEqual({});
    expect(await vault.existingKey(stream)).toBeNull();
  });
});
