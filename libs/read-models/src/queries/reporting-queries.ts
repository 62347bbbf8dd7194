import {
  FAULT_CATEGORIES,
  ROLES,
  ROLE_IDS,
  STATION_FAULT_STATES,
  type FaultCategory,
  type RoleId,
  type StationFaultStatus,
} from '@opsdesk/domain';
import { findRegion } from '@opsdesk/stations';
import type { Pool } from 'pg';
import { iso, isoOrNull, num, text, type DbRow } from './db-values';
import { checkPage } from './page';
import type {
  BacklogCell,
  ClearTimeReport,
  CustodyByRole,
  CustodyPeriod,
  OpenTicket,
  ReportCounts,
  ReportDay,
  ReportStationDay,
  ScopedReportFilter,
} from './reporting-query.types';
import type { Page } from './ticket-query.types';

// $1–$6 are always the filter and scope, in `filterParams` order.
const WHERE = `
  ($1::date IS NULL OR report_day >= $1::date)
  AND ($2::date IS NULL OR report_day <= $2::date)
  AND ($3::text IS NULL OR region_id = $3)
  AND ($4::text IS NULL OR station_id = $4)
  AND ($5::text IS NULL OR category = $5)
  AND ($6::text IS NULL OR subsidiary_id = $6)`;

function filterParams(filter: ScopedReportFilter): unknown[] {
  return [
    filter.from ?? null,
    filter.to ?? null,
    filter.regionId ?? null,
    filter.stationId ?? null,
    filter.category ?? null,
    filter.subsidiaryId ?? null,
  ];
}

/** The counts of `ReportCounts` over the rows of `t` (`report_tickets`). */
function countsOver(t: string): string {
  return `
    count(${t}.ticket_id)::integer AS reported,
    count(*) FILTER (WHERE ${t}.inspected)::integer AS inspected,
    count(*) FILTER (WHERE ${t}.cleared_first_visit)::integer
      AS cleared_first_visit,
    count(*) FILTER (WHERE ${t}.escalated)::integer AS escalated,
    count(*) FILTER (WHERE ${t}.supplier_involved)::integer
      AS supplier_involved,
    count(*) FILTER (WHERE ${t}.repaired_on_site)::integer
      AS repaired_on_site,
    count(*) FILTER (WHERE ${t}.cleared_at IS NOT NULL)::integer AS cleared,
    count(*) FILTER (WHERE ${t}.is_open)::integer AS still_open,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${t}.time_to_clear_s)
      AS time_to_clear_median_s,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${t}.time_to_clear_s)
      AS time_to_clear_p90_s`;
}

/** Lower bounds in seconds: 10 s, 1 min, 10 min, 30 min, 1 h, 4 h, 8 h, 1 d, 3 d. */
const CLEAR_TIME_BOUNDS = [
  10, 60, 600, 1800, 3600, 14400, 28800, 86400, 259200,
];
const CLEAR_TIME_LABELS = [
  '<10秒',
  '10秒–1分钟',
  '1–10分钟',
  '10–30分钟',
  '30分钟–1小时',
  '1–4小时',
  '4–8小时',
  '8–24小时',
  '1–3天',
  '>3天',
];

/**
 * The reporting figures, read from the `report_*` views (the same ones
 * dashboards read), for the tickets a filter selects within a scope.
 */
export class ReportingQueries {
  constructor(private readonly pool: Pool) {}

  /**
   * TODO(#9): the fold is in a table of its own now, but every event
   * still writes a new version of the ticket's row (`updated_at` moves),
   * so rows the runners have just built lie among about five dead
   * versions each, in a table five times their size. In the query probe
   * (600,000 events, 4,000 calls a day) a region's week costs PostgreSQL
   * 10.5 ms a request at 200 a second (62 ms with the fold in the row);
   * one query at a time it costs 8.8 ms on those rows and 1.7 ms on the
   * same rows rewritten compact, as the migration leaves them. Two cores
   * answering 200 a second leave under 10 ms for the whole request; this
   * goes when the rows stop being rewritten on every event, or are kept
   * compact as they are written.
   */
  async summary(filter: ScopedReportFilter): Promise<ReportCounts> {
    const { rows } = await this.pool.query<DbRow>(
      `SELECT ${countsOver('report_tickets')}
         FROM report_tickets WHERE ${WHERE}`,
      filterParams(filter),
    );
    return toCounts(rows[0]);
  }

  /**
   * One row per day from `from` to `to` (or the first to the last day
   * with tickets), days without tickets included.
   */
  async byDay(filter: ScopedReportFilter): Promise<ReportDay[]> {
    const { rows } = await this.pool.query<DbRow>(
      `WITH f AS (SELECT * FROM report_tickets WHERE ${WHERE}),
            days AS (
              SELECT generate_series(
                       coalesce($1::date, (SELECT min(report_day) FROM f)),
                       coalesce($2::date, (SELECT max(report_day) FROM f)),
                       interval '1 day')::date AS day)
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day, ${countsOver('f')}
         FROM days LEFT JOIN f ON f.report_day = days.day
        GROUP BY days.day ORDER BY days.day`,
      filterParams(filter),
    );
    return rows.map((row) => ({ day: String(row.day), ...toCounts(row) }));
  }

  /** `report_daily`: day × region × station × category. */
  async byStationDay(filter: ScopedReportFilter): Promise<ReportStationDay[]> {
    const { rows } = await this.pool.query<DbRow>(
      `SELECT to_char(report_day, 'YYYY-MM-DD') AS day, region_id,
              station_id, station_name, category, reported, inspected,
              cleared_first_visit, escalated, supplier_involved,
              repaired_on_site, cleared, still_open,
              time_to_clear_median_s, time_to_clear_p90_s
         FROM report_daily WHERE ${WHERE}
        ORDER BY report_day, region_id, station_id, category`,
      filterParams(filter),
    );
    return rows.map((row) => ({
      day: String(row.day),
      regionId: text(row.region_id),
      regionZh: regionZh(row.region_id),
      stationId: text(row.station_id),
      stationName: text(row.station_name),
      category: text(row.category) as FaultCategory | null,
      categoryZh: categoryZh(row.category),
      ...toCounts(row),
    }));
  }

  /** Time to clear over cleared tickets: percentiles and a histogram. */
  async timeToClear(filter: ScopedReportFilter): Promise<ClearTimeReport> {
    const params = [...filterParams(filter), CLEAR_TIME_BOUNDS];
    const overall = await this.pool.query<DbRow>(
      `SELECT count(time_to_clear_s)::integer AS cleared,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY time_to_clear_s)
                AS median_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY time_to_clear_s)
                AS p90_s
         FROM report_tickets WHERE ${WHERE}`,
      filterParams(filter),
    );
    const histogram = await this.pool.query<DbRow>(
      `SELECT width_bucket(time_to_clear_s, $7::double precision[])
                AS bucket,
              count(*)::integer AS n
         FROM report_tickets
        WHERE ${WHERE} AND time_to_clear_s IS NOT NULL
        GROUP BY 1`,
      params,
    );
    const byCategory = await this.pool.query<DbRow>(
      `SELECT category, count(time_to_clear_s)::integer AS cleared,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY time_to_clear_s)
                AS median_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY time_to_clear_s)
                AS p90_s
         FROM report_tickets WHERE ${WHERE}
        GROUP BY category ORDER BY category`,
      filterParams(filter),
    );
    const counts = new Map(
      histogram.rows.map((row) => [Number(row.bucket), Number(row.n)]),
    );
    const o = overall.rows[0];
    return {
      cleared: Number(o.cleared),
      medianS: num(o.median_s),
      p90S: num(o.p90_s),
      buckets: CLEAR_TIME_LABELS.map((label, i) => ({
        label,
        fromS: i === 0 ? 0 : CLEAR_TIME_BOUNDS[i - 1],
        toS: i < CLEAR_TIME_BOUNDS.length ? CLEAR_TIME_BOUNDS[i] : null,
        count: counts.get(i) ?? 0,
      })),
      byCategory: byCategory.rows.map((row) => ({
        category: text(row.category) as FaultCategory | null,
        categoryZh: categoryZh(row.category),
        cleared: Number(row.cleared),
        medianS: num(row.median_s),
        p90S: num(row.p90_s),
      })),
    };
  }

  /** Per role, in the order roles appear in the process. */
  async custodyByRole(filter: ScopedReportFilter): Promise<CustodyByRole[]> {
    const { rows } = await this.pool.query<DbRow>(
      `SELECT role,
              count(*)::integer AS periods,
              count(DISTINCT ticket_id)::integer AS tickets,
              count(*) FILTER (WHERE NOT is_open)::integer AS closed_periods,
              coalesce(sum(duration_s), 0)::double precision
                AS closed_held_s,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_s)
                AS median_held_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_s)
                AS p90_held_s,
              count(*) FILTER (WHERE is_open)::integer AS open_periods,
              coalesce(sum(held_s) FILTER (WHERE is_open), 0)
                ::double precision AS open_held_s
         FROM report_custody WHERE ${WHERE}
        GROUP BY role`,
      filterParams(filter),
    );
    return rows
      .map((row) => {
        const role = row.role as RoleId;
        return {
          role,
          roleZh: ROLES[role]?.zh ?? role,
          periods: Number(row.periods),
          tickets: Number(row.tickets),
          closedPeriods: Number(row.closed_periods),
          closedHeldS: Number(row.closed_held_s),
          medianHeldS: num(row.median_held_s),
          p90HeldS: num(row.p90_held_s),
          openPeriods: Number(row.open_periods),
          openHeldS: Number(row.open_held_s),
        };
      })
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role));
  }

  /** Every holding period of the filtered tickets, ticket by ticket. */
  async custodyPeriods(
    filter: ScopedReportFilter & { ticketId?: string },
    page: Page,
  ): Promise<CustodyPeriod[]> {
    const { limit, offset } = checkPage(page);
    const { rows } = await this.pool.query<DbRow>(
      `SELECT ticket_id, ticket_number,
              to_char(report_day, 'YYYY-MM-DD') AS day, region_id,
              station_id, category, seq, role, assignee_id, from_at, to_at,
              duration_s, held_s
         FROM report_custody
        WHERE ${WHERE} AND ($7::text IS NULL OR ticket_id = $7)
        ORDER BY report_day, ticket_id, seq
        LIMIT $8 OFFSET $9`,
      [...filterParams(filter), filter.ticketId ?? null, limit, offset],
    );
    return rows.map((row) => {
      const role = row.role as RoleId;
      return {
        ticketId: String(row.ticket_id),
        ticketNumber: text(row.ticket_number),
        day: String(row.day),
        regionId: text(row.region_id),
        stationId: text(row.station_id),
        category: text(row.category) as FaultCategory | null,
        seq: Number(row.seq),
        role,
        roleZh: ROLES[role]?.zh ?? role,
        assigneeId: text(row.assignee_id),
        fromAt: iso(row.from_at),
        toAt: isoOrNull(row.to_at),
        durationS: num(row.duration_s),
        heldS: Number(row.held_s),
      };
    });
  }

  /** Open tickets now, by region and the role holding them. */
  async backlog(filter: ScopedReportFilter): Promise<BacklogCell[]> {
    const { rows } = await this.pool.query<DbRow>(
      `SELECT region_id, holder_role, count(*)::integer AS open_tickets,
              min(holder_since) AS oldest_since
         FROM report_open_tickets WHERE ${WHERE}
        GROUP BY region_id, holder_role
        ORDER BY region_id, holder_role`,
      filterParams(filter),
    );
    return rows.map((row) => {
      const role = text(row.holder_role) as RoleId | null;
      return {
        regionId: text(row.region_id),
        regionZh: regionZh(row.region_id),
        role,
        roleZh: role ? (ROLES[role]?.zh ?? role) : null,
        openTickets: Number(row.open_tickets),
        oldestSince: isoOrNull(row.oldest_since),
      };
    });
  }

  /** The open tickets reported longest ago, oldest first. */
  async openTickets(
    filter: ScopedReportFilter,
    page: Page,
  ): Promise<OpenTicket[]> {
    const { limit, offset } = checkPage(page);
    const { rows } = await this.pool.query<DbRow>(
      `SELECT *, to_char(report_day, 'YYYY-MM-DD') AS day
         FROM report_open_tickets WHERE ${WHERE}
        ORDER BY recorded_at, ticket_id
        LIMIT $7 OFFSET $8`,
      [...filterParams(filter), limit, offset],
    );
    return rows.map((row) => {
      const role = text(row.holder_role) as RoleId | null;
      const status = String(row.status) as StationFaultStatus;
      return {
        ticketId: String(row.ticket_id),
        ticketNumber: text(row.ticket_number),
        day: String(row.day),
        callTime: iso(row.call_time),
        recordedAt: iso(row.recorded_at),
        regionId: text(row.region_id),
        regionZh: regionZh(row.region_id),
        stationId: text(row.station_id),
        stationName: text(row.station_name),
        category: text(row.category) as FaultCategory | null,
        categoryZh: categoryZh(row.category),
        status,
        statusZh: STATION_FAULT_STATES[status]?.zh ?? status,
        holderRole: role,
        holderRoleZh: role ? (ROLES[role]?.zh ?? role) : null,
        assigneeId: text(row.assignee_id),
        holderSince: isoOrNull(row.holder_since),
        openS: Number(row.open_s),
        heldS: num(row.held_s),
      };
    });
  }
}

function toCounts(row: DbRow): ReportCounts {
  const inspected = Number(row.inspected);
  const clearedFirstVisit = Number(row.cleared_first_visit);
  return {
    reported: Number(row.reported),
    inspected,
    clearedFirstVisit,
    firstVisitFixRate: inspected === 0 ? null : clearedFirstVisit / inspected,
    escalated: Number(row.escalated),
    supplierInvolved: Number(row.supplier_involved),
    repairedOnSite: Number(row.repaired_on_site),
    cleared: Number(row.cleared),
    stillOpen: Number(row.still_open),
    timeToClearMedianS: num(row.time_to_clear_median_s),
    timeToClearP90S: num(row.time_to_clear_p90_s),
  };
}

function regionZh(regionId: unknown): string | null {
  return typeof regionId === 'string'
    ? (findRegion(regionId)?.name ?? null)
    : null;
}

function categoryZh(category: unknown): string | null {
  return typeof category === 'string'
    ? (FAULT_CATEGORIES[category as FaultCategory]?.zh ?? category)
    : null;
}

function roleOrder(role: RoleId): number {
  const at = ROLE_IDS.indexOf(role);
  return at < 0 ? ROLE_IDS.length : at;
}
