export { postgresEventStoreMigrations } from './event-store.migrations';
export {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres-event-store';
export { NonAppendingTransactions } from './non-appending-transactions';
export {
  countEventsBehind,
  EVENTS_BEHIND_WINDOW,
  readLogFigures,
  type LogConsumerPlace,
  type LogFigures,
} from './log-figures';
