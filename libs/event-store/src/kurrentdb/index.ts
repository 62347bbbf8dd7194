export {
  connectKurrentDb,
  probeKurrentDb,
  type KurrentDbConnection,
} from './kurrentdb-connection';
export { MissingPositionError } from './kurrentdb-event';
export {
  KurrentDbEventStore,
  type KurrentDbEventStoreOptions,
} from './kurrentdb-event-store';
