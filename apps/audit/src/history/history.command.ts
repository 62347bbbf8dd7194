import type { RecordedEvent } from '@opsdesk/event-store';
import { SHANGHAI } from '@opsdesk/platform';
import { expectPositionals, hasSwitch } from '../cli/arguments';
import type { AuditCommand } from '../cli/audit-command';
import { streamPages } from '../log/log-pages';
import { locateTicket } from '../log/ticket-locator';
import { openedForReading } from '../resources/personal-data';
import { historyEntries } from './history-entry';
import { historyText } from './history-text';

export const historyCommand: AuditCommand = {
  name: 'history',
  summary: "a ticket's events in order: who did what, when, what changed",
  usage: 'history <ticket> [--json]',
  help: [
    'Every event of one ticket, in order: the time (Asia/Shanghai), the actor',
    'and role, the action in Chinese and English, its data and the fields of',
    'the ticket it changed. An event the state machine does not allow is',
    "marked. Personal data sealed in the log (a reporter's name and phone) is",
    "shown opened with the ticket's key, and is absent once it was erased.",
    '',
    '<ticket> is a ticket id, a stream name (station-fault-<id>) or a ticket',
    'number (SF-20261204-0042; found by reading the log).',
    '',
    'Options:',
    '  --json   one JSON object: the ticket and its events',
  ].join('\n'),
  options: { json: 'switch', help: 'switch' },

  async run(args, context) {
    const [ticket] = expectPositionals(args, ['ticket'], 'history');
    const { store, pool } = await context.resources();
    const located = await locateTicket(store, ticket);
    const stored: RecordedEvent[] = [];
    for await (const page of streamPages(store, located.streamName)) {
      stored.push(...page);
    }
    const events = await openedForReading(pool, stored);
    const entries = historyEntries(located.process, events);
    const ticketNumber = ticketNumberOf(events);
    const out = context.io.stdout;

    if (hasSwitch(args, 'json')) {
      out.write(
        JSON.stringify({
          ticket: {
            processId: located.process.processId,
            title: located.process.title,
            streamName: located.streamName,
            ticketId: located.ticketId,
            ticketNumber,
          },
          timeZone: SHANGHAI,
          events: entries,
        }) + '\n',
      );
      return 0;
    }
    out.write(
      historyText(
        {
          title: located.process.title,
          streamName: located.streamName,
          ticketNumber,
        },
        entries,
      ),
    );
    return 0;
  },
};

/** The human number, from the first event that carries one. */
export function ticketNumberOf(events: readonly RecordedEvent[]) {
  for (const event of events) {
    const number = event.data.ticketNumber;
    if (typeof number === 'string') return number;
  }
  return null;
}
