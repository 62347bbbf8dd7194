/** Injection tokens of the shared resources every opsdesk process uses. */
export const CONFIG = Symbol('opsdesk:config');
export const LOGGER = Symbol('opsdesk:logger');
export const PG_POOL = Symbol('opsdesk:pg-pool');
export const EVENT_STORE = Symbol('opsdesk:event-store');
export const PROCESS_CATALOG = Symbol('opsdesk:process-catalog');
export const ROLE_QUEUES = Symbol('opsdesk:role-queues');
export const STATION_REGISTRY = Symbol('opsdesk:station-registry');
export const COMMAND_LEDGER = Symbol('opsdesk:command-ledger');
export const TICKET_QUERIES = Symbol('opsdesk:ticket-queries');
export const ROSTER = Symbol('opsdesk:roster');
export const CLOCK = Symbol('opsdesk:clock');
