export * from './event-store.errors';
export * from './event-store.port';
export * from './hash-chain';
export * from './in-memory';
export * from './postgres';
export * from './kurrentdb';
export * from './upcasting';
