import type { RecordedEvent } from '@opsdesk/event-store';
import type { Migration } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import type { PersonalDataOpener } from './personal-data/personal-data-opener';

/**
 * A read model kept from the log. `apply` runs inside the runner's
 * transaction, together with the checkpoint update, and must be
 * idempotent: applying an event it already holds changes nothing. It
 * takes a page of events in log order (one or more), so a page costs a
 * few statements rather than a few per event.
 */
export interface Projection {
  /** Also the key of its row in `projection_checkpoints`. */
  readonly name: string;
  /** The DDL of the tables it owns. */
  readonly migrations: readonly Migration[];
  /** The tables it owns, for a rebuild that writes fresh ones and swaps. */
  readonly tables: readonly string[];
  /**
   * SQL that drops and re-creates the views over the live tables, if the
   * projection has any. A view follows the table it was created on, not
   * its name: a rebuild that swaps fresh tables in runs this after the
   * swap (and before dropping the old tables, which the views still use).
   */
  readonly views?: string;
  /**
   * Tables of `tables` that `apply` only ever inserts into, with ON
   * CONFLICT DO NOTHING and no conflict target, and never reads. A
   * rebuild fills their fresh copies without indexes and builds those
   * once at the end: building an index over a million rows costs a
   * fraction of keeping it up to date row by row.
   */
  readonly appendOnlyTables?: readonly string[];
  /** Only events of streams starting with one of these reach `apply`. */
  readonly streamPrefixes: readonly string[];
  apply(client: PoolClient, events: readonly RecordedEvent[]): Promise<void>;
  /**
   * Removes from its tables what it stored of one subject's personal data
   * (the subject is a stream name) before that subject was erased. A
   * rebuild calls it for erasures made while it ran, which scrubbed only
   * the live tables. Only a station-fault reporter (and the call-backs
   * opened for it) can be erased so far; the projections that store none
   * of that have none.
   */
  erasePersonalData?(client: PoolClient, subject: string): Promise<void>;
}

/** Options every projection factory takes. */
export interface ReadModelProjectionOptions {
  /**
   * Appended to every table name and to the checkpoint name, so a
   * rebuild fills fresh tables beside the live ones.
   */
  tableSuffix?: string;
  /**
   * Opens sealed personal data (a reporter's phone) before it is stored;
   * without one, sealed values are stored as they come.
   */
  personalData?: PersonalDataOpener;
}
