import {
  DomainError,
  streamNameOf,
  type DomainCommand,
  type DomainEvent,
} from '@opsdesk/domain';
import {
  PartiallyAppendedBatchError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@opsdesk/event-store';
import { eventIdFor, type Logger } from '@opsdesk/platform';
import type { CommandEnvelope } from '../queues/jobs';
import type { AcceptedOutcome } from './command-outcome';
import { UnknownCommandError, UnknownProcessError } from './command-errors';
import type { ProcessCatalog, RegisteredProcess } from './process-catalog';
import { StreamHistories } from './stream-histories';

/** Fills in what a command needs from outside the domain (e.g. a ticket number). */
export type CommandPreparer = (
  command: CommandEnvelope,
  state: { status: string },
) => Promise<CommandEnvelope>;

const MAX_CONFLICT_RETRIES = 5;

const NO_HISTORY: readonly RecordedEvent[] = [];

/**
 * Load, decide, append: the one way a command changes a ticket. Domain
 * errors propagate unchanged (the caller records the rejection); a
 * concurrent writer makes it load again and decide afresh.
 */
export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly processes: ProcessCatalog,
    private readonly logger: Logger,
    private readonly preparers: ReadonlyMap<
      string,
      CommandPreparer
    > = new Map(),
    private readonly clock: () => Date = () => new Date(),
    /** Shared with whatever else in the process reads tickets' streams. */
    private readonly histories = new StreamHistories(store),
  ) {}

  /**
   * With `history`, the stream as its caller has just read it, the first
   * decision is made on it without reading again; a stale one costs a
   * conflict and a fresh read. So is a command that opens its ticket
   * (`opensTicket`), on no history, and one whose stream the process's
   * log feed holds (`StreamHistories.guess`).
   */
  async execute(
    envelope: CommandEnvelope,
    history?: readonly RecordedEvent[],
  ): Promise<AcceptedOutcome> {
    const outcome = await this.run(envelope, () => true, history);
    // Without a precondition the command is always decided.
    return outcome as AcceptedOutcome;
  }

  /**
   * Like `execute`, but only while `holds(history)` is true of the stream
   * as read before deciding (and read again after a concurrent write);
   * null when it does not hold. A timer uses it to act only while the
   * step it belongs to is still open; automatic work, only while the
   * hand-off that called for it is the latest.
   */
  async executeWhen(
    envelope: CommandEnvelope,
    holds: (history: readonly RecordedEvent[]) => boolean,
    history?: readonly RecordedEvent[],
  ): Promise<AcceptedOutcome | null> {
    return this.run(envelope, holds, history);
  }

  /** What the first decision is made on, and what a refusal on it means. */
  private firstHistory(
    envelope: CommandEnvelope,
    streamName: string,
    given: readonly RecordedEvent[] | undefined,
  ): FirstHistory {
    if (given) return { kind: 'given', events: given };
    // A ticket opened by this command has no history yet. Should the
    // stream exist after all (the job's second run), the append conflicts
    // and the next attempt reads it and answers as a duplicate; the only
    // cost is a ticket number taken for nothing, and numbers may have gaps.
    if (envelope.opensTicket) return { kind: 'given', events: NO_HISTORY };
    // A preparer may act outside the stream (reserve a bay, and give it
    // back when the command is refused), on the belief that a refusal is
    // final: its commands are decided on a read.
    if (this.preparers.has(preparerKey(envelope))) return { kind: 'read' };
    const guessed = this.histories.guess(streamName);
    return guessed ? { kind: 'guessed', events: guessed } : { kind: 'read' };
  }

  private async run(
    envelope: CommandEnvelope,
    holds: (history: readonly RecordedEvent[]) => boolean,
    /** Decided on first without reading; a stale one is read again. */
    given?: readonly RecordedEvent[],
  ): Promise<AcceptedOutcome | null> {
    const process = this.processes.get(envelope.processId);
    if (!process) throw new UnknownProcessError(envelope.processId);
    if (!process.definition.commandTypes.includes(envelope.type)) {
      throw new UnknownCommandError(envelope.processId, envelope.type);
    }
    const streamName = streamNameOf(envelope.processId, envelope.ticketId);
    const first = this.firstHistory(envelope, streamName, given);

    for (let attempt = 1; ; attempt++) {
      // A history not read just now may be behind the stream: an append
      // made on it must find the stream where the history ends. What is
      // concluded from a guess alone, a refusal or a precondition that
      // fails, is concluded again on a read.
      const unread = attempt === 1 && first.kind !== 'read' ? first : null;
      const guessed = unread?.kind === 'guessed';
      const history = unread
        ? unread.events
        : await this.histories.read(streamName);

      const earlier = history.filter(
        (e) => e.metadata.commandId === envelope.commandId,
      );
      if (earlier.length > 0) {
        return outcomeOf(envelope, process, history, earlier, true);
      }
      if (!holds(history)) {
        if (guessed) continue;
        return null;
      }

      const state = fold(process, history);
      const now = this.clock().toISOString();
      let prepared: CommandEnvelope;
      let decided: DomainEvent[];
      try {
        prepared = await this.prepare(envelope, state);
        decided = process.definition.decide(
          toDomainCommand(prepared),
          state,
          { now, actor: prepared.actor },
          process.config,
        );
      } catch (error) {
        if (guessed && error instanceof DomainError) continue;
        throw error;
      }

      const events = decided.map((event, index) =>
        toNewEvent(prepared, event, index, now),
      );
      let appended: AppendResult;
      try {
        appended = await this.store.appendToStream(streamName, events, {
          expectedRevision: lastRevision(history),
        });
      } catch (error) {
        // A job's second run, decided afresh on a history that is behind,
        // can even make more events than its first run stored.
        const stale =
          error instanceof WrongExpectedRevisionError ||
          (unread !== null && error instanceof PartiallyAppendedBatchError);
        if (stale && attempt < MAX_CONFLICT_RETRIES) {
          this.logger.debug(
            { commandId: envelope.commandId, attempt, stream: streamName },
            'concurrent write, deciding again',
          );
          continue;
        }
        throw error;
      }

      // Stored by an earlier run of this command: the next read finds
      // those events and answers as a duplicate.
      if (appended.alreadyAppended) continue;
      if (events.length > 0) {
        this.histories.appended(streamName, appended.nextExpectedRevision);
      }
      if (events.length === 0) {
        return outcomeOf(envelope, process, history, [], false);
      }
      return appendedOutcome(envelope, process, {
        before: state,
        decided,
        events,
        lastRevision: appended.nextExpectedRevision,
      });
    }
  }

  private async prepare(
    envelope: CommandEnvelope,
    state: { status: string },
  ): Promise<CommandEnvelope> {
    const preparer = this.preparers.get(preparerKey(envelope));
    return preparer ? preparer(envelope, state) : envelope;
  }
}

type FirstHistory =
  | { kind: 'read' }
  /** Handed in, or known: refusals on it are final, as on a read. */
  | { kind: 'given'; events: readonly RecordedEvent[] }
  /** The log feed's, possibly behind: refusals on it are read again. */
  | { kind: 'guessed'; events: readonly RecordedEvent[] };

function preparerKey(envelope: CommandEnvelope): string {
  return `${envelope.processId}/${envelope.type}`;
}

export function fold(
  process: RegisteredProcess,
  events: readonly RecordedEvent[],
): { status: string } {
  return events.reduce(
    (state, event) => process.definition.evolve(state, asDomainEvent(event)),
    process.definition.initialState as { status: string },
  );
}

function asDomainEvent(event: RecordedEvent): DomainEvent {
  return {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
  };
}

function toDomainCommand(envelope: CommandEnvelope): DomainCommand {
  return {
    type: envelope.type,
    ticketId: envelope.ticketId,
    payload: envelope.payload,
  };
}

function toNewEvent(
  command: CommandEnvelope,
  event: DomainEvent,
  index: number,
  decidedAt: string,
): NewEvent {
  const decision = (event.data as { decision?: { inputs?: object } }).decision;
  return {
    eventId: eventIdFor(command.commandId, index),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data as Record<string, unknown>,
    metadata: {
      commandId: command.commandId,
      commandType: command.type,
      causationId: command.causationId,
      correlationId: command.correlationId,
      actor: command.actor,
      // The instant the decider was given as now: deadlines count steps
      // from it, so a replay on another clock counts the same.
      decidedAt,
      ...(decision?.inputs
        ? { decisionInputs: decision.inputs as Record<string, unknown> }
        : {}),
    },
  };
}

function lastRevision(history: readonly RecordedEvent[]): number | 'no-stream' {
  return history.length === 0
    ? 'no-stream'
    : history[history.length - 1].revision;
}

/** The answer for events just appended, without reading them back. */
function appendedOutcome(
  envelope: CommandEnvelope,
  process: RegisteredProcess,
  appended: {
    before: { status: string };
    decided: readonly DomainEvent[];
    events: readonly NewEvent[];
    lastRevision: number;
  },
): AcceptedOutcome {
  const { before, decided, events, lastRevision } = appended;
  const state = decided.reduce(
    (current, event) => process.definition.evolve(current, event),
    before,
  ) as { status: string; ticketNumber?: string };
  const first = lastRevision - events.length + 1;
  return {
    status: 'accepted',
    commandId: envelope.commandId,
    processId: envelope.processId,
    ticketId: envelope.ticketId,
    ticketNumber: state.ticketNumber,
    ticketStatus: state.status,
    custody: process.definition.custody(state),
    revision: lastRevision,
    events: events.map((e, index) => ({
      eventId: e.eventId,
      type: e.type,
      revision: first + index,
    })),
    duplicate: false,
  };
}

function outcomeOf(
  envelope: CommandEnvelope,
  process: RegisteredProcess,
  history: readonly RecordedEvent[],
  mine: readonly RecordedEvent[],
  duplicate: boolean,
): AcceptedOutcome {
  const upTo = mine.length ? mine[mine.length - 1].revision : -1;
  const state = fold(
    process,
    history.filter((e) => e.revision <= upTo),
  ) as { status: string; ticketNumber?: string };
  return {
    status: 'accepted',
    commandId: envelope.commandId,
    processId: envelope.processId,
    ticketId: envelope.ticketId,
    ticketNumber: state.ticketNumber,
    ticketStatus: state.status,
    custody: process.definition.custody(state),
    revision: upTo,
    events: mine.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      revision: e.revision,
    })),
    duplicate,
  };
}
