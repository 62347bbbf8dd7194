import type { BenchSchema } from '../support/bench-database';

export const REPORT = '/reports/summary';
const REGIONS = [
  'rp-central',
  'rp-pudong',
  'rp-northwest',
  'rp-southwest',
  'rp-chongming',
];

/** Shanghai days (YYYY-MM-DD) the tickets of the data set were reported on. */
export async function reportDays(schema: BenchSchema): Promise<string[]> {
  const { rows } = await schema.pool.query<{ day: string }>(
    `SELECT DISTINCT to_char(reported_at AT TIME ZONE 'Asia/Shanghai',
                             'YYYY-MM-DD') AS day
       FROM ticket_view ORDER BY 1`,
  );
  return rows.map((r) => r.day);
}

/** A week of one region's totals, from `/reports/summary` (issue #5). */
export function reportPaths(days: readonly string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < days.length; i++) {
    const to = days[Math.min(days.length - 1, i + 6)];
    for (const region of REGIONS) {
      paths.push(`${REPORT}?from=${days[i]}&to=${to}&regionId=${region}`);
    }
  }
  return paths;
}

export async function pathsFor(schema: BenchSchema) {
  const pool = schema.pool;
  const tickets = await pool.query<{ ticket_id: string }>(
    'SELECT ticket_id FROM ticket_view ORDER BY random() LIMIT 2000',
  );
  const holders = await pool.query<{
    role: string;
    assignee_id: string | null;
  }>(`SELECT DISTINCT role, assignee_id FROM inbox_items`);
  const lists = await pool.query<{ status: string; region_id: string }>(
    `SELECT DISTINCT status, region_id FROM ticket_view
      WHERE region_id IS NOT NULL`,
  );
  return {
    ticketView: tickets.rows.map((r) => `/station-faults/${r.ticket_id}`),
    inbox: holders.rows.map((r) =>
      r.assignee_id
        ? `/inbox/${r.role}?assigneeId=${encodeURIComponent(r.assignee_id)}&limit=50`
        : `/inbox/${r.role}?limit=50`,
    ),
    report: lists.rows.map(
      (r) =>
        `/station-faults?status=${r.status}&regionId=${r.region_id}&limit=50`,
    ),
  };
}

export async function datasetOf(
  schema: BenchSchema,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'events',
    'ticket_view',
    'inbox_items',
    'timeline_entries',
  ]) {
    const { rows } = await schema.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${table}`,
    );
    out[table] = Number(rows[0].n);
  }
  return out;
}

export async function reportEndpoints(baseUrl: string): Promise<string[]> {
  try {
    const response = await fetch(`${baseUrl}/docs/json`);
    const document = (await response.json()) as { paths?: object };
    return Object.keys(document.paths ?? {}).filter((p) => /report/i.test(p));
  } catch {
    return [];
  }
}
