import type { EventStore } from '@opsdesk/event-store';
import type {
  AutomaticWork,
  CommandPreparer,
  ProcessCatalog,
  TicketNumberAllocator,
} from '@opsdesk/messaging';
import type { Clock, OpsdeskConfig } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { emailCaseWiring } from './email-case.wiring';
import { centreEmergencyWiring } from './centre-emergency.wiring';
import { membershipCardWiring } from './membership-card.wiring';
import { repairOrderWiring } from './repair-order.wiring';
import { vehicleRepairWiring } from './vehicle-repair.wiring';
import { repeatCallerWiring } from './repeat-caller.wiring';

/** What a process's command preparers may read before the decision. */
export interface PreparerDeps {
  numbers: TicketNumberAllocator;
  store: EventStore;
  /** The read models' database, for look-ups across tickets. */
  pool: Pool;
  /** The workers' clock (a test's controlled one), for decisions made here. */
  clock?: Clock;
}

/**
 * How one process is plugged into the runtime: its registration in the
 * catalog, what its commands get filled in before the decision (a ticket
 * number, a look-up) and the automatic work its roles do. Each process
 * of the centre's own operations (P14, P05, P01, P29, G1–G9) keeps its
 * wiring in its own file and is listed once in PROCESS_WIRINGS.
 */
export interface ProcessWiring {
  register(catalog: ProcessCatalog, config: OpsdeskConfig): ProcessCatalog;
  preparers?(deps: PreparerDeps): [string, CommandPreparer][];
  automation?(): [string, AutomaticWork][];
}

/** The wired processes, in registration order. */
export const PROCESS_WIRINGS: readonly ProcessWiring[] = [
  emailCaseWiring,
  centreEmergencyWiring,
  membershipCardWiring,
  repairOrderWiring,
  vehicleRepairWiring,
  repeatCallerWiring,
];

export function registerWiredProcesses(
  catalog: ProcessCatalog,
  config: OpsdeskConfig,
): ProcessCatalog {
  return PROCESS_WIRINGS.reduce(
    (registered, wiring) => wiring.register(registered, config),
    catalog,
  );
}

export function wiredPreparers(
  deps: PreparerDeps,
): [string, CommandPreparer][] {
  return PROCESS_WIRINGS.flatMap((wiring) => wiring.preparers?.(deps) ?? []);
}

export function wiredAutomation(): [string, AutomaticWork][] {
  return PROCESS_WIRINGS.flatMap((wiring) => wiring.automation?.() ?? []);
}
