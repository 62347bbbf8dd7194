export * from './actor';
export * from './domain-event';
export * from './domain-errors';
export * from './process-definition';
export * from './roles';
