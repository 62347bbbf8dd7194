export * from './active-standby';
export * from './consumer-lease';
export * from './fence-lease-query';
export * from './lease.errors';
export * from './lease.migrations';
