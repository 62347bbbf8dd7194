export * from './active-standby';
export * from './consumer-lease';
export * from './lease.errors';
export * from './lease.migrations';
