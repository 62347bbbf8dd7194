import { InvalidTableNameError } from './read-model.errors';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The live tables a rebuild swapped out are kept under this suffix
 * (`rebuild --keep-backup`) until dropped.
 */
export const BACKUP_SUFFIX = '__previous';

/** A rebuild builds fresh tables under this suffix, beside the live ones. */
export const STAGING_SUFFIX = '__rebuild';

/**
 * The advisory-lock key (SQL, `$1` the projection's name) a rebuild holds
 * for a projection in this schema while its staging tables are in use.
 */
export const REBUILD_LOCK_KEY =
  "hashtextextended('opsdesk-audit-rebuild/' || current_schema() || '/' || $1, 0)";

/**
 * `base` plus a suffix, e.g. `ticket_view` + `_rebuild`: a rebuild builds
 * fresh tables beside the live ones under another suffix.
 */
export function tableName(base: string, suffix = ''): string {
  const name = `${base}${suffix}`;
  if (!IDENTIFIER.test(name)) throw new InvalidTableNameError(name);
  return name;
}

/**
 * The checkpoint name of a projection built into suffixed tables, so a
 * rebuild runs with its own position beside the live projection.
 */
export function projectionName(base: string, suffix = ''): string {
  return suffix === '' ? base : `${base}${suffix}`;
}
