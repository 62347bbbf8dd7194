import {
  PostgresEventStore,
  postgresEventStoreMigrations,
  type RecordedEvent,
} from '@opsdesk/event-store';
import { runMigrations, shanghaiTime } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { ProjectionRunner } from '../projector/projection-runner';
import { readModelMigrations } from '../read-model.migrations';
import { createStationFaultProjections } from '../station-fault/station-fault.projections';
import {
  appendAll,
  eventCount,
  stationFaultLog,
  waitForCheckpoint,
} from '../testing/read-model.harness';
import {
  interleavedAppends,
  stationFaultScenario,
  TICKET_IDS,
} from '../testing/station-fault-scenario.fixture';
import { TicketQueries } from './ticket-queries';

const page = { limit: 20, offset: 0 };

// Setup appends a few dozen events and waits for the runners to catch up;
// other test files in the same database can hold the log's read gate back.
jest.setTimeout(60_000);

describe('ticket queries over the projected station-fault tickets', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  let runners: ProjectionRunner[];
  let log: RecordedEvent[];
  let queries: TicketQueries;

  function eventsOf(ticketId: string): RecordedEvent[] {
    return log.filter((e) => e.streamName === `station-fault-${ticketId}`);
  }

  beforeAll(async () => {
    db = await createTestSchema('queries');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...readModelMigrations,
    ]);
    store = new PostgresEventStore(db.pool, { pollIntervalMs: 50 });
    const appends = interleavedAppends(stationFaultScenario());
    await appendAll(store, appends);
    log = await stationFaultLog(store, eventCount(appends));
    runners = createStationFaultProjections().map(
      (projection) =>
        new ProjectionRunner({ projection, store, pool: db.pool }),
    );
    await Promise.all(runners.map((r) => r.start()));
    const last = log[log.length - 1].position;
    await Promise.all(
      runners.map((r) => waitForCheckpoint(db.pool, r.name, last)),
    );
    queries = new TicketQueries(db.pool);
  });

  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await store.close();
    await db.drop();
  });

  describe('getTicket', () => {
    it('returns a closed ticket with ISO and Shanghai times', async () => {
      const events = eventsOf(TICKET_IDS.supplierRepaired);
      const ticket = await queries.getTicket(TICKET_IDS.supplierRepaired);

      expect(ticket).toMatchObject({
        ticketId: TICKET_IDS.supplierRepaired,
        processId: 'station-fault',
        ticketNumber: 'SF-20261204-0042',
        status: 'CLOSED',
        statusZh: '已关闭',
        holderRole: null,
        stationName: '张江高科地铁站网点',
        reporterType: 'property-management',
        reporterName: '王经理',
        suspectedChargingPile: true,
        isChargingPileIssue: true,
        finalStatus: 'repaired-by-supplier',
        reportedAt: events[0].recordedAt,
        reportedAtShanghai: shanghaiTime(events[0].recordedAt),
        closedAt: '2026-12-04T09:30:00.000Z',
        closedAtShanghai: '2026/12/04 17:30:00',
        lastRevision: events.length - 1,
      });
      expect(ticket?.state.status).toBe('CLOSED');
    });

    it('returns null for a ticket nobody reported', async () => {
      expect(
        await queries.getTicket('0193a6f0-0000-7000-8000-000000000000'),
      ).toBeNull();
    });
  });

  describe('listInbox', () => {
    it("lists an inspector's tickets, the longest waiting first", async () => {
      const items = await queries.listInbox('regional-inspector', {
        ...page,
        assigneeId: 'insp-zhang',
      });
      expect(items.map((i) => [i.ticketId, i.status, i.roleZh])).toEqual([
        [TICKET_IDS.inspecting, 'INSPECTING', '区域巡检'],
        [TICKET_IDS.inspectionAssigned, 'INSPECTION_ASSIGNED', '区域巡检'],
      ]);
      const assigned = eventsOf(TICKET_IDS.inspecting).find(
        (e) => e.type === 'station-fault.inspection-assigned',
      )!;
      expect(items[0]).toMatchObject({
        statusZh: '巡检现场排查中',
        since: assigned.recordedAt,
        sinceShanghai: shanghaiTime(assigned.recordedAt),
        ticketNumber: 'SF-20261204-0043',
      });
    });

    it('pages through a role inbox', async () => {
      const second = await queries.listInbox('regional-inspector', {
        limit: 1,
        offset: 1,
      });
      expect(second.map((i) => i.ticketId)).toEqual([
        TICKET_IDS.inspectionAssigned,
      ]);
    });

    it('has nothing for an inspector holding no ticket', async () => {
      expect(
        await queries.listInbox('regional-inspector', {
          ...page,
          assigneeId: 'insp-li',
        }),
      ).toEqual([]);
    });

    it('gives the platform the ticket its inspector cleared', async () => {
      const items = await queries.listInbox('regional-platform', page);
      expect(items.map((i) => i.ticketId)).toEqual([
        TICKET_IDS.clearedByInspector,
      ]);
    });

    it('refuses a page size of zero', async () => {
      await expect(
        queries.listInbox('regional-platform', { limit: 0, offset: 0 }),
      ).rejects.toMatchObject({
        code: 'READ_MODEL_INVALID_PAGE',
        field: 'limit',
      });
    });
  });

  describe('getTimeline', () => {
    it('returns every event of the ticket in revision order', async () => {
      const events = eventsOf(TICKET_IDS.clearedByInspector);
      const timeline = await queries.getTimeline(TICKET_IDS.clearedByInspector);

      expect(timeline.map((e) => [e.revision, e.eventId])).toEqual(
        events.map((e) => [e.revision, e.eventId]),
      );
      expect(timeline[timeline.length - 1]).toMatchObject({
        type: 'station-fault.fault-cleared-by-inspector',
        labelZh: '巡检排除故障',
        actorId: 'insp-li',
        actorRoleZh: '区域巡检',
        summaryZh: '已排除：地锁遥控器电池耗尽，已更换',
        recordedAtShanghai: shanghaiTime(events[events.length - 1].recordedAt),
      });
    });

    it('is empty for an unknown ticket', async () => {
      expect(await queries.getTimeline('no-such-ticket')).toEqual([]);
    });
  });

  describe('listTickets', () => {
    it('lists a region newest report first', async () => {
      const tickets = await queries.listTickets({
        ...page,
        regionId: 'region-pudong',
      });
      expect(tickets.map((t) => t.ticketNumber)).toEqual([
        'SF-20261204-0045',
        'SF-20261204-0043',
        'SF-20261204-0042',
      ]);
    });

    it('filters by status', async () => {
      const tickets = await queries.listTickets({ ...page, status: 'CLOSED' });
      expect(tickets.map((t) => t.ticketId)).toEqual([
        TICKET_IDS.supplierRepaired,
      ]);
    });

    it('pages through all tickets', async () => {
      const tickets = await queries.listTickets({ limit: 2, offset: 1 });
      expect(tickets.map((t) => t.ticketNumber)).toEqual([
        'SF-20261204-0044',
        'SF-20261204-0043',
      ]);
    });
  });

  describe("a charging-pile supplier's scope", () => {
    const own = { supplierIds: ['sup-teld'] };
    const other = { supplierIds: ['sup-other'] };

    it('shows the supplier the ticket handed to it, and no other', async () => {
      const handed = TICKET_IDS.supplierRepaired;
      const elsewhere = TICKET_IDS.inspecting;

      expect((await queries.getTicket(handed, own))?.ticketId).toBe(handed);
      expect(await queries.getTicket(handed, other)).toBeNull();
      expect(await queries.getTicket(elsewhere, own)).toBeNull();
      expect((await queries.getTimeline(handed, own)).length).toBe(
        eventsOf(handed).length,
      );
      expect(await queries.getTimeline(handed, other)).toEqual([]);
      expect(await queries.getTimeline(elsewhere, own)).toEqual([]);
    });

    it("lists the supplier's tickets only", async () => {
      const mine = await queries.listTickets({ ...page, ...own });
      const theirs = await queries.listTickets({ ...page, ...other });

      expect(mine.map((t) => t.ticketId)).toEqual([
        TICKET_IDS.supplierRepaired,
      ]);
      expect(theirs).toEqual([]);
    });

    it('keeps the subsidiary check beside it', async () => {
      const ticket = await queries.getTicket(TICKET_IDS.supplierRepaired, {
        ...own,
        subsidiaryId: 'evcard-elsewhere',
      });
      expect(ticket).toBeNull();
    });
  });

  describe('countOpenByHolder', () => {
    it('counts open tickets per inspector, zero for the idle ones', async () => {
      expect(
        await queries.countOpenByHolder('regional-inspector', [
          'insp-zhang',
          'insp-li',
          'insp-wang',
        ]),
      ).toEqual({ 'insp-zhang': 2, 'insp-li': 0, 'insp-wang': 0 });
    });

    it('answers an empty list of assignees with an empty count', async () => {
      expect(await queries.countOpenByHolder('regional-inspector', [])).toEqual(
        {},
      );
    });
  });
});
