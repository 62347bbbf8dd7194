export * from './shared';
export * from './station-fault';
export * from './processes';
