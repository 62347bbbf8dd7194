import type { RecordedEvent } from '@opsdesk/event-store';
import type { RegisteredProcess } from '../commands/process-catalog';
import type { WorkerRole } from '../queues/role-queues';

type State = { status: string };

/** One event of a ticket's stream with the folded state around it. */
export interface StreamChange {
  process: RegisteredProcess;
  event: RecordedEvent;
  before: State;
  after: State;
}

/** A ticket as the whole log leaves it. */
export interface TicketAtEnd {
  processId: string;
  ticketId: string;
  streamName: string;
  state: State;
}

/** A job the log says should exist, and how to put it on its queue. */
export interface ExpectedJob {
  /** The source that expects it, e.g. `handoff`. */
  source: string;
  role: WorkerRole;
  /** Deterministic: re-adding it while Redis still holds it adds nothing. */
  jobId: string;
  ticketId: string;
  /** When the job became due (its causing event's `recordedAt`). */
  dueSince: string;
  enqueue(): Promise<unknown>;
}

/**
 * One kind of job the reconciler restores. It folds each stream's events
 * into a memo of its own (kept small: the reconciler holds one per open
 * ticket), names the jobs a ticket's memo implies, and says which of them
 * already did their work, so that no job is needed for those.
 */
export interface ExpectedJobSource<Memo = unknown> {
  readonly name: string;
  step(memo: Memo | undefined, change: StreamChange): Memo | undefined;
  expected(memo: Memo | undefined, ticket: TicketAtEnd): ExpectedJob[];
  /** The job ids (of `jobs`) whose effect is already recorded. */
  done(jobs: readonly ExpectedJob[]): Promise<ReadonlySet<string>>;
}
