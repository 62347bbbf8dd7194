import type { EventMetadata } from '../event-store.port';

/**
 * Turns the data of one event type from one schema version into the
 * next. Pure: it gets copies and returns the new data; what is stored
 * never changes. Domain code may declare upcasters with a type of its own
 * of the same shape (the domain imports no adapter).
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  toVersion: number;
  upcast(
    data: Record<string, unknown>,
    metadata: Readonly<EventMetadata>,
  ): Record<string, unknown>;
}
