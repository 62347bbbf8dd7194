import {
  callbackOutcomeReached,
  DomainError,
  phoneCallbackProcess,
  stationFaultProcess,
  streamNameOf,
  type CallbackOutcome,
  type PhoneCallbackState,
  type StationFaultState,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { deterministicUuid, LogFields, type Logger } from '@opsdesk/platform';
import { fold, type CommandExecutor } from '../commands/command-executor';
import type { ProcessCatalog } from '../commands/process-catalog';
import { LogFollower } from '../follow/log-follower';
import type { CheckpointStore } from '../process-manager/checkpoint-store';
import type { CommandEnvelope } from '../queues/jobs';

const SF = stationFaultProcess.processId;
const CB = phoneCallbackProcess.processId;
const CANCELLABLE = ['OPEN', 'PREPARED', 'ATTEMPTING'];

const OUTCOME_NOTE: Record<Exclude<CallbackOutcome, 'not-needed'>, string> = {
  satisfied: '电话回访：已告知处理结果，用户满意',
  unreached: '电话回访：三次未接通，已报值班长',
  complaint: '电话回访：用户不满意，已转投诉处理',
  dissatisfied: '电话回访：用户仍不满意，值班长已结案',
};

/** The call-back a station fault's result notification opens. */
export function callbackIdFor(resultNotifiedEventId: string): string {
  return deterministicUuid(`opsdesk-callback:${resultNotifiedEventId}`);
}

/**
 * The streams of the call-backs a station fault's events may have opened,
 * one per result notified to the centre (opened or not: in manual mode,
 * or for a reporter told at once, there is none).
 */
export function callbackStreamsOf(
  stationFaultEvents: readonly RecordedEvent[],
): string[] {
  return stationFaultEvents
    .filter(
      (e) => e.type === 'station-fault.result-notified-to-customer-service',
    )
    .map((e) => streamNameOf(CB, callbackIdFor(e.eventId)));
}

export interface ProcessLinkerDeps {
  store: EventStore;
  processes: ProcessCatalog;
  checkpoints: CheckpointStore;
  executor: CommandExecutor;
  logger: Logger;
  /** `automatic`: a result reaching the centre opens a call-back (G-c). */
  callbackMode: 'automatic' | 'manual';
  /**
   * Runs `work` on the events with their sealed personal data opened (the
   * reporter's phone, which the call-back needs to dial) and their keys
   * held until `work` ends: an erasure waits for the copy `work` makes,
   * and then reaches it. Without one, the events are used as stored.
   */
  withPersonalData?: PersonalDataHold;
}

export type PersonalDataHold = <T>(
  events: readonly RecordedEvent[],
  work: (opened: RecordedEvent[]) => Promise<T>,
) => Promise<T>;

const AS_STORED: PersonalDataHold = (events, work) => work([...events]);

/**
 * The centre's automation between two processes, driven by the stored
 * log: a station fault whose result reaches the centre opens a call-back
 * to its reporter; a call-back that ends closes the station fault; a
 * station fault closed directly (the agent reached the reporter at once)
 * cancels the call-back it no longer needs. Every command has an id made
 * from the event that caused it, so a replay appends nothing.
 */
export class ProcessLinker {
  private readonly follower: LogFollower;

  constructor(private readonly deps: ProcessLinkerDeps) {
    this.follower = new LogFollower({
      name: 'process-linker',
      store: deps.store,
      checkpoints: deps.checkpoints,
      streamPrefixes: [`${SF}-`, `${CB}-`],
      logger: deps.logger,
      handle: (event) => this.handle(event),
    });
  }

  start(): Promise<void> {
    return this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Exposed for tests that drive the linker event by event. */
  async handle(event: RecordedEvent): Promise<void> {
    if (event.streamName.startsWith(`${SF}-`)) {
      const ticketId = event.streamName.slice(SF.length + 1);
      if (
        event.type === 'station-fault.result-notified-to-customer-service' &&
        this.deps.callbackMode === 'automatic'
      ) {
        await this.openCallback(ticketId, event);
      } else if (event.type === 'station-fault.ticket-closed') {
        await this.cancelUnneeded(ticketId);
      }
      return;
    }
    if (event.streamName.startsWith(`${CB}-`)) {
      await this.followCallback(event.streamName.slice(CB.length + 1), event);
    }
  }

  /**
   * The reporter's name and phone are copied onto the call-back, sealed
   * under the call-back's own key, while the station fault's key is held:
   * an erasure of the reporter waits until the copy is written and then
   * erases the call-back's key too (`callbackStreamsOf`), or comes first
   * and nothing opens.
   */
  private async openCallback(ticketId: string, event: RecordedEvent) {
    const hold = this.deps.withPersonalData ?? AS_STORED;
    const stored = await this.deps.store.readStream(streamNameOf(SF, ticketId));
    await hold(stored, (history) =>
      this.openCallbackFrom(
        ticketId,
        event,
        fold(this.registered(SF), history) as StationFaultState,
      ),
    );
  }

  private async openCallbackFrom(
    ticketId: string,
    event: RecordedEvent,
    origin: StationFaultState,
  ) {
    // The agent told the reporter at once: no call-back is needed.
    if (origin.status !== 'RESULT_NOTIFIED' || !origin.reporter) return;
    const { name, phone } = origin.reporter;
    if (!phone) {
      // Erased: there is nobody to call back, and nothing to copy.
      this.deps.logger.info(
        { [LogFields.ticketId]: ticketId },
        'reporter erased; no call-back opened',
      );
      return;
    }
    await this.run(
      this.command(
        CB,
        callbackIdFor(event.eventId),
        'OpenCallback',
        {
          reason: 'result-notification',
          contact: name ? { name, phone } : { phone },
          subject: origin.resultSummary ?? '告知处理结果',
          origin: {
            processId: SF,
            ticketId,
            ...(origin.ticketNumber
              ? { ticketNumber: origin.ticketNumber }
              : {}),
          },
          ...(origin.station?.subsidiaryId
            ? { subsidiaryId: origin.station.subsidiaryId }
            : {}),
        },
        `open:${event.eventId}`,
        event,
      ),
    );
  }

  /** A station fault closed without its call-back: cancel the call-back. */
  private async cancelUnneeded(ticketId: string) {
    const history = await this.deps.store.readStream(
      streamNameOf(SF, ticketId),
    );
    const closedByCallback = history.some(
      (e) =>
        e.type === 'station-fault.reporter-informed' &&
        (e.data as { callback?: unknown }).callback !== undefined,
    );
    if (closedByCallback) return;
    const notified = history.filter(
      (e) => e.type === 'station-fault.result-notified-to-customer-service',
    );
    for (const cause of notified) {
      await this.cancelIfOpen(callbackIdFor(cause.eventId), cause);
    }
  }

  private async followCallback(callbackId: string, event: RecordedEvent) {
    const history = await this.deps.store.readStream(
      streamNameOf(CB, callbackId),
      { maxCount: event.revision + 1 },
    );
    const registered = this.deps.processes.get(CB);
    if (!registered) return;
    const before = fold(registered, history.slice(0, -1)) as PhoneCallbackState;
    const after = fold(registered, history) as PhoneCallbackState;
    const origin = after.origin;
    if (!origin || origin.processId !== SF) return;

    if (event.type === 'phone-callback.opened') {
      const ticket = await this.state<StationFaultState>(SF, origin.ticketId);
      if (ticket.status === 'CLOSED')
        await this.cancelIfOpen(callbackId, event);
      return;
    }
    const outcome = callbackOutcomeReached(before, after);
    if (!outcome || outcome === 'not-needed') return;
    const ticket = await this.state<StationFaultState>(SF, origin.ticketId);
    if (ticket.status !== 'RESULT_NOTIFIED') return;
    await this.run(
      this.command(
        SF,
        origin.ticketId,
        'InformReporter',
        {
          contactOutcome: outcome === 'unreached' ? 'unreachable' : 'reached',
          note: OUTCOME_NOTE[outcome],
          callback: { callbackId, outcome },
        },
        `close:${callbackId}`,
        event,
      ),
    );
  }

  private async cancelIfOpen(callbackId: string, cause: RecordedEvent) {
    const callback = await this.state<PhoneCallbackState>(CB, callbackId);
    if (!CANCELLABLE.includes(callback.status)) return;
    await this.run(
      this.command(
        CB,
        callbackId,
        'CancelCallback',
        { reason: 'reporter-informed-directly' },
        `cancel:${callbackId}`,
        cause,
      ),
    );
  }

  private async state<S>(processId: string, ticketId: string): Promise<S> {
    const stored = await this.deps.store.readStream(
      streamNameOf(processId, ticketId),
    );
    return fold(this.registered(processId), stored) as S;
  }

  private registered(processId: string) {
    const registered = this.deps.processes.get(processId);
    if (!registered) throw new Error(`Process ${processId} is not installed`);
    return registered;
  }

  private command(
    processId: string,
    ticketId: string,
    type: string,
    payload: Record<string, unknown>,
    link: string,
    cause: RecordedEvent,
  ): CommandEnvelope {
    return {
      commandId: deterministicUuid(`opsdesk-link:${link}`),
      processId,
      ticketId,
      type,
      payload,
      actor: {
        id: 'auto:cs-phone-agent',
        role: 'cs-phone-agent',
        kind: 'automatic',
      },
      correlationId: cause.metadata.correlationId,
      causationId: cause.eventId,
      issuedAt: cause.recordedAt,
    };
  }

  private async run(command: CommandEnvelope): Promise<void> {
    try {
      const outcome = await this.deps.executor.execute(command);
      if (!outcome.duplicate) {
        this.deps.logger.info(
          {
            [LogFields.ticketId]: command.ticketId,
            [LogFields.commandId]: command.commandId,
            processId: command.processId,
            type: command.type,
          },
          'linked processes',
        );
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Someone moved the ticket first; the link is moot.
      this.deps.logger.warn(
        {
          [LogFields.ticketId]: command.ticketId,
          [LogFields.commandId]: command.commandId,
          code: error.code,
        },
        'link not applied',
      );
    }
  }
}
