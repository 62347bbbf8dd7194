import type { ReportingTables } from './reporting.tables';

/**
 * The views dashboards (Grafana, Metabase) and the reporting API read;
 * their names and columns are the contract (README, "Reporting"), the
 * `reporting_*` tables behind them are the projection's to rebuild.
 *
 * Each statement drops and re-creates: a view follows the table it was
 * created on, not its name, so after a rebuild swaps fresh tables in this
 * runs again to point the views at them.
 */
export function reportingViewsSql({
  reportingTickets: t,
  reportingCustody: c,
}: ReportingTables): string {
  return `
    DROP VIEW IF EXISTS report_backlog, report_open_tickets,
      report_custody_daily, report_custody, report_daily, report_tickets;

    -- One row per ticket.
    CREATE VIEW report_tickets AS
      SELECT ticket_id, ticket_number, report_day, call_time, recorded_at,
             region_id, station_id, station_name, district, subsidiary_id,
             category, status,
             inspection_visits, first_visit_result,
             first_visit_result IS NOT NULL AS inspected,
             first_visit_result IS NOT DISTINCT FROM 'cleared'
               AS cleared_first_visit,
             escalated, supplier_involved, repaired_on_site, resolution,
             cleared_at, time_to_clear_s, closed_at,
             closed_at IS NULL AS is_open, updated_at
        FROM ${t};

    -- Per Shanghai day of the call × region × station × category.
    CREATE VIEW report_daily AS
      SELECT report_day, region_id, station_id,
             min(station_name) AS station_name, category, subsidiary_id,
             count(*)::integer AS reported,
             count(*) FILTER (WHERE inspected)::integer AS inspected,
             count(*) FILTER (WHERE cleared_first_visit)::integer
               AS cleared_first_visit,
             count(*) FILTER (WHERE escalated)::integer AS escalated,
             count(*) FILTER (WHERE supplier_involved)::integer
               AS supplier_involved,
             count(*) FILTER (WHERE repaired_on_site)::integer
               AS repaired_on_site,
             count(*) FILTER (WHERE cleared_at IS NOT NULL)::integer
               AS cleared,
             count(*) FILTER (WHERE is_open)::integer AS still_open,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY time_to_clear_s)
               AS time_to_clear_median_s,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY time_to_clear_s)
               AS time_to_clear_p90_s
        FROM report_tickets
       GROUP BY report_day, region_id, station_id, category, subsidiary_id;

    -- One row per ticket per holding period, with the ticket's dimensions;
    -- held_s runs to now while the period is open.
    CREATE VIEW report_custody AS
      SELECT c.ticket_id, t.ticket_number, t.report_day, t.region_id,
             t.station_id, t.category, t.subsidiary_id, c.seq, c.role, c.assignee_id,
             c.from_at, c.to_at, c.duration_s, c.to_at IS NULL AS is_open,
             coalesce(c.duration_s,
                      extract(epoch FROM now() - c.from_at)::double precision)
               AS held_s
        FROM ${c} c JOIN ${t} t USING (ticket_id);

    -- Per day × region × station × category × role.
    CREATE VIEW report_custody_daily AS
      SELECT report_day, region_id, station_id, category, subsidiary_id,
             role, count(*)::integer AS periods,
             count(DISTINCT ticket_id)::integer AS tickets,
             coalesce(sum(duration_s), 0)::double precision AS closed_held_s,
             count(*) FILTER (WHERE is_open)::integer AS open_periods
        FROM report_custody
       GROUP BY report_day, region_id, station_id, category, subsidiary_id,
                role;

    -- Open tickets with their current holder.
    CREATE VIEW report_open_tickets AS
      SELECT t.ticket_id, t.ticket_number, t.report_day, t.call_time,
             t.recorded_at, t.region_id, t.station_id, t.station_name,
             t.category, t.subsidiary_id, t.status, c.role AS holder_role,
             c.assignee_id,
             c.from_at AS holder_since,
             extract(epoch FROM now() - t.recorded_at)::double precision
               AS open_s,
             extract(epoch FROM now() - c.from_at)::double precision
               AS held_s
        FROM ${t} t
        LEFT JOIN ${c} c ON c.ticket_id = t.ticket_id AND c.to_at IS NULL
       WHERE t.closed_at IS NULL;

    -- Where open tickets wait now: region × holding role.
    CREATE VIEW report_backlog AS
      SELECT subsidiary_id, region_id, holder_role AS role,
             count(*)::integer AS open_tickets,
             min(holder_since) AS oldest_since
        FROM report_open_tickets
       GROUP BY subsidiary_id, region_id, holder_role;
  `;
}
