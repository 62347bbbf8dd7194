import { shanghaiDay } from '@opsdesk/platform';
import type {
  OpsdeskClient,
  RequestOptions,
} from '../../apps/api/src/demo/opsdesk-client';

/** One row of a process's report, its days added together. */
export interface MergedReportRow {
  status: string;
  outcome: string | null;
  tickets: number;
  closed: number;
  amountFen: number;
}

type ReportRow = MergedReportRow & { day: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A process's report rows from the day before this call (or `since`) to
 * the day after, in Shanghai, added together by status and outcome. Rows
 * are dated by when the store took a ticket's first event, so a test file
 * that runs across midnight in Shanghai opened some of its tickets on each
 * side; every test file has a schema of its own, so the wider window
 * holds no other tickets.
 */
export async function reportByStatus(
  client: OpsdeskClient,
  base: string,
  options: { since?: string; request?: RequestOptions } = {},
): Promise<MergedReportRow[]> {
  const now = Date.now();
  const from = options.since ?? shanghaiDay(new Date(now - DAY_MS));
  const to = shanghaiDay(new Date(now + DAY_MS));
  const { rows } = await client.get<{ rows: ReportRow[] }>(
    `${base}/report?from=${from}&to=${to}`,
    options.request,
  );
  return mergeDays(rows);
}

function mergeDays(rows: readonly ReportRow[]): MergedReportRow[] {
  const merged = new Map<string, MergedReportRow>();
  for (const { status, outcome, tickets, closed, amountFen } of rows) {
    const key = JSON.stringify([status, outcome]);
    const sum = merged.get(key) ?? {
      status,
      outcome,
      tickets: 0,
      closed: 0,
      amountFen: 0,
    };
    sum.tickets += tickets;
    sum.closed += closed;
    sum.amountFen += amountFen;
    merged.set(key, sum);
  }
  return [...merged.values()];
}
