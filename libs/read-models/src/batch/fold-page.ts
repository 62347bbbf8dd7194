import type { RecordedEvent } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import {
  openedEvents,
  type PersonalDataOpener,
} from '../personal-data/personal-data-opener';

export interface PageFolding<Fold, Step> {
  ticketOf(event: RecordedEvent): string;
  /**
   * The stored folds of these tickets, locked for the transaction. Lock
   * them in one order (by ticket id), so two writers never deadlock.
   */
  load(client: PoolClient, ticketIds: string[]): Promise<Map<string, Fold>>;
  /** The step an event makes from a fold; null when it was applied before. */
  next(fold: Fold | null, event: RecordedEvent): Step | null;
  foldOf(step: Step): Fold;
  personalData?: PersonalDataOpener;
}

export interface FoldedPage<Step> {
  /** Every step, in the page's order. */
  steps: { ticketId: string; step: Step }[];
  /** The last step of each ticket: what its rows hold after the page. */
  latest: Map<string, Step>;
}

/**
 * Folds a page of events for a projection that keeps one fold per ticket:
 * every fold the page needs is read at once, and each event steps from
 * the fold the one before it left, in memory. Writing the steps is the
 * projection's; one statement per table then does for the page.
 */
export async function foldPage<Fold, Step>(
  client: PoolClient,
  events: readonly RecordedEvent[],
  folding: PageFolding<Fold, Step>,
): Promise<FoldedPage<Step>> {
  const ticketIds = [...new Set(events.map((e) => folding.ticketOf(e)))];
  const folds = await folding.load(client, ticketIds.sort());
  const steps: FoldedPage<Step>['steps'] = [];
  const latest = new Map<string, Step>();
  const opened = await openedEvents(folding.personalData, client, events);
  for (const event of opened) {
    const ticketId = folding.ticketOf(event);
    const step = folding.next(folds.get(ticketId) ?? null, event);
    if (!step) continue;
    folds.set(ticketId, folding.foldOf(step));
    steps.push({ ticketId, step });
    latest.set(ticketId, step);
  }
  return { steps, latest };
}
