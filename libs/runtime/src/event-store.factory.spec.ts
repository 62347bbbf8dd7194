import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, UpcastingEventStore } from '@opsdesk/event-store';
import { createLogger, loadConfig } from '@opsdesk/platform';
import type { Pool } from 'pg';
import {
  createEventStore,
  eventStoreMigrationsFor,
} from './event-store.factory';

const logger = createLogger('test', 'silent');
const noPool = {} as Pool;

describe('choosing the event store by configuration', () => {
  it('wraps the chosen adapter in upcasting', async () => {
    const config = loadConfig({ EVENT_STORE: 'memory' });

    const store = await createEventStore(config, noPool, logger);

    expect(store).toBeInstanceOf(UpcastingEventStore);
    expect((store as UpcastingEventStore).stored).toBeInstanceOf(
      InMemoryEventStore,
    );
    await store.close();
  });

  it('migrates the event tables only for PostgreSQL, the default', () => {
    expect(eventStoreMigrationsFor(loadConfig({})).length).toBeGreaterThan(0);
    expect(
      eventStoreMigrationsFor(loadConfig({ EVENT_STORE: 'kurrentdb' })),
    ).toEqual([]);
  });

  it('refuses kurrentdb without KURRENTDB_URL, naming the variable', async () => {
    const config = loadConfig({ EVENT_STORE: 'kurrentdb' });

    const error = await createEventStore(config, noPool, logger).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      service: 'KurrentDB',
      where: 'KURRENTDB_URL',
    });
  });
});
