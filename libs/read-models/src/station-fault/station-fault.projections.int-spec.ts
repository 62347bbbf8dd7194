import {
  PostgresEventStore,
  postgresEventStoreMigrations,
  type RecordedEvent,
} from '@opsdesk/event-store';
import { eventIdFor, runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projector/projection-runner';
import { readModelMigrations } from '../read-model.migrations';
import {
  appendAll,
  eventCount,
  snapshot,
  stationFaultLog,
  waitForCheckpoint,
} from '../testing/read-model.harness';
import {
  interleavedAppends,
  stationFaultScenario,
  TICKET_IDS,
} from '../testing/station-fault-scenario.fixture';
import { createStationFaultProjections } from './station-fault.projections';

const projections = createStationFaultProjections();

// Setup appends a few dozen events and waits for the runners to catch up;
// other test files in the same database can hold the log's read gate back.
jest.setTimeout(60_000);

describe('station-fault read models fed a day of tickets from PostgreSQL', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  let runners: ProjectionRunner[];
  let log: RecordedEvent[];

  function eventsOf(ticketId: string): RecordedEvent[] {
    return log.filter((e) => e.streamName === `station-fault-${ticketId}`);
  }

  function recordedAt(ticketId: string, type: string): string {
    const found = eventsOf(ticketId).filter(
      (e) => e.type === `station-fault.${type}`,
    );
    return found[found.length - 1].recordedAt;
  }

  beforeAll(async () => {
    db = await createTestSchema('readmodels');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...readModelMigrations,
    ]);
    store = new PostgresEventStore(db.pool, { pollIntervalMs: 50 });
    const appends = interleavedAppends(stationFaultScenario());
    const half = Math.floor(appends.length / 2);
    const revisions = new Map<string, number>();

    // Half the log is there before the runners start (catch-up), half
    // arrives while they run (live), and another process's stream is
    // mixed in that none of them may touch.
    await appendAll(store, appends.slice(0, half), revisions);
    await store.appendToStream(
      'user-invoice-0193a6f0-1c2d-7a01-8b11-0000000000f1',
      [
        {
          eventId: eventIdFor('cmd-invoice-1', 0),
          type: 'user-invoice.requested',
          schemaVersion: 1,
          data: { amountYuan: 128 },
          metadata: {
            commandId: 'cmd-invoice-1',
            causationId: 'cmd-invoice-1',
            correlationId: 'cmd-invoice-1',
            actor: { id: 'agent-0017', role: 'cs-phone-agent', kind: 'person' },
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    runners = projections.map(
      (projection) =>
        new ProjectionRunner({
          projection,
          store,
          pool: db.pool,
          catchUpBatchSize: 5,
        }),
    );
    await Promise.all(runners.map((r) => r.start()));
    await appendAll(store, appends.slice(half), revisions);

    log = await stationFaultLog(store, eventCount(appends));
    const last = log[log.length - 1].position;
    await Promise.all(
      projections.map((p) => waitForCheckpoint(db.pool, p.name, last)),
    );
  });

  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await store.close();
    await db.drop();
  });

  it('holds one ticket_view row per ticket with its holder and times', async () => {
    const { rows } = await db.pool.query(
      `SELECT ticket_id, ticket_number, status, status_zh, holder_role,
              holder_role_zh, assignee_id, region_id, last_revision,
              reported_at, updated_at, closed_at
         FROM ticket_view ORDER BY ticket_id`,
    );
    const times = (ticketId: string) => {
      const events = eventsOf(ticketId);
      return {
        last_revision: events.length - 1,
        reported_at: new Date(events[0].recordedAt),
        updated_at: new Date(events[events.length - 1].recordedAt),
      };
    };
    expect(rows).toEqual([
      {
        ticket_id: TICKET_IDS.supplierRepaired,
        ticket_number: 'SF-20261204-0042',
        status: 'CLOSED',
        status_zh: '已关闭',
        holder_role: null,
        holder_role_zh: null,
        assignee_id: null,
        region_id: 'region-pudong',
        ...times(TICKET_IDS.supplierRepaired),
        closed_at: new Date('2026-12-04T09:30:00.000Z'),
      },
      {
        ticket_id: TICKET_IDS.inspecting,
        ticket_number: 'SF-20261204-0043',
        status: 'INSPECTING',
        status_zh: '巡检现场排查中',
        holder_role: 'regional-inspector',
        holder_role_zh: '区域巡检',
        assignee_id: 'insp-zhang',
        region_id: 'region-pudong',
        ...times(TICKET_IDS.inspecting),
        closed_at: null,
      },
      {
        ticket_id: TICKET_IDS.clearedByInspector,
        ticket_number: 'SF-20261204-0044',
        status: 'RESOLVED_BY_INSPECTION',
        status_zh: '巡检已排除',
        holder_role: 'regional-platform',
        holder_role_zh: '区域平台',
        assignee_id: null,
        region_id: 'region-minhang',
        ...times(TICKET_IDS.clearedByInspector),
        closed_at: null,
      },
      {
        ticket_id: TICKET_IDS.inspectionAssigned,
        ticket_number: 'SF-20261204-0045',
        status: 'INSPECTION_ASSIGNED',
        status_zh: '已指派巡检',
        holder_role: 'regional-inspector',
        holder_role_zh: '区域巡检',
        assignee_id: 'insp-zhang',
        region_id: 'region-pudong',
        ...times(TICKET_IDS.inspectionAssigned),
        closed_at: null,
      },
    ]);
  });

  it('keeps the folded domain state beside the columns', async () => {
    const { rows } = await db.pool.query(
      'SELECT state FROM ticket_view WHERE ticket_id = $1',
      [TICKET_IDS.supplierRepaired],
    );
    expect(rows[0].state).toMatchObject({
      status: 'CLOSED',
      supplierId: 'sup-teld',
      finalStatus: 'repaired-by-supplier',
      contactOutcome: 'reached',
    });
  });

  it('lists each open ticket once, under its holder since the hand-over', async () => {
    const { rows } = await db.pool.query(
      'SELECT * FROM inbox_items ORDER BY ticket_id',
    );
    expect(rows).toEqual([
      {
        ticket_id: TICKET_IDS.inspecting,
        role: 'regional-inspector',
        assignee_id: 'insp-zhang',
        status: 'INSPECTING',
        since: new Date(
          recordedAt(TICKET_IDS.inspecting, 'inspection-assigned'),
        ),
        ticket_number: 'SF-20261204-0043',
        station_name: '金桥国际商业广场网点',
        region_id: 'region-pudong',
        subsidiary_id: null,
      },
      {
        ticket_id: TICKET_IDS.clearedByInspector,
        role: 'regional-platform',
        assignee_id: null,
        status: 'RESOLVED_BY_INSPECTION',
        since: new Date(
          recordedAt(
            TICKET_IDS.clearedByInspector,
            'fault-cleared-by-inspector',
          ),
        ),
        ticket_number: 'SF-20261204-0044',
        station_name: '莘庄地铁站北广场网点',
        region_id: 'region-minhang',
        subsidiary_id: null,
      },
      {
        ticket_id: TICKET_IDS.inspectionAssigned,
        role: 'regional-inspector',
        assignee_id: 'insp-zhang',
        status: 'INSPECTION_ASSIGNED',
        since: new Date(
          recordedAt(TICKET_IDS.inspectionAssigned, 'inspection-assigned'),
        ),
        ticket_number: 'SF-20261204-0045',
        station_name: '张江高科地铁站网点',
        region_id: 'region-pudong',
        subsidiary_id: null,
      },
    ]);
  });

  it('records one timeline entry per station-fault event, in stream order', async () => {
    const { rows } = await db.pool.query(
      'SELECT event_id FROM timeline_entries ORDER BY ticket_id, revision',
    );
    const expected = [...log]
      .sort((a, b) =>
        a.streamName === b.streamName
          ? a.revision - b.revision
          : a.streamName < b.streamName
            ? -1
            : 1,
      )
      .map((e) => ({ event_id: e.eventId }));
    expect(rows).toEqual(expected);
  });

  it('writes the timeline entry of a hand-over with labels, actor and summary', async () => {
    const escalated = eventsOf(TICKET_IDS.supplierRepaired).find(
      (e) => e.type === 'station-fault.ops-task-assigned',
    )!;
    const { rows } = await db.pool.query(
      'SELECT * FROM timeline_entries WHERE event_id = $1',
      [escalated.eventId],
    );
    expect(rows).toEqual([
      {
        ticket_id: TICKET_IDS.supplierRepaired,
        revision: escalated.revision,
        event_id: escalated.eventId,
        type: 'station-fault.ops-task-assigned',
        label_zh: '指派网点运维团队现场处理',
        label_en: 'On-site task assigned to operations',
        actor_id: 'sm-pudong',
        actor_role: 'station-manager',
        actor_role_zh: '网点管理岗',
        actor_kind: 'person',
        recorded_at: new Date(escalated.recordedAt),
        summary_zh: '指派运维团队 ops-pudong-1',
        data: { opsTeamId: 'ops-pudong-1' },
      },
    ]);
  });

  it('counts every delivered event once in each checkpoint', async () => {
    const { rows } = await db.pool.query(
      'SELECT name, position, events_applied FROM projection_checkpoints ORDER BY name',
    );
    const last = log[log.length - 1].position;
    expect(rows).toEqual(
      ['inbox', 'reporting', 'ticket-view', 'timeline'].map((name) => ({
        name,
        position: last,
        events_applied: String(log.length),
      })),
    );
  });

  describe('when every event is applied a second time', () => {
    it('leaves every read model as it was', async () => {
      const before = await Promise.all(
        projections.map((p) => snapshot(db.pool, p)),
      );
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        for (const event of log) {
          for (const projection of projections) {
            await projection.apply(client, [event]);
          }
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const after = await Promise.all(
        projections.map((p) => snapshot(db.pool, p)),
      );
      expect(after).toEqual(before);
    });

    it('leaves them as they were when the whole log comes as one page', async () => {
      const before = await Promise.all(
        projections.map((p) => snapshot(db.pool, p)),
      );
      await applyInPages(projections, log.length);
      const after = await Promise.all(
        projections.map((p) => snapshot(db.pool, p)),
      );
      expect(after).toEqual(before);
    });
  });

  describe.each([1, 2, 7, 1000])('fed in pages of %i events', (size) => {
    const paged = createStationFaultProjections({ tableSuffix: `_p${size}` });

    it('builds the rows the live runners built one page at a time', async () => {
      await runMigrations(
        db.pool,
        db.schema,
        paged.flatMap((p) => [...p.migrations]),
      );
      await applyInPages(paged, size);

      for (const [index, projection] of paged.entries()) {
        expect(await snapshot(db.pool, projection)).toEqual(
          await snapshot(db.pool, projections[index]),
        );
      }
    });
  });

  /** Applies the whole log to each projection, a transaction per page. */
  async function applyInPages(
    targets: readonly Projection[],
    size: number,
  ): Promise<void> {
    for (let start = 0; start < log.length; start += size) {
      const page = log.slice(start, start + size);
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        for (const projection of targets) {
          await projection.apply(client, page);
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
  }
});
