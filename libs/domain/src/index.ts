export * from './shared';
export * from './station-fault';
