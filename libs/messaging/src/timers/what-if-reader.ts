import {
  DEADLINE_PROCESSES,
  whatIf,
  type DeadlinePolicyDraft,
  type WhatIfReport,
  type WhatIfTicket,
  type WorkingCalendar,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { toStepEvent } from './step-events';

export interface WhatIfPeriod {
  /** Tickets whose first event falls in `[from, to)`. */
  from: string;
  to: string;
}

/**
 * The tickets of a period from the log, each with its events up to the
 * period's end. Read only; the log is not written.
 * TODO(#6): reads the whole log; a time index would read only the period.
 */
export async function readPeriod(
  store: EventStore,
  period: WhatIfPeriod,
  pageSize = 2000,
): Promise<WhatIfTicket[]> {
  const fromMs = Date.parse(period.from);
  const toMs = Date.parse(period.to);
  const prefixes = DEADLINE_PROCESSES.map((p) => `${p.processId}-`);
  const streams = new Map<
    string,
    { processId: string; events: RecordedEvent[] }
  >();
  const skipped = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({
      after,
      maxCount: pageSize,
      filter: { streamPrefixes: prefixes },
    });
    for (const event of page) {
      if (skipped.has(event.streamName)) continue;
      const at = Date.parse(toStepEvent(event).at);
      let entry = streams.get(event.streamName);
      if (!entry) {
        if (at < fromMs || at >= toMs) {
          skipped.add(event.streamName);
          continue;
        }
        const process = DEADLINE_PROCESSES.find((p) =>
          event.streamName.startsWith(`${p.processId}-`),
        );
        if (!process) continue;
        entry = { processId: process.processId, events: [] };
        streams.set(event.streamName, entry);
      }
      if (at <= toMs) entry.events.push(event);
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
  return [...streams].map(([streamName, { processId, events }]) => ({
    processId,
    ticketId: streamName.slice(processId.length + 1),
    events: events.map(toStepEvent),
  }));
}

/** A what-if over a period of the log under a proposed policy. */
export async function whatIfOverPeriod(
  store: EventStore,
  period: WhatIfPeriod,
  policy: DeadlinePolicyDraft,
  calendar: WorkingCalendar,
): Promise<WhatIfReport & WhatIfPeriod> {
  const tickets = await readPeriod(store, period);
  const report = whatIf(
    tickets,
    policy,
    DEADLINE_PROCESSES,
    calendar,
    period.to,
  );
  return { ...period, ...report };
}
