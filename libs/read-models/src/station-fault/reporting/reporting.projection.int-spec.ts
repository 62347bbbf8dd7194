import { postgresEventStoreMigrations } from '@opsdesk/event-store';
import { runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../../test/support/database';
import {
  projectionMigrations,
  readModelMigrations,
} from '../../read-model.migrations';
import { ReportingQueries } from '../../queries/reporting-queries';
import { applyAll, snapshot } from '../../testing/read-model.harness';
import {
  byRecordedAt,
  CHUANSHA,
  HONGQIAO,
  REPORTING_TICKETS,
  reportingScenario,
  ZHOUPU,
} from '../../testing/reporting-scenario.fixture';
import { createReportingProjection } from './reporting.projection';
import { REPORTING_TICKET_COLUMNS } from './reporting.tables';

const { midnight, open, repaired } = REPORTING_TICKETS;

describe('the reporting projection fed a gate, a pile and a light', () => {
  let db: TestSchema;
  const live = createReportingProjection();
  const log = byRecordedAt(reportingScenario());

  beforeAll(async () => {
    db = await createTestSchema('reporting');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...readModelMigrations,
      ...projectionMigrations({ tableSuffix: '_rebuild' }),
    ]);
    await applyAll(db.pool, live, log);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('holds one row per ticket with its day, outcome and time to clear', async () => {
    const { rows } = await db.pool.query(
      `SELECT ticket_id, to_char(report_day, 'YYYY-MM-DD') AS day,
              region_id, station_id, category, status, first_visit_result,
              escalated, supplier_involved, repaired_on_site, resolution,
              time_to_clear_s, closed_at
         FROM reporting_tickets ORDER BY ticket_id`,
    );
    expect(rows).toEqual([
      {
        ticket_id: midnight,
        day: '2026-03-09',
        region_id: 'rp-central',
        station_id: HONGQIAO.id,
        category: 'barrier-gate',
        status: 'CLOSED',
        first_visit_result: 'cleared',
        escalated: false,
        supplier_involved: false,
        repaired_on_site: false,
        resolution: 'inspector',
        time_to_clear_s: 3300,
        closed_at: new Date('2026-03-10T01:10:00.000Z'),
      },
      {
        ticket_id: open,
        day: '2026-03-10',
        region_id: 'rp-pudong',
        station_id: CHUANSHA.id,
        category: 'charging-pile',
        status: 'SUPPLIER_HANDLING',
        first_visit_result: 'not-cleared',
        escalated: true,
        supplier_involved: true,
        repaired_on_site: false,
        resolution: null,
        time_to_clear_s: null,
        closed_at: null,
      },
      {
        ticket_id: repaired,
        day: '2026-03-10',
        region_id: 'rp-pudong',
        station_id: ZHOUPU.id,
        category: 'lighting',
        status: 'CLOSED',
        first_visit_result: 'not-cleared',
        escalated: true,
        supplier_involved: false,
        repaired_on_site: true,
        resolution: 'ops-team',
        time_to_clear_s: 14340,
        closed_at: new Date('2026-03-10T14:00:00.000Z'),
      },
    ]);
  });

  it('keeps its fold in reporting_folds, out of the rows reports read', async () => {
    const columns = await db.pool.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'reporting_tickets'
        ORDER BY ordinal_position`,
      [db.schema],
    );
    expect(columns.rows.map((r) => r.name)).toEqual([
      ...REPORTING_TICKET_COLUMNS,
    ]);
    const { rows } = await db.pool.query(
      `SELECT ticket_id, last_revision, state->>'status' AS status,
              custody_periods, holder_since
         FROM reporting_folds ORDER BY ticket_id`,
    );
    expect(rows).toEqual([
      {
        ticket_id: midnight,
        last_revision: 9,
        status: 'CLOSED',
        custody_periods: 6,
        holder_since: null,
      },
      {
        ticket_id: open,
        last_revision: 11,
        status: 'SUPPLIER_HANDLING',
        custody_periods: 9,
        holder_since: new Date('2026-03-10T06:00:00.000Z'),
      },
      {
        ticket_id: repaired,
        last_revision: 19,
        status: 'CLOSED',
        custody_periods: 10,
        holder_since: null,
      },
    ]);
  });

  it('holds every holding period with exact seconds, the open one without an end', async () => {
    const { rows } = await db.pool.query(
      `SELECT ticket_id, seq, role, assignee_id, from_at, to_at, duration_s
         FROM reporting_custody WHERE ticket_id = $1 ORDER BY seq`,
      [open],
    );
    const at = (iso: string) => new Date(iso);
    expect(
      rows.map((r) => [r.seq, r.role, r.assignee_id, r.duration_s]),
    ).toEqual([
      [0, 'cs-phone-agent', null, 60],
      [1, 'dispatch-manager', null, 10],
      [2, 'regional-platform', null, 10],
      [3, 'regional-inspector', 'insp-b', 5020],
      [4, 'regional-platform', null, 600],
      [5, 'dispatch-manager', null, 1200],
      [6, 'station-manager', null, 3600],
      [7, 'station-ops-team', 'ops-1', 3600],
      [8, 'charging-pile-supplier', 'sup-1', null],
    ]);
    expect(rows[8]).toMatchObject({
      from_at: at('2026-03-10T06:00:00.000Z'),
      to_at: null,
    });

    const midnightInspector = await db.pool.query(
      `SELECT from_at, to_at, duration_s FROM reporting_custody
        WHERE ticket_id = $1 AND role = 'regional-inspector'`,
      [midnight],
    );
    expect(midnightInspector.rows).toEqual([
      {
        from_at: at('2026-03-09T15:43:00.000Z'),
        to_at: at('2026-03-09T16:35:00.000Z'),
        duration_s: 3120,
      },
    ]);
  });

  it('shows report_daily per call day × region × station × category with percentiles', async () => {
    const { rows } = await db.pool.query(
      `SELECT to_char(report_day, 'YYYY-MM-DD') AS day, region_id,
              station_id, category, reported, inspected, cleared_first_visit,
              escalated, supplier_involved, repaired_on_site, cleared,
              still_open, time_to_clear_median_s, time_to_clear_p90_s
         FROM report_daily ORDER BY report_day, station_id`,
    );
    const counts = (c: number[]) => ({
      reported: c[0],
      inspected: c[1],
      cleared_first_visit: c[2],
      escalated: c[3],
      supplier_involved: c[4],
      repaired_on_site: c[5],
      cleared: c[6],
      still_open: c[7],
    });
    expect(rows).toEqual([
      {
        day: '2026-03-09',
        region_id: 'rp-central',
        station_id: HONGQIAO.id,
        category: 'barrier-gate',
        ...counts([1, 1, 1, 0, 0, 0, 1, 0]),
        time_to_clear_median_s: 3300,
        time_to_clear_p90_s: 3300,
      },
      {
        day: '2026-03-10',
        region_id: 'rp-pudong',
        station_id: CHUANSHA.id,
        category: 'charging-pile',
        ...counts([1, 1, 0, 1, 1, 0, 0, 1]),
        time_to_clear_median_s: null,
        time_to_clear_p90_s: null,
      },
      {
        day: '2026-03-10',
        region_id: 'rp-pudong',
        station_id: ZHOUPU.id,
        category: 'lighting',
        ...counts([1, 1, 0, 1, 0, 1, 1, 0]),
        time_to_clear_median_s: 14340,
        time_to_clear_p90_s: 14340,
      },
    ]);
  });

  it('shows the open pile in report_backlog under the supplier', async () => {
    const { rows } = await db.pool.query(
      `SELECT subsidiary_id, region_id, role, open_tickets, oldest_since
         FROM report_backlog`,
    );
    expect(rows).toEqual([
      {
        subsidiary_id: null,
        region_id: 'rp-pudong',
        role: 'charging-pile-supplier',
        open_tickets: 1,
        oldest_since: new Date('2026-03-10T06:00:00.000Z'),
      },
    ]);
  });

  it('answers the queries with the same figures', async () => {
    const queries = new ReportingQueries(db.pool);

    expect(await queries.summary({})).toEqual({
      reported: 3,
      inspected: 3,
      clearedFirstVisit: 1,
      firstVisitFixRate: 1 / 3,
      escalated: 2,
      supplierInvolved: 1,
      repairedOnSite: 1,
      cleared: 2,
      stillOpen: 1,
      // percentile_cont over [3300, 14340].
      timeToClearMedianS: 8820,
      timeToClearP90S: 13236,
    });
    expect(
      (await queries.byDay({ from: '2026-03-08', to: '2026-03-10' })).map(
        (d) => [d.day, d.reported, d.cleared, d.stillOpen],
      ),
    ).toEqual([
      ['2026-03-08', 0, 0, 0],
      ['2026-03-09', 1, 1, 0],
      ['2026-03-10', 2, 1, 1],
    ]);
    expect(
      await queries.summary({ regionId: 'rp-pudong', category: 'lighting' }),
    ).toMatchObject({ reported: 1, repairedOnSite: 1, stillOpen: 0 });

    // A subsidiary's reader sees its tickets only, not those recorded
    // before tickets named their subsidiary.
    expect(await queries.summary({ subsidiaryId: 'sh' })).toMatchObject({
      reported: 1,
      clearedFirstVisit: 1,
    });

    const custody = await queries.custodyByRole({ to: '2026-03-09' });
    expect(custody.map((r) => [r.role, r.periods, r.closedHeldS])).toEqual([
      ['cs-phone-agent', 2, 120 + 30840],
      ['dispatch-manager', 1, 30],
      ['regional-platform', 2, 30 + 60],
      ['regional-inspector', 1, 3120],
    ]);

    const clear = await queries.timeToClear({});
    expect(clear).toMatchObject({ cleared: 2, medianS: 8820 });
    expect(clear.buckets.filter((b) => b.count > 0)).toEqual([
      { label: '30分钟–1小时', fromS: 1800, toS: 3600, count: 1 },
      { label: '1–4小时', fromS: 3600, toS: 14400, count: 1 },
    ]);

    const [oldest] = await queries.openTickets({}, { limit: 5, offset: 0 });
    expect(oldest).toMatchObject({
      ticketId: open,
      holderRole: 'charging-pile-supplier',
      holderRoleZh: '充电桩供应商',
      regionZh: '浦东区域平台',
      categoryZh: '充电桩',
      holderSince: '2026-03-10T06:00:00.000Z',
    });
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = await snapshot(db.pool, live);
    await applyAll(db.pool, live, log);
    expect(await snapshot(db.pool, live)).toEqual(before);
  });

  it('builds the same rows into fresh tables, one ticket after another', async () => {
    const fresh = createReportingProjection({ tableSuffix: '_rebuild' });
    await applyAll(db.pool, fresh, reportingScenario().flat());
    expect(await snapshot(db.pool, fresh)).toEqual(
      await snapshot(db.pool, live),
    );
  });
});
