import {
  DEADLINE_PROCESSES,
  DEFAULT_DEADLINE_POLICY,
  streamNameOf,
  whatIf,
  type DeadlinePolicyDraft,
  type DeadlinePolicyVersion,
  type DeadlineRule,
} from '@opsdesk/domain';
import {
  PostgresEventStore,
  postgresEventStoreMigrations,
} from '@opsdesk/event-store';
import { readPeriod, whatIfOverPeriod } from '@opsdesk/messaging';
import {
  ChinaWorkingCalendar,
  eventIdFor,
  runMigrations,
} from '@opsdesk/platform';
import { generateMonth } from '../libs/domain/src/deadlines/testing/generated-month';
import { createTestSchema, type TestSchema } from './support/database';
import { eventually } from './support/eventually';

jest.setTimeout(120_000);

const sh = (local: string) =>
  new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

const v1: DeadlinePolicyVersion = {
  ...DEFAULT_DEADLINE_POLICY,
  policy: 'default',
  version: 1,
  effectiveFrom: sh('2025-09-01 00:00'),
  publishedAt: sh('2025-09-01 00:00'),
};

/** Version 2 as proposed: the counted deadlines halved, warnings at half. */
function halved(rule: DeadlineRule): DeadlineRule {
  if (rule.clock === 'end-of-working-day') return rule;
  const deadlineMinutes = Math.max(2, Math.round(rule.deadlineMinutes / 2));
  return {
    ...rule,
    deadlineMinutes,
    warnAfterMinutes: [Math.floor(deadlineMinutes / 2)],
  };
}
const v2: DeadlinePolicyDraft = {
  ...DEFAULT_DEADLINE_POLICY,
  note: '拟议：时限减半',
  rules: DEFAULT_DEADLINE_POLICY.rules.map(halved),
};

/**
 * A what-if over a month stored in PostgreSQL, read back from the log:
 * the report equals the pure replay of the same events, is printed for
 * the two versions, and leaves the log as it was.
 */
describe('a what-if over a generated month in the log', () => {
  const calendar = new ChinaWorkingCalendar();
  const month = generateMonth({
    seed: 2025_10,
    firstDay: '2025-09-22',
    days: 30,
    perDay: 8,
    policy: v1,
    calendar,
  });
  const period = { from: sh('2025-09-22 00:00'), to: month.until };
  let schema: TestSchema;
  let store: PostgresEventStore;

  beforeAll(async () => {
    schema = await createTestSchema('whatif');
    await runMigrations(schema.pool, schema.schema, [
      ...postgresEventStoreMigrations,
    ]);
    store = new PostgresEventStore(schema.pool);
    for (const ticket of month.tickets) {
      await store.appendToStream(
        streamNameOf(ticket.processId, ticket.ticketId),
        ticket.events.map((event) => ({
          eventId: eventIdFor(`${ticket.ticketId}:${event.revision}`, 0),
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data as Record<string, unknown>,
          metadata: {
            commandId: `${ticket.ticketId}:${event.revision}`,
            causationId: ticket.ticketId,
            correlationId: ticket.ticketId,
            actor: { id: 'generator', role: 'system', kind: 'automatic' },
            decidedAt: event.at,
          },
        })),
        { expectedRevision: 'no-stream' },
      );
    }
    // The global read shows only events below the oldest transaction still
    // open on the whole server (so it never skips one), and a transaction
    // of another database can hold that horizon back for a while: wait
    // until every appended event is visible before comparing reads.
    const appended = month.tickets.reduce((n, t) => n + t.events.length, 0);
    await eventually(async () => {
      expect(await store.readAll()).toHaveLength(appended);
    }, 60_000);
  });

  afterAll(async () => {
    await schema?.drop();
  });

  it('reads the period back as the tickets that were written', async () => {
    const read = await readPeriod(store, period);
    expect(read.map((t) => t.ticketId).sort()).toEqual(
      month.tickets.map((t) => t.ticketId).sort(),
    );
  });

  it('reports under each version what the pure replay reports, and writes nothing', async () => {
    const before = await store.readAll();
    const lines: string[] = [];
    for (const [name, policy] of [
      ['version 1 (in force)', v1],
      ['version 2 (proposed)', v2],
    ] as const) {
      const report = await whatIfOverPeriod(store, period, policy, calendar);
      const pure = whatIf(
        month.tickets,
        policy,
        DEADLINE_PROCESSES,
        calendar,
        month.until,
      );
      expect({ ...report, from: undefined, to: undefined }).toEqual({
        ...pure,
        from: undefined,
        to: undefined,
      });
      const { proposed, recorded } = report;
      lines.push(
        `what-if ${name}: ${report.tickets} tickets; would warn ${proposed.ticketsWarned} ` +
          `(${proposed.warnings} warnings), breach ${proposed.ticketsBreached} ` +
          `(${proposed.breaches} breaches); recorded warned ${recorded.ticketsWarned}, ` +
          `breached ${recorded.ticketsBreached}`,
      );
      if (policy === v1) expect(report.proposed).toEqual(report.recorded);
      else expect(report.proposed.breaches).toBeGreaterThan(recorded.breaches);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(await store.readAll()).toEqual(before);
  });
});
