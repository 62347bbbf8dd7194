import {
  BACKUP_SUFFIX,
  createMoneyProcessProjections,
  createStationFaultProjections,
  STAGING_SUFFIX,
  tableName,
  type PersonalDataOpener,
  type Projection,
  type ReadModelProjectionOptions,
} from '@opsdesk/read-models';
import { UnknownProjectionError } from '../cli/audit-errors';

/** One projection's live, staging and backup names, table by table. */
export interface RebuildPlan {
  live: Projection;
  staging: Projection;
  backupTables: string[];
}

/**
 * Every projection the projector runs, built with the same options (the
 * personal-data opener) so that rebuilt rows equal the live ones.
 * TODO(#4): the list is the projector's (LogConsumersHost), repeated
 * here; one registry in the read-models library would keep them in step.
 */
function catalog(options: ReadModelProjectionOptions): Projection[] {
  return [
    ...createStationFaultProjections(options),
    ...createMoneyProcessProjections(options),
  ];
}

export function projectionNames(): string[] {
  return catalog({}).map((p) => p.name);
}

/** Refuses a name that is neither a projection nor `all`. */
export function checkProjectionName(name: string): void {
  if (name !== 'all' && !projectionNames().includes(name)) {
    throw new UnknownProjectionError(name, projectionNames());
  }
}

/** The plans for `name`, or for every projection when it is `all`. */
export function rebuildPlans(
  name: string,
  personalData: PersonalDataOpener,
): RebuildPlan[] {
  checkProjectionName(name);
  const live = catalog({ personalData });
  const staging = catalog({ personalData, tableSuffix: STAGING_SUFFIX });
  const plans = live.map((projection, i) => ({
    live: projection,
    staging: staging[i],
    backupTables: projection.tables.map((t) => tableName(t, BACKUP_SUFFIX)),
  }));
  return name === 'all' ? plans : plans.filter((p) => p.live.name === name);
}
