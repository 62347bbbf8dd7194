/** How a part-1 run appends: events per append and writers in flight. */
export interface AppendShape {
  name: string;
  eventsPerAppend: number;
  inFlight: number;
}

export const APPEND_SHAPES: readonly AppendShape[] = [
  { name: '1 event/append, 1 in flight', eventsPerAppend: 1, inFlight: 1 },
  { name: '1 event/append, 8 in flight', eventsPerAppend: 1, inFlight: 8 },
  { name: '10 events/append, 1 in flight', eventsPerAppend: 10, inFlight: 1 },
  { name: '10 events/append, 8 in flight', eventsPerAppend: 10, inFlight: 8 },
];

/** A ticket's stream holds about this many events before the next one. */
export const EVENTS_PER_STREAM = 15;

export interface ShapeResult {
  shape: string;
  appends: number;
  events: number;
  elapsedMs: number;
  eventsPerSecond: number;
  appendsPerSecond: number;
}

export interface ReadResult {
  events: number;
  /** What the store holds; a full read (below the cap) returns all of it. */
  stored: number;
  elapsedMs: number;
  eventsPerSecond: number;
}
