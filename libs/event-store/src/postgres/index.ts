export { postgresEventStoreMigrations } from './event-store.migrations';
export {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres-event-store';
export { NonAppendingTransactions } from './non-appending-transactions';
export { readLogFigures, type LogFigures } from './log-figures';
