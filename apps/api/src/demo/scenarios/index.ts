export * from './blocked-gate.scenario';
export * from './broken-charging-pile.scenario';
export * from './on-site-repair.scenario';
export * from './scenario-context';
export * from './result-call-back.scenario';
