import {
  PostgresEventStore,
  postgresEventStoreMigrations,
  type ReadAllOptions,
  type RecordedEvent,
} from '@opsdesk/event-store';
import {
  createPool,
  personalDataMigrations,
  runMigrations,
} from '@opsdesk/platform';
import {
  createMoneyProcessProjections,
  createStationFaultProjections,
  loadCheckpoint,
  projectionMigrations,
  ProjectionRunner,
  readModelMigrations,
  ReportingQueries,
} from '@opsdesk/read-models';
import type { Pool } from 'pg';
import {
  appendAll,
  eventCount,
  stationFaultLog,
  waitForCheckpoint,
} from '../../libs/read-models/src/testing/read-model.harness';
import {
  interleavedAppends,
  stationFaultScenario,
  type ScenarioAppend,
} from '../../libs/read-models/src/testing/station-fault-scenario.fixture';
import { takeRebuildLock } from '../../apps/audit/src/rebuild/rebuild-lock';
import { tableChecksum } from '../../apps/audit/src/rebuild/table-checksum';
import { audit } from '../../apps/audit/src/testing/audit-harness';
import { createTestSchema, type TestSchema } from '../support/database';

// Runners catch up through the log's read gate, which any open
// transaction in the test database holds back; give them time.
jest.setTimeout(120_000);

const live = createStationFaultProjections();
/** Every table a rebuild of all replaces, the other processes' included. */
const liveTables = [...live, ...createMoneyProcessProjections()].flatMap(
  (p) => p.tables,
);

/** The same tickets again under other ids: more log during a rebuild. */
function laterTickets(): ScenarioAppend[] {
  return interleavedAppends(stationFaultScenario()).map((append) => {
    const streamName = append.streamName.replace(
      /0000000000(.)$/,
      '00000000ff$1',
    );
    return {
      streamName,
      events: append.events.map((event) => ({
        ...event,
        eventId: event.eventId.replace(/^.{8}/, 'ffffffff'),
      })),
    };
  });
}

describe('rebuilding read models beside a running projector', () => {
  let db: TestSchema;
  /** The projector's own pool and store, as in its own process. */
  let projectorPool: Pool;
  let store: PostgresEventStore;
  /** The audit tool's pool and store, as in its process. */
  let auditPool: Pool;
  let auditStore: PostgresEventStore;
  let runners: ProjectionRunner[];
  let log: RecordedEvent[];

  const tool = () => ({
    store: auditStore,
    pool: auditPool,
    schema: db.schema,
  });

  async function checksums(pool: Pool, suffix = '') {
    const out: Record<string, string> = {};
    for (const table of liveTables) {
      out[table] = (await tableChecksum(pool, `${table}${suffix}`)).checksum;
    }
    return out;
  }

  /** Every index and constraint of the live tables, by name. */
  async function indexes() {
    const { rows } = await db.pool.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name,
              pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
        WHERE i.indrelid::regclass::text = ANY($1)
       UNION ALL
       SELECT conname, pg_get_constraintdef(oid)
         FROM pg_constraint
        WHERE conrelid::regclass::text = ANY($1)
        ORDER BY 1, 2`,
      [liveTables],
    );
    return rows;
  }

  async function caughtUp(position: string) {
    for (const projection of live) {
      await waitForCheckpoint(db.pool, projection.name, position);
    }
  }

  beforeAll(async () => {
    db = await createTestSchema('audit_rebuild');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...personalDataMigrations,
      ...readModelMigrations,
      ...projectionMigrations({ tableSuffix: '_ref' }),
    ]);
    // Each runner's subscription holds a connection of its pool.
    projectorPool = createPool(db.url, db.schema, { max: 12 });
    store = new PostgresEventStore(projectorPool, { pollIntervalMs: 50 });
    auditPool = createPool(db.url, db.schema, { max: 4 });
    auditStore = new PostgresEventStore(auditPool);
    const appends = interleavedAppends(stationFaultScenario());
    await appendAll(store, appends);
    log = await stationFaultLog(store, eventCount(appends));
    runners = live.map(
      (projection) =>
        new ProjectionRunner({
          projection,
          store,
          pool: projectorPool,
          backoff: { initialDelayMs: 10, maxDelayMs: 50 },
        }),
    );
    await Promise.all(runners.map((r) => r.start()));
    await caughtUp(log[log.length - 1].position);
  });

  afterAll(async () => {
    await Promise.all((runners ?? []).map((r) => r.stop()));
    await auditStore?.close();
    await auditPool?.end();
    await store?.close();
    await projectorPool?.end();
    await db?.drop();
  });

  describe('the first rebuild', () => {
    it('keeps every index and constraint of the live tables, under the same names', async () => {
      // As the migrations made them: no rebuild has run yet. The build
      // takes some off its staging tables and puts them back.
      const before = await indexes();
      expect(before.map((i) => i.name)).toEqual(
        expect.arrayContaining([
          'timeline_entries_pkey',
          'timeline_entries_event_id_key',
          'ticket_view_status_idx',
        ]),
      );

      const run = await audit(['rebuild', 'all'], tool());

      expect(run.code).toBe(0);
      expect(await indexes()).toEqual(before);
    });
  });

  describe('rebuilt twice from the same log', () => {
    it('gives the same checksum for every table both times, equal to the tables built live', async () => {
      const builtLive = await checksums(db.pool);

      const first = await audit(['rebuild', 'all', '--json'], tool());
      expect(first.code).toBe(0);
      const afterFirst = await checksums(db.pool);
      const second = await audit(['rebuild', 'all', '--json'], tool());
      expect(second.code).toBe(0);
      const afterSecond = await checksums(db.pool);

      expect(afterFirst).toEqual(builtLive);
      expect(afterSecond).toEqual(builtLive);
      const reported = (run: typeof first) =>
        Object.fromEntries(
          (
            JSON.parse(run.stdout) as {
              rebuilt: { tables: { table: string; checksum: string }[] }[];
            }
          ).rebuilt.flatMap((r) => r.tables.map((t) => [t.table, t.checksum])),
        );
      expect(reported(first)).toEqual(builtLive);
      expect(reported(second)).toEqual(builtLive);
    });

    it('leaves no staging or backup tables and hands the runner the checkpoint', async () => {
      const { rows } = await db.pool.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables
          WHERE schemaname = $1 AND (tablename LIKE '%\\_\\_rebuild' OR tablename LIKE '%\\_\\_previous')`,
        [db.schema],
      );
      expect(rows).toEqual([]);
      for (const projection of live) {
        const checkpoint = await loadCheckpoint(db.pool, projection.name);
        expect(checkpoint.position).toBe(log[log.length - 1].position);
        const staged = await db.pool.query(
          'SELECT 1 FROM projection_checkpoints WHERE name = $1',
          [`${projection.name}__rebuild`],
        );
        expect(staged.rowCount).toBe(0);
      }
    });
    it('reads the log from its start once: each swap reads on from where the pass ended', async () => {
      const readsFrom: (string | undefined)[] = [];
      const recording = new Proxy(auditStore, {
        get(target, key) {
          if (key === 'readAll') {
            return (options?: ReadAllOptions) => {
              readsFrom.push(options?.after);
              return target.readAll(options);
            };
          }
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });

      const run = await audit(['rebuild', 'all'], {
        ...tool(),
        store: recording,
      });

      expect(run.code).toBe(0);
      // The pass's first page; the other processes' read models have no
      // events here, and their swaps used to read the whole log again.
      expect(readsFrom.filter((after) => after === undefined)).toHaveLength(1);
      // Their checkpoints stay at the start of the log, where a live
      // runner of theirs stands, so it goes on without a conflict.
      for (const projection of createMoneyProcessProjections()) {
        const checkpoint = await loadCheckpoint(db.pool, projection.name);
        expect({ [projection.name]: checkpoint.position }).toEqual({
          [projection.name]: null,
        });
      }
    });
  });

  describe('the reporting projection rebuilt on its own', () => {
    it('builds its fold table too, and every report answers as before', async () => {
      const queries = new ReportingQueries(db.pool);
      // Everything but an open period's held time, which runs to now().
      const reports = async () => ({
        summary: await queries.summary({}),
        byDay: await queries.byDay({}),
        byStationDay: await queries.byStationDay({}),
        timeToClear: await queries.timeToClear({}),
        backlog: await queries.backlog({}),
        periods: (
          await queries.custodyPeriods({}, { limit: 500, offset: 0 })
        ).map(({ heldS: _heldS, ...period }) => period),
      });
      const before = await reports();
      expect(before.summary.reported).toBeGreaterThan(0);

      const run = await audit(['rebuild', 'reporting', '--json'], tool());

      expect(run.code).toBe(0);
      const [rebuilt] = (
        JSON.parse(run.stdout) as {
          rebuilt: { tables: { table: string; rows: number }[] }[];
        }
      ).rebuilt;
      expect(rebuilt.tables.map((t) => t.table)).toEqual([
        'reporting_tickets',
        'reporting_custody',
        'reporting_folds',
      ]);
      expect(await reports()).toEqual(before);
    });
  });

  describe('while readers read, the projector runs and tickets keep coming', () => {
    it('never shows a reader an empty or half-built table, and ends equal to a fresh build', async () => {
      const before = await db.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM ticket_view',
      );
      const startCount = Number(before.rows[0].n);
      const reader = createPool(db.url, db.schema, { max: 1 });
      const samples: { oid: string; tickets: number; entries: number }[] = [];
      const errors: unknown[] = [];
      let reading = true;
      const sample = async () => {
        try {
          const { rows } = await reader.query<{
            oid: string;
            tickets: string;
            entries: string;
          }>(
            `SELECT 'ticket_view'::regclass::oid::text AS oid,
                    (SELECT count(*) FROM ticket_view) AS tickets,
                    (SELECT count(*) FROM timeline_entries) AS entries`,
          );
          samples.push({
            oid: rows[0].oid,
            tickets: Number(rows[0].tickets),
            entries: Number(rows[0].entries),
          });
        } catch (error) {
          errors.push(error);
        }
      };
      const readLoop = (async () => {
        while (reading) await sample();
      })();

      // One event per staging transaction: a slow build, many reads.
      const rebuilding = audit(
        ['rebuild', 'ticket-view', '--batch-size', '1'],
        tool(),
      );
      await appendAll(store, laterTickets());
      const rebuilt = await rebuilding;
      reading = false;
      await readLoop;
      // One read after the swap has certainly committed.
      await sample();
      await reader.end();

      expect(rebuilt.code).toBe(0);
      expect(errors).toEqual([]);
      expect(new Set(samples.map((s) => s.oid)).size).toBe(2);
      expect(samples.every((s) => s.tickets >= startCount)).toBe(true);
      expect(samples.every((s) => s.entries >= log.length)).toBe(true);
      for (let i = 1; i < samples.length; i++) {
        expect(samples[i].tickets).toBeGreaterThanOrEqual(
          samples[i - 1].tickets,
        );
      }

      const all = await stationFaultLog(store, log.length * 2);
      const head = all[all.length - 1].position;
      await caughtUp(head);
      const reference = createStationFaultProjections({ tableSuffix: '_ref' });
      const fresh = reference.map(
        (projection) =>
          new ProjectionRunner({ projection, store, pool: projectorPool }),
      );
      await Promise.all(fresh.map((r) => r.start()));
      for (const projection of reference) {
        await waitForCheckpoint(db.pool, projection.name, head);
      }
      await Promise.all(fresh.map((r) => r.stop()));
      expect(await checksums(db.pool)).toEqual(
        await checksums(db.pool, '_ref'),
      );
    });
  });

  describe('after a run that was interrupted', () => {
    it('drops the staging tables it left and rebuilds', async () => {
      await db.pool.query('CREATE TABLE timeline_entries__rebuild (half int)');
      await db.pool.query(
        `INSERT INTO projection_checkpoints (name, position) VALUES ('timeline__rebuild', 'x/1')`,
      );
      const builtLive = await checksums(db.pool);
      const run = await audit(['rebuild', 'timeline', '--json'], tool());
      expect(run.code).toBe(0);
      const [report] = (
        JSON.parse(run.stdout) as { rebuilt: { droppedLeftovers: string[] }[] }
      ).rebuilt;
      expect(report.droppedLeftovers).toEqual(['timeline_entries__rebuild']);
      expect(await checksums(db.pool)).toEqual(builtLive);
    });
  });

  describe('while another rebuild of the same projection holds its lock', () => {
    it('refuses with one line and exit code 1, touching nothing', async () => {
      const lock = await takeRebuildLock(auditPool, 'inbox');
      try {
        const run = await audit(['rebuild', 'inbox'], tool());
        expect(run.code).toBe(1);
        expect(run.stderr.trimEnd().split('\n')).toEqual([
          expect.stringMatching(
            /^audit rebuild: another rebuild of inbox is running/,
          ),
        ]);
      } finally {
        await lock.release();
      }
    });
  });

  describe('with --keep-backup', () => {
    it('keeps the swapped-out tables until the next rebuild drops them', async () => {
      const kept = await audit(['rebuild', 'inbox', '--keep-backup'], tool());
      expect(kept.code).toBe(0);
      const backup = await db.pool.query(
        `SELECT to_regclass('inbox_items__previous')::text AS t`,
      );
      expect(backup.rows[0].t).toBe('inbox_items__previous');
      const next = await audit(['rebuild', 'inbox', '--json'], tool());
      const [report] = (
        JSON.parse(next.stdout) as { rebuilt: { droppedLeftovers: string[] }[] }
      ).rebuilt;
      expect(report.droppedLeftovers).toEqual([
        'inbox_items__previous',
        'inbox_folds__previous',
      ]);
    });
  });

  describe('without a terminal', () => {
    it('writes plain progress lines on stderr and the report on stdout', async () => {
      const run = await audit(
        ['rebuild', 'timeline', '--progress-every', '10'],
        tool(),
      );
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^rebuild timeline \d+% \d+\/\d+ events/m);
      expect(run.stderr).not.toContain('\r');
      expect(run.stdout).toMatch(
        /^rebuild timeline: \d+ events into fresh tables/,
      );
      expect(run.stdout).toContain('timeline_entries');
    });
  });
});
