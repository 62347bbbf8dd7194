/**
 * A station-fault stream delivered an event whose revision leaves a hole
 * after the last one applied. The fold would be wrong, so the projection
 * refuses it and the runner retries from its checkpoint; a lasting gap
 * means the subscription or the log is broken and needs a rebuild.
 */
export class ProjectionRevisionGapError extends Error {
  readonly code = 'PROJECTION_REVISION_GAP';

  constructor(
    readonly projection: string,
    readonly streamName: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `${projection}: ${streamName} expected revision ${expectedRevision}, got ${actualRevision}`,
    );
  }
}

/**
 * The checkpoint row no longer holds the position this runner last
 * wrote: another instance advanced it, or an operator reset it. The
 * runner drops its transaction and resumes from the stored position.
 */
export class CheckpointMovedError extends Error {
  readonly code = 'PROJECTION_CHECKPOINT_MOVED';

  constructor(
    readonly projection: string,
    readonly expectedPosition: string | null,
  ) {
    super(
      `${projection}: checkpoint is no longer at ${String(expectedPosition)}`,
    );
  }
}

/** A table name or suffix that is not a plain lower-case identifier. */
export class InvalidTableNameError extends Error {
  readonly code = 'READ_MODEL_INVALID_TABLE_NAME';

  constructor(readonly tableName: string) {
    super(`Not a safe read-model table name: ${tableName}`);
  }
}

/** A page request outside the bounds a query accepts. */
export class InvalidPageError extends Error {
  readonly code = 'READ_MODEL_INVALID_PAGE';

  constructor(
    readonly field: 'limit' | 'offset',
    readonly value: number,
    readonly max?: number,
  ) {
    super(`Invalid ${field}: ${value}`);
  }
}
