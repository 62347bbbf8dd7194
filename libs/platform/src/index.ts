export * from './config';
export * from './ids';
export * from './logger';
export * from './postgres';
export * from './redis';
export * from './time';
export * from './fault-points';
export * from './service-checks';
