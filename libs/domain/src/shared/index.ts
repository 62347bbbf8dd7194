export * from './actor';
export * from './domain-event';
export * from './domain-errors';
export * from './field-checks';
export * from './process-definition';
export * from './roles';
