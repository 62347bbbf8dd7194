export * from './money-processes.projections';
export * from './process-ticket-queries';
export * from './process-tickets.projection';
export * from './process-tickets.rows';
export * from './process-tickets.spec-type';
export * from './process-tickets.tables';
