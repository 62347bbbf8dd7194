/** The stores compared in part 1. */
export type ContenderName = 'opsdesk' | 'emmett' | 'pg-insert';

export const CONTENDERS: readonly ContenderName[] = [
  'opsdesk',
  'emmett',
  'pg-insert',
];

/** An event as every contender receives it. */
export interface BenchEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** One writer's current stream and what the store expects of it next. */
export interface StreamCursor {
  name: string;
  /** Store-specific: a revision, a version, or nothing. */
  expected: unknown;
  events: number;
}

export interface ReadPage {
  count: number;
  next: unknown;
}

/** What the append runner needs of a store. */
export interface AppendContender {
  readonly name: ContenderName;
  /** Creates the store's tables in the schema (not timed). */
  setup(): Promise<void>;
  append(stream: StreamCursor, events: readonly BenchEvent[]): Promise<void>;
  /** A page of the global log after `after` (undefined: the start). */
  readPage(after: unknown, limit: number): Promise<ReadPage>;
  /** Events stored, counted in SQL, to check what a full read returned. */
  count(): Promise<number>;
  close(): Promise<void>;
}
