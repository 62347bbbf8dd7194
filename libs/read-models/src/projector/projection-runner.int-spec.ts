import {
  PostgresEventStore,
  postgresEventStoreMigrations,
  type RecordedEvent,
} from '@opsdesk/event-store';
import { runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import type { Projection } from '../projection';
import {
  projectionMigrations,
  readModelMigrations,
} from '../read-model.migrations';
import { createStationFaultProjections } from '../station-fault/station-fault.projections';
import { createTicketViewProjection } from '../station-fault/ticket-view/ticket-view.projection';
import {
  appendAll,
  eventCount,
  instrumented,
  snapshot,
  stationFaultLog,
  waitForCheckpoint,
  waitUntil,
} from '../testing/read-model.harness';
import {
  interleavedAppends,
  stationFaultScenario,
} from '../testing/station-fault-scenario.fixture';
import { loadCheckpoint, resetCheckpoint } from './checkpoint-store';
import {
  ProjectionRunner,
  type ProjectionRunnerOptions,
} from './projection-runner';
import { SharedCommits } from './shared-commits';

class SimulatedHandlerFailure extends Error {
  readonly code = 'TEST_HANDLER_FAILURE';
}

// Setup appends a few dozen events and waits for the runners to catch up;
// other test files in the same database can hold the log's read gate back.
jest.setTimeout(60_000);

describe('projection runners over the PostgreSQL event store', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  let log: RecordedEvent[];
  let last: string;
  /** Snapshots of the live tables after one clean run, by projection. */
  const reference = new Map<string, unknown[][]>();
  const started: ProjectionRunner[] = [];

  function runner(
    projection: Projection,
    options: Partial<ProjectionRunnerOptions> = {},
  ): ProjectionRunner {
    const created = new ProjectionRunner({
      projection,
      store,
      pool: db.pool,
      backoff: { initialDelayMs: 10, maxDelayMs: 40 },
      ...options,
    });
    started.push(created);
    return created;
  }

  async function runToEnd(projection: Projection): Promise<ProjectionRunner> {
    const r = runner(projection);
    await r.start();
    await waitForCheckpoint(db.pool, projection.name, last);
    return r;
  }

  beforeAll(async () => {
    db = await createTestSchema('runner');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...readModelMigrations,
      ...['_replay', '_resume', '_fail', '_twin', '_flush', '_shared'].flatMap(
        (tableSuffix) => projectionMigrations({ tableSuffix }),
      ),
    ]);
    store = new PostgresEventStore(db.pool, { pollIntervalMs: 50 });
    const appends = interleavedAppends(stationFaultScenario());
    await appendAll(store, appends);
    log = await stationFaultLog(store, eventCount(appends));
    last = log[log.length - 1].position;

    for (const projection of createStationFaultProjections()) {
      const r = await runToEnd(projection);
      await r.stop();
      reference.set(projection.name, await snapshot(db.pool, projection));
    }
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  describe('restarted with the checkpoint reset to an earlier position', () => {
    const projections = createStationFaultProjections({
      tableSuffix: '_replay',
    });
    const base = createStationFaultProjections();

    it('replays the tail and ends with the same rows', async () => {
      for (const projection of projections) {
        const first = await runToEnd(projection);
        await first.stop();
        await resetCheckpoint(db.pool, projection.name, log[5].position);
        await runToEnd(projection);
      }

      for (const [i, projection] of projections.entries()) {
        const checkpoint = await loadCheckpoint(db.pool, projection.name);
        expect(checkpoint.eventsApplied).toBe(log.length * 2 - 6);
        expect(await snapshot(db.pool, projection)).toEqual(
          reference.get(base[i].name),
        );
      }
    });

    it('replays the whole log from a reset to the start without a change', async () => {
      const [ticketView] = projections;
      await resetCheckpoint(db.pool, ticketView.name, null);
      await runToEnd(ticketView);

      expect(await snapshot(db.pool, ticketView)).toEqual(
        reference.get('ticket-view'),
      );
    });
  });

  describe('stopped while an event is being applied', () => {
    const projection = createTicketViewProjection({ tableSuffix: '_resume' });

    it('commits that event, stops there and resumes to identical rows', async () => {
      const held = log[10];
      let entered!: () => void;
      const reached = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const gated = instrumented(projection, async (event) => {
        if (event.eventId !== held.eventId) return;
        entered();
        await gate;
      });

      // One event per transaction, so the stop lands between two events.
      const first = runner(gated, { catchUpBatchSize: 1 });
      await first.start();
      await reached;
      const stopping = first.stop();
      release();
      await stopping;

      expect(first.status()).toMatchObject({
        state: 'stopped',
        position: held.position,
      });
      expect(await loadCheckpoint(db.pool, projection.name)).toMatchObject({
        position: held.position,
        eventsApplied: 11,
      });

      await runToEnd(projection);
      const checkpoint = await loadCheckpoint(db.pool, projection.name);
      expect(checkpoint.eventsApplied).toBe(log.length);
      expect(await snapshot(db.pool, projection)).toEqual(
        reference.get('ticket-view'),
      );
    });
  });

  describe('whose handler fails on one event', () => {
    const projection = createTicketViewProjection({ tableSuffix: '_fail' });

    it('keeps the checkpoint before it, retries, and recovers when it passes', async () => {
      const bad = log[12];
      let failing = true;
      const flaky = instrumented(projection, (event) => {
        if (failing && event.eventId === bad.eventId) {
          throw new SimulatedHandlerFailure('simulated');
        }
      });
      const r = runner(flaky);
      await r.start();
      // A second failure proves it resubscribed from the checkpoint.
      await waitUntil(
        'two failures',
        () => r.status().consecutiveFailures >= 2,
      );

      expect(r.status().lastError).toMatchObject({
        code: 'TEST_HANDLER_FAILURE',
      });
      expect(await loadCheckpoint(db.pool, projection.name)).toMatchObject({
        position: log[11].position,
        eventsApplied: 12,
      });
      const { rows } = await db.pool.query(
        'SELECT last_revision FROM ticket_view_fail WHERE ticket_id = $1',
        [bad.streamName.slice('station-fault-'.length)],
      );
      expect(rows).toEqual([{ last_revision: bad.revision - 1 }]);

      failing = false;
      await waitForCheckpoint(db.pool, projection.name, last);
      expect(r.status()).toMatchObject({ consecutiveFailures: 0 });
      expect(
        (await loadCheckpoint(db.pool, projection.name)).eventsApplied,
      ).toBe(log.length);
      expect(await snapshot(db.pool, projection)).toEqual(
        reference.get('ticket-view'),
      );
    });
  });

  describe('run twice at once for the same projection', () => {
    const projection = createTicketViewProjection({ tableSuffix: '_twin' });

    it('commits every event exactly once between them', async () => {
      const a = runner(projection, { catchUpBatchSize: 1 });
      const b = runner(projection, { catchUpBatchSize: 1 });
      await Promise.all([a.start(), b.start()]);
      await waitForCheckpoint(db.pool, projection.name, last);

      expect(
        (await loadCheckpoint(db.pool, projection.name)).eventsApplied,
      ).toBe(log.length);
      expect(await snapshot(db.pool, projection)).toEqual(
        reference.get('ticket-view'),
      );
    });
  });

  describe('committing a page', () => {
    const projection = createTicketViewProjection({ tableSuffix: '_flush' });

    it('does not wait for the WAL flush, and leaves the session as it was', async () => {
      const settings: string[] = [];
      const r = runner({
        ...projection,
        async apply(client, events) {
          const { rows } = await client.query<{ setting: string }>(
            "SELECT current_setting('synchronous_commit') AS setting",
          );
          settings.push(rows[0].setting);
          await projection.apply(client, events);
        },
      });
      await r.start();
      await waitForCheckpoint(db.pool, projection.name, last);
      await r.stop();

      expect(settings.length).toBeGreaterThan(0);
      expect(new Set(settings)).toEqual(new Set(['off']));
      expect(await snapshot(db.pool, projection)).toEqual(
        reference.get('ticket-view'),
      );
      // SET LOCAL ends with the transaction: the pooled sessions wait again.
      const sessions = await Promise.all(
        Array.from({ length: 3 }, () => db.pool.connect()),
      );
      try {
        for (const session of sessions) {
          const { rows } = await session.query<{ setting: string }>(
            "SELECT current_setting('synchronous_commit') AS setting",
          );
          expect(rows[0].setting).toBe('on');
        }
      } finally {
        for (const session of sessions) session.release();
      }
    });
  });

  describe('run side by side with shared commits', () => {
    const [ticketView, inbox] = createStationFaultProjections({
      tableSuffix: '_shared',
    });

    it('each end with the rows and checkpoint they reach alone', async () => {
      const commits = new SharedCommits(db.pool);
      const a = runner(ticketView, { commits });
      const b = runner(inbox, { commits });

      await Promise.all([a.start(), b.start()]);
      await waitForCheckpoint(db.pool, ticketView.name, last);
      await waitForCheckpoint(db.pool, inbox.name, last);

      for (const projection of [ticketView, inbox]) {
        expect(
          (await loadCheckpoint(db.pool, projection.name)).eventsApplied,
        ).toBe(log.length);
      }
      expect(await snapshot(db.pool, ticketView)).toEqual(
        reference.get('ticket-view'),
      );
      expect(await snapshot(db.pool, inbox)).toEqual(reference.get('inbox'));
    });

    it('lets one go on while the other fails on an event', async () => {
      await resetCheckpoint(db.pool, ticketView.name, null);
      await resetCheckpoint(db.pool, inbox.name, null);
      const commits = new SharedCommits(db.pool);
      const bad = log[12];
      let failing = true;
      const flaky = instrumented(inbox, (event) => {
        if (failing && event.eventId === bad.eventId) {
          throw new SimulatedHandlerFailure('simulated');
        }
      });
      const a = runner(ticketView, { commits });
      const b = runner(flaky, { commits });

      await Promise.all([a.start(), b.start()]);
      await waitForCheckpoint(db.pool, ticketView.name, last);
      await waitUntil(
        'two failures',
        () => b.status().consecutiveFailures >= 2,
      );

      expect(await loadCheckpoint(db.pool, inbox.name)).toMatchObject({
        position: log[11].position,
      });
      failing = false;
      await waitForCheckpoint(db.pool, inbox.name, last);
      expect(await snapshot(db.pool, inbox)).toEqual(reference.get('inbox'));
      expect(await snapshot(db.pool, ticketView)).toEqual(
        reference.get('ticket-view'),
      );
    });
  });
});
