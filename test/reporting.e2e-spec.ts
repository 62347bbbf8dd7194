import {
  stationFaultProcess,
  type RoleId,
  type StationFaultEvent,
  type StationFaultState,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { shanghaiDay } from '@opsdesk/platform';
import type { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { HEADQUARTERS } from '../apps/api/src/workload/workload';
import { startTestSystem, type TestSystem } from './support/system';
import { runWorkload, settledLog } from './support/workload';

// A month through HTTP, queues and workers takes a while on two cores.
jest.setTimeout(600_000);

/** What the log says about one ticket, worked out here from its events. */
interface Expected {
  ticketId: string;
  day: string;
  subsidiaryId: string;
  regionId: string;
  stationId: string;
  category: string;
  firstVisit: 'cleared' | 'not-cleared' | null;
  escalated: boolean;
  supplier: boolean;
  repairedOnSite: boolean;
  timeToClearS: number | null;
  open: boolean;
  holder: RoleId | null;
  /** Ended holding periods: role and seconds. */
  periods: { role: RoleId; seconds: number | null }[];
}

const seconds = (from: string, to: string) =>
  (Date.parse(to) - Date.parse(from)) / 1000;

function expectedOf(ticketId: string, stream: RecordedEvent[]): Expected {
  const call = stream[0].data as { callTime: string };
  const recorded = stream[1].data as {
    station: { id: string; regionId: string; subsidiaryId: string };
    category: string;
  };
  const types = stream.map((e) => e.type.replace('station-fault.', ''));
  const intake = stream[0].recordedAt;
  const firstResult = stream.find(
    (e) =>
      e.type === 'station-fault.fault-cleared-by-inspector' ||
      e.type === 'station-fault.fault-not-cleared',
  );
  const clear = stream.find(
    (e) =>
      e.type === 'station-fault.fault-cleared-by-inspector' ||
      ((e.type === 'station-fault.supplier-handling-completed' ||
        e.type === 'station-fault.ops-repair-completed') &&
        (e.data as { outcome: string }).outcome === 'fixed'),
  );

  // Custody from the domain's own fold, a period per change of holder.
  const periods: Expected['periods'] = [];
  let state: StationFaultState = stationFaultProcess.initialState;
  let holder = stationFaultProcess.custody(state);
  let since = '';
  for (const event of stream) {
    state = stationFaultProcess.evolve(
      state,
      event as unknown as StationFaultEvent,
    );
    const next = stationFaultProcess.custody(state);
    if (next.role === holder.role && next.assigneeId === holder.assigneeId) {
      continue;
    }
    if (holder.role) {
      periods[periods.length - 1].seconds = seconds(since, event.recordedAt);
    }
    if (next.role) periods.push({ role: next.role, seconds: null });
    holder = next;
    since = event.recordedAt;
  }

  return {
    ticketId,
    day: shanghaiDay(call.callTime),
    subsidiaryId: recorded.station.subsidiaryId,
    regionId: recorded.station.regionId,
    stationId: recorded.station.id,
    category: recorded.category,
    firstVisit: firstResult
      ? firstResult.type.endsWith('not-cleared')
        ? 'not-cleared'
        : 'cleared'
      : null,
    escalated: types.includes('escalated-to-station-manager'),
    supplier: types.includes('supplier-dispatched'),
    repairedOnSite: stream.some(
      (e) =>
        e.type === 'station-fault.ops-repair-completed' &&
        (e.data as { outcome: string }).outcome === 'fixed',
    ),
    timeToClearS: clear ? seconds(intake, clear.recordedAt) : null,
    open: !types.includes('ticket-closed'),
    holder: holder.role,
    periods,
  };
}

/** PostgreSQL's percentile_cont: linear between the closest ranks. */
function percentileCont(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function countsOf(tickets: readonly Expected[]) {
  const inspected = tickets.filter((t) => t.firstVisit !== null).length;
  const clearedFirstVisit = tickets.filter(
    (t) => t.firstVisit === 'cleared',
  ).length;
  const times = tickets.flatMap((t) =>
    t.timeToClearS === null ? [] : [t.timeToClearS],
  );
  return {
    reported: tickets.length,
    inspected,
    clearedFirstVisit,
    firstVisitFixRate: inspected ? clearedFirstVisit / inspected : null,
    escalated: tickets.filter((t) => t.escalated).length,
    supplierInvolved: tickets.filter((t) => t.supplier).length,
    repairedOnSite: tickets.filter((t) => t.repairedOnSite).length,
    cleared: times.length,
    stillOpen: tickets.filter((t) => t.open).length,
    timeToClearMedianS: percentileCont(times, 0.5),
    timeToClearP90S: percentileCont(times, 0.9),
  };
}

const FRACTIONAL = [
  'firstVisitFixRate',
  'timeToClearMedianS',
  'timeToClearP90S',
];

/** Equal: counts exactly, rates and percentiles to a thousandth. */
function expectFigures(actual: object, expected: object) {
  const close = Object.fromEntries(
    Object.entries(expected).map(([key, value]) => [
      key,
      FRACTIONAL.includes(key) && typeof value === 'number'
        ? expect.closeTo(value, 3)
        : value,
    ]),
  );
  expect(actual).toEqual(close);
}

describe('reports over a generated month of station faults', () => {
  let system: TestSystem;
  /** Headquarters: sees every subsidiary's tickets. */
  let hq: OpsdeskClient;
  let tickets: Expected[];
  let window: { from: string; to: string };

  beforeAll(async () => {
    system = await startTestSystem();
    hq = system.client.as(HEADQUARTERS);
    const generated = await runWorkload(system, {
      days: 30,
      seed: 20260301,
      perDay: 3,
      // A fixed end, mid-afternoon in Shanghai: the month is then the same
      // on every run, with the day's last calls still open. (Ending now
      // left none open when the test ran early in a Shanghai morning.)
      end: new Date('2026-11-27T07:00:00Z'),
    });
    const log = await settledLog(system);
    tickets = [...log.tickets].map(([id, stream]) => expectedOf(id, stream));
    window = {
      from: shanghaiDay(generated.plan[0].callTime),
      to: shanghaiDay(generated.end),
    };
    // The month must exercise every figure the reports have.
    expect(tickets.length).toBe(generated.plan.length);
    expect(tickets.some((t) => t.firstVisit === 'cleared')).toBe(true);
    for (const figure of ['supplier', 'repairedOnSite', 'open'] as const) {
      expect(tickets.some((t) => t[figure])).toBe(true);
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('sums the whole month as the log does', async () => {
    const { summary } = await hq.get<{ summary: object }>('/reports/summary');
    expectFigures(summary, countsOf(tickets));
  });

  it('gives each day of the call what the log gives it, days without calls as zero', async () => {
    const query = new URLSearchParams(window).toString();
    const { items } = await hq.get<{
      items: { day: string }[];
    }>(`/reports/by-day?${query}`);
    const days = items.map((d) => d.day);
    expect(days[0]).toBe(window.from);
    expect(days[days.length - 1]).toBe(window.to);
    for (const day of items) {
      const { day: name, ...figures } = day;
      expectFigures(figures, countsOf(tickets.filter((t) => t.day === name)));
    }
  });

  it('narrows to a region, a category and ten days exactly as the log does', async () => {
    const from = shanghaiDay(
      new Date(Date.parse(`${window.to}T00:00:00+08:00`) - 9 * 86_400_000),
    );
    const regionId = tickets[0].regionId;
    const filter = { from, to: window.to, regionId, category: 'charging-pile' };
    const { summary } = await hq.get<{ summary: object }>(
      `/reports/summary?${new URLSearchParams(filter)}`,
    );
    expectFigures(
      summary,
      countsOf(
        tickets.filter(
          (t) =>
            t.day >= from &&
            t.regionId === regionId &&
            t.category === 'charging-pile',
        ),
      ),
    );
  });

  it('has one by-station-day row per day, station and category with the log’s counts', async () => {
    const { items } = await hq.get<{
      items: {
        day: string;
        stationId: string;
        category: string;
        reported: number;
      }[];
    }>('/reports/by-station-day');
    const keyOf = (t: { day: string; stationId: string; category: string }) =>
      `${t.day}/${t.stationId}/${t.category}`;
    const expected = new Map<string, number>();
    for (const t of tickets) {
      expected.set(keyOf(t), (expected.get(keyOf(t)) ?? 0) + 1);
    }
    expect(new Map(items.map((r) => [keyOf(r), r.reported]))).toEqual(expected);
  });

  it('charges each role the seconds the log shows it held tickets', async () => {
    const { items } = await hq.get<{
      items: {
        role: RoleId;
        periods: number;
        closedPeriods: number;
        closedHeldS: number;
        openPeriods: number;
      }[];
    }>('/reports/custody');
    const roles = [
      ...new Set(tickets.flatMap((t) => t.periods.map((p) => p.role))),
    ];
    const expected = roles.map((role) => {
      const periods = tickets.flatMap((t) =>
        t.periods.filter((p) => p.role === role),
      );
      const ended = periods.filter((p) => p.seconds !== null);
      return {
        role,
        periods: periods.length,
        closedPeriods: ended.length,
        closedHeldS: expect.closeTo(
          ended.reduce((sum, p) => sum + p.seconds!, 0),
          3,
        ),
        openPeriods: periods.length - ended.length,
      };
    });
    expect(
      items.map(
        ({ role, periods, closedPeriods, closedHeldS, openPeriods }) => ({
          role,
          periods,
          closedPeriods,
          closedHeldS,
          openPeriods,
        }),
      ),
    ).toEqual(expect.arrayContaining(expected));
    expect(items).toHaveLength(expected.length);
  });

  it('shows the open backlog by region and holding role as the log does', async () => {
    const { items } = await hq.get<{
      items: { regionId: string; role: string; openTickets: number }[];
    }>('/reports/backlog');
    const expected = new Map<string, number>();
    for (const t of tickets.filter((x) => x.open)) {
      const key = `${t.regionId}/${t.holder}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(
      new Map(items.map((c) => [`${c.regionId}/${c.role}`, c.openTickets])),
    ).toEqual(expected);
  });

  it('puts every cleared ticket in one bucket of the time-to-clear histogram', async () => {
    const report = await hq.get<{
      cleared: number;
      medianS: number;
      buckets: { fromS: number; toS: number | null; count: number }[];
    }>('/reports/time-to-clear');
    const times = tickets.flatMap((t) =>
      t.timeToClearS === null ? [] : [t.timeToClearS],
    );
    expect(report.cleared).toBe(times.length);
    expect(report.medianS).toBeCloseTo(percentileCont(times, 0.5)!, 3);
    for (const bucket of report.buckets) {
      const inside = times.filter(
        (s) => s >= bucket.fromS && (bucket.toS === null || s < bucket.toS),
      );
      expect(bucket.count).toBe(inside.length);
    }
  });

  it('lists the open tickets oldest first, each with its holder', async () => {
    const { items } = await hq.get<{
      items: { ticketId: string; holderRole: string | null }[];
    }>('/reports/open-tickets?limit=500');
    const open = tickets.filter((t) => t.open);
    expect(items).toHaveLength(open.length);
    const holders = new Map(open.map((t) => [t.ticketId, t.holder]));
    for (const item of items) {
      expect(item.holderRole).toBe(holders.get(item.ticketId));
    }
  });

  it('answers the same figures as CSV in UTF-8 with a BOM', async () => {
    const token = system.tokens(HEADQUARTERS);
    const response = await fetch(
      `${system.client.baseUrl}/reports/by-station-day?format=csv`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(
      /^text\/csv; charset=utf-8/,
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report-by-station-day-start_end\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0].split(',').slice(0, 7)).toEqual([
      'day',
      'regionId',
      'regionZh',
      'stationId',
      'stationName',
      'category',
      'categoryZh',
    ]);
    const { items } = await hq.get<{ items: unknown[] }>(
      '/reports/by-station-day',
    );
    // Header, one line per row, and the empty string after the last CRLF.
    expect(lines).toHaveLength(items.length + 2);
    expect(lines[1]).toMatch(/区域平台/);
  });

  it('keeps each subsidiary to its own tickets, and its regions to itself', async () => {
    const owners = [...new Set(tickets.map((t) => t.subsidiaryId))].sort();
    expect(owners).toEqual(['jq', 'sh']);
    for (const subsidiary of owners) {
      const reader = system.client.as({
        id: `supervisor-${subsidiary}`,
        role: 'cs-supervisor',
        subsidiary,
      });
      const { summary } = await reader.get<{ summary: object }>(
        '/reports/summary',
      );
      expectFigures(
        summary,
        countsOf(tickets.filter((t) => t.subsidiaryId === subsidiary)),
      );
      const other = tickets.find((t) => t.subsidiaryId !== subsidiary)!;
      const { status, body } = await reader.fetch<{
        error: { details: { fields: { field: string }[] } };
      }>(`/reports/summary?regionId=${other.regionId}`);
      expect(status).toBe(400);
      expect(body.error.details.fields.map((f) => f.field)).toEqual([
        'query.regionId',
      ]);
    }
  });

  describe('asked with filters it cannot use', () => {
    it.each([
      ['/reports/summary?from=2026-02-30', 'query.from'],
      ['/reports/summary?to=20260301', 'query.to'],
      ['/reports/by-day?from=2026-03-10&to=2026-03-01', 'query.to'],
      ['/reports/by-day?from=2020-01-01&to=2026-01-01', 'query.to'],
      ['/reports/summary?regionId=rp-atlantis', 'query.regionId'],
      ['/reports/summary?stationId=ST-1', 'query.stationId'],
      ['/reports/summary?stationId=ST-310115-999', 'query.stationId'],
      ['/reports/summary?category=tyres', 'query.category'],
      ['/reports/summary?format=xml', 'query.format'],
      ['/reports/summary?region=rp-pudong', 'query.region'],
      ['/reports/summary?from=2026-03-01&from=2026-03-02', 'query.from'],
      ['/reports/open-tickets?limit=0', 'query.limit'],
      ['/reports/custody-periods?ticketId=42', 'query.ticketId'],
    ])('answers %s with 400 naming %s', async (path, field) => {
      const { status, body } = await hq.fetch<{
        error: { code: string; details: { fields: { field: string }[] } };
      }>(path);
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_REQUEST');
      expect(body.error.details.fields.map((f) => f.field)).toEqual([field]);
    });

    it('names every bad parameter at once', async () => {
      const { status, body } = await hq.fetch<{
        error: { details: { fields: { field: string }[] } };
      }>('/reports/summary?from=x&category=y&format=z');
      expect(status).toBe(400);
      expect(body.error.details.fields.map((f) => f.field)).toEqual([
        'query.from',
        'query.category',
        'query.format',
      ]);
    });
  });
});
