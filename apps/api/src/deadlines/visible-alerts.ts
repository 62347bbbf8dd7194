import type { EventStore } from '@opsdesk/event-store';
import type { DeadlineAlert, ProcessCatalog } from '@opsdesk/messaging';
import { isHeadquarters, type Principal } from '../auth/principal';
import { ticketAccess } from '../auth/ticket-visibility';

/**
 * The alerts whose tickets the caller may see. Alert rows carry no
 * subsidiary, so each distinct ticket is folded from the log once, as
 * every other read of a ticket is checked; headquarters see them all.
 */
export async function visibleAlerts(
  alerts: readonly DeadlineAlert[],
  principal: Principal,
  store: EventStore,
  processes: ProcessCatalog,
): Promise<DeadlineAlert[]> {
  if (isHeadquarters(principal)) return [...alerts];
  const seen = new Map<string, boolean>();
  for (const { processId, ticketId } of alerts) {
    const key = `${processId}/${ticketId}`;
    if (seen.has(key)) continue;
    const access = await ticketAccess(
      store,
      processes,
      processId,
      ticketId,
      principal,
    );
    seen.set(key, access.kind === 'visible');
  }
  return alerts.filter(({ processId, ticketId }) =>
    seen.get(`${processId}/${ticketId}`),
  );
}
