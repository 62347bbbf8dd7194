import type { Migration } from '@opsdesk/platform';
import type { ReadModelProjectionOptions } from './projection';
import { checkpointMigrations } from './projector/checkpoint.migrations';
import { createStationFaultProjections } from './station-fault/station-fault.projections';

/** The DDL of every projection's tables under one suffix. */
export function projectionMigrations(
  options: ReadModelProjectionOptions = {},
): Migration[] {
  return createStationFaultProjections(options).flatMap((p) => [
    ...p.migrations,
  ]);
}

/** Everything the read models need: checkpoints and the live tables. */
export const readModelMigrations: readonly Migration[] = [
  ...checkpointMigrations,
  ...projectionMigrations(),
];
