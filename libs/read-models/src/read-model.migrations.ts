import { createHash } from 'node:crypto';
import type { Migration } from '@opsdesk/platform';
import type { ReadModelProjectionOptions } from './projection';
import { checkpointMigrations } from './projector/checkpoint.migrations';
import { createMoneyProcessProjections } from './process-tickets/money-processes.projections';
import { createStationFaultProjections } from './station-fault/station-fault.projections';

/** The DDL of every projection's tables under one suffix. */
export function projectionMigrations(
  options: ReadModelProjectionOptions = {},
): Migration[] {
  return [
    ...createStationFaultProjections(options),
    ...createMoneyProcessProjections(options),
  ].flatMap((p) => [...p.migrations]);
}

/**
 * The live projections' views, after their tables. The id carries a hash
 * of the SQL, so a changed view is dropped and created again at start-up.
 */
export function viewMigrations(): Migration[] {
  return [
    ...createStationFaultProjections(),
    ...createMoneyProcessProjections(),
  ].flatMap((p) => {
    if (!p.views) return [];
    const hash = createHash('sha256').update(p.views).digest('hex');
    return [
      { id: `read-models/views-${p.name}-${hash.slice(0, 12)}`, sql: p.views },
    ];
  });
}

/** Everything the read models need: checkpoints, live tables and views. */
export const readModelMigrations: readonly Migration[] = [
  ...checkpointMigrations,
  ...projectionMigrations(),
  ...viewMigrations(),
];
