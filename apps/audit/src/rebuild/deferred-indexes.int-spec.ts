import { personalDataMigrations, runMigrations } from '@opsdesk/platform';
import {
  readModelMigrations,
  type PersonalDataOpener,
} from '@opsdesk/read-models';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { deferIndexes, restoreIndexes } from './deferred-indexes';
import { rebuildPlans, type RebuildPlan } from './rebuild-plan';
import { createStagingTables } from './staging-tables';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

describe('the indexes of staging tables during a rebuild', () => {
  let db: TestSchema;
  const opener: PersonalDataOpener = {
    open: async (_client, events) => [...events],
  };

  async function indexesOf(table: string) {
    const { rows } = await db.pool.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = $1 AND tablename = $2`,
      [db.schema, table],
    );
    return rows.sort(byName);
  }

  /** The live table's indexes, as its staging copy names them. */
  async function stagingNamesOf(live: string) {
    const staging = `${live}__rebuild`;
    return (await indexesOf(live))
      .map((index) => {
        const name = index.name.replace(live, staging);
        const definition = index.definition
          .replace(` ${index.name} `, ` ${name} `)
          .replace(`.${live} `, `.${staging} `);
        return { name, definition };
      })
      .sort(byName);
  }

  function plan(name: string): RebuildPlan {
    return rebuildPlans(name, opener)[0];
  }

  beforeAll(async () => {
    db = await createTestSchema('deferidx');
    await runMigrations(db.pool, db.schema, [
      ...personalDataMigrations,
      ...readModelMigrations,
    ]);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('leaves an append-only timeline no index, and restores each under its name', async () => {
    const timeline = plan('timeline');
    await createStagingTables(db.pool, timeline);

    const deferred = await deferIndexes(db.pool, timeline);

    expect(await indexesOf('timeline_entries__rebuild')).toEqual([]);
    expect(deferred.indexes.map((index) => index.name).sort()).toEqual([
      'timeline_entries__rebuild_event_id_key',
      'timeline_entries__rebuild_pkey',
    ]);
    await restoreIndexes(db.pool, deferred);
    expect(await indexesOf('timeline_entries__rebuild')).toEqual(
      await stagingNamesOf('timeline_entries'),
    );
  });

  it('keeps the key an upsert needs and defers only the readers’ indexes', async () => {
    const ticketView = plan('ticket-view');
    await createStagingTables(db.pool, ticketView);

    const deferred = await deferIndexes(db.pool, ticketView);

    expect(await indexesOf('ticket_view__rebuild')).toEqual(
      (await stagingNamesOf('ticket_view')).filter((index) =>
        index.name.endsWith('_pkey'),
      ),
    );
    expect(deferred.indexes.length).toBeGreaterThan(0);
    await restoreIndexes(db.pool, deferred);
    expect(await indexesOf('ticket_view__rebuild')).toEqual(
      await stagingNamesOf('ticket_view'),
    );
  });

  it('names only tables of its own projection as append-only', () => {
    for (const { staging } of rebuildPlans('all', opener)) {
      for (const table of staging.appendOnlyTables ?? []) {
        expect({
          projection: staging.name,
          table,
          own: staging.tables.includes(table),
        }).toEqual({ projection: staging.name, table, own: true });
      }
    }
  });
});
