export * from './station-fault.commands';
export * from './station-fault.events';
export * from './station-fault.state';
export * from './station-fault.states';
export * from './station-fault.labels';
