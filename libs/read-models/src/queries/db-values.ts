/** Rows as node-postgres returns them: timestamptz as Date, jsonb parsed. */
export type DbRow = Record<string, unknown>;

/** A column that may be NULL, as text. */
export function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A numeric column that may be NULL (numeric and bigint come as text). */
export function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A timestamptz column, as an ISO instant. */
export function iso(value: unknown): string {
  return (value as Date).toISOString();
}

/** A timestamptz column that may be NULL, as an ISO instant. */
export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
