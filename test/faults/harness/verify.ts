import { isDeepStrictEqual } from 'node:util';
import type { StationFaultState } from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import type { RegisteredProcess } from '@opsdesk/messaging';
import { runMigrations } from '@opsdesk/platform';
import type { Projection } from '@opsdesk/read-models';
import type { Pool } from 'pg';
import type { ReferenceTicket } from './reference-run';
import type { TicketPlan } from './ticket-plans';

export interface Verdict {
  /** Tickets not closed, or with no stream at all. */
  lost: string[];
  /** Commands that appended an event type twice. */
  duplicateEvents: string[];
  /** Tickets whose log or final state differs from the fault-free run. */
  mismatched: string[];
  /** Announcements made twice for one hand-off. */
  duplicateNotifications: number;
  /** Announcements of hand-offs the fault-free log does not imply. */
  unexpectedNotifications: string[];
  /**
   * Hand-offs never announced: possible only where Redis lost a job of a
   * hand-off the ticket had already moved past (the reconciler restores
   * the latest one only).
   * TODO(#8): 28 in a 5,000-ticket run before the projector leases, four
   * thousand and more once they came, 16 to 265 in recent runs; none of
   * them a ticket's last hand-off in the one run that counted those
   * (`missedLastNotifications`). Assert that one once more runs agree.
   */
  missedNotifications: number;
  /**
   * Of those, the ones that were their ticket's last hand-off: the
   * reconciler restores that one, so none should be missed.
   */
  missedLastNotifications: string[];
  /** Differences between the live read models and a rebuild from the log. */
  readModelDiffs: string[];
  events: number;
}

/** What of a ticket's final state must match (ids chosen by load aside). */
const COMPARED: readonly (keyof StationFaultState)[] = [
  'status',
  'regionalPlatformId',
  'inspectionVisits',
  'opsTeamId',
  'isChargingPileIssue',
  'supplierId',
  'repairTicketId',
  'handledBy',
  'lastResult',
  'finalStatus',
  'resultSummary',
  'contactOutcome',
  'suspectedChargingPile',
  'chargingPileId',
];

/**
 * Compares the run's log with the fault-free one, ticket by ticket and id
 * by id, and checks duplicates of every kind.
 */
export async function verifyLog(
  store: EventStore,
  pool: Pool,
  process: RegisteredProcess,
  plans: readonly TicketPlan[],
  reference: ReadonlyMap<string, ReferenceTicket>,
): Promise<Verdict> {
  const all = await readWholeLog(store);
  const byStream = new Map<string, RecordedEvent[]>();
  const perCommand = new Map<string, number>();
  for (const event of all) {
    const list = byStream.get(event.streamName) ?? [];
    list.push(event);
    byStream.set(event.streamName, list);
    const key = `${event.metadata.commandId} ${event.type}`;
    perCommand.set(key, (perCommand.get(key) ?? 0) + 1);
  }

  const lost: string[] = [];
  const mismatched: string[] = [];
  for (const plan of plans) {
    const events = byStream.get(`station-fault-${plan.ticketId}`) ?? [];
    const expected = reference.get(plan.ticketId);
    const state = events.reduce(
      (s, e) =>
        process.definition.evolve(s, {
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
        }),
      process.definition.initialState,
    ) as StationFaultState;
    if (state.status !== 'CLOSED') {
      lost.push(`#${plan.index} ${plan.ticketId} ${state.status}`);
      continue;
    }
    const identities = events.map(
      (e) => `${e.eventId} ${e.type} ${e.revision}`,
    );
    if (!expected || !isDeepStrictEqual(identities, expected.events)) {
      mismatched.push(`#${plan.index} ${plan.ticketId}: log differs`);
    } else if (!isDeepStrictEqual(pick(state), pick(expected.state))) {
      mismatched.push(`#${plan.index} ${plan.ticketId}: final state differs`);
    }
  }

  const duplicateEvents = [...perCommand]
    .filter(([, n]) => n > 1)
    .map(([key, n]) => `${key} ×${n}`);

  const { rows } = await pool.query<{ job_id: string; n: string }>(
    `SELECT job_id, count(*) OVER (PARTITION BY ticket_id, event_id, to_role) AS n
       FROM handoff_notifications
      WHERE ticket_id = ANY($1::text[])`,
    [plans.map((p) => p.ticketId)],
  );
  const expectedJobs = new Set(
    [...reference.values()].flatMap((t) => t.handoffJobIds),
  );
  const announced = new Set(rows.map((r) => r.job_id));
  return {
    lost,
    duplicateEvents,
    mismatched,
    duplicateNotifications: rows.filter((r) => Number(r.n) > 1).length,
    unexpectedNotifications: [...announced].filter(
      (id) => !expectedJobs.has(id),
    ),
    missedNotifications: [...expectedJobs].filter((id) => !announced.has(id))
      .length,
    missedLastNotifications: [...reference.values()]
      .map((ticket) => ticket.handoffJobIds.at(-1))
      .filter((id): id is string => id !== undefined && !announced.has(id)),
    readModelDiffs: [],
    events: all.length,
  };
}

/**
 * Builds every projection afresh from the log into tables with their own
 * suffix and compares each table with its live counterpart, row by row.
 */
export async function compareWithRebuild(
  store: EventStore,
  pool: Pool,
  schema: string,
  live: readonly Projection[],
  rebuilt: readonly Projection[],
): Promise<string[]> {
  await runMigrations(
    pool,
    schema,
    rebuilt.flatMap((p) => [...p.migrations]),
  );
  await Promise.all(rebuilt.map((p) => replay(store, pool, p)));

  const diffs: string[] = [];
  for (const [i, projection] of live.entries()) {
    for (const [t, table] of projection.tables.entries()) {
      const fresh = rebuilt[i].tables[t];
      const [a, b] = await Promise.all([
        rowsOf(pool, table),
        rowsOf(pool, fresh),
      ]);
      if (a.length !== b.length) {
        diffs.push(`${table}: ${a.length} rows live, ${b.length} rebuilt`);
        continue;
      }
      const differing = a.filter((row, k) => row !== b[k]);
      if (differing.length > 0) {
        diffs.push(
          `${table}: ${differing.length} rows differ, e.g. ${differing[0].slice(0, 300)}`,
        );
      }
    }
  }
  return diffs;
}

async function replay(
  store: EventStore,
  pool: Pool,
  projection: Projection,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({
      after,
      maxCount: 1000,
      filter: { streamPrefixes: projection.streamPrefixes },
    });
    if (page.length === 0) return;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await projection.apply(client, page);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    after = page[page.length - 1].position;
  }
}

/** Every row as JSON, sorted, so two tables compare regardless of order. */
async function rowsOf(pool: Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query(`SELECT * FROM ${table}`);
  return rows.map((row) => JSON.stringify(row)).sort();
}

export async function readWholeLog(
  store: EventStore,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 5000 });
    out.push(...page);
    if (page.length < 5000) return out;
    after = page[page.length - 1].position;
  }
}

function pick(state: StationFaultState): Partial<StationFaultState> {
  return Object.fromEntries(COMPARED.map((key) => [key, state[key]]));
}
