import {
  CONFIRMATION_LEAD_MS,
  evolveRepairOrder,
  initialRepairOrderState,
  REPAIR_ORDER_PROCESS_ID,
  type RepairOrderEvent,
  type RepairOrderState,
  type ShopBookRules,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import {
  LogFollower,
  type CheckpointStore,
  type CommandEnvelope,
  type RoleQueueSet,
} from '@opsdesk/messaging';
import {
  deterministicUuid,
  type Clock,
  type Fence,
  type Logger,
} from '@opsdesk/platform';

import {
  releaseSlotGivenBack,
  type SlotReleaseDeps,
} from './repair-order-slot-releases';
import { shopBookRulesFrom } from './repair-order.wiring';

const PREFIX = `${REPAIR_ORDER_PROCESS_ID}-`;

/** What a visit's appointment timer does, and when. */
export interface RepairOrderTimer {
  kind: 'confirm' | 'expire';
  type: 'RequestAppointmentConfirmation' | 'ExpireUnconfirmedAppointment';
  bookingSeq: number;
  dueAt: string;
}

/**
 * The timer a visit is owed in its state: one hour before a booked
 * appointment the customer is asked to confirm; at the appointment an
 * unconfirmed booking goes back to the book. None in any other state.
 */
export function nextRepairOrderTimer(
  state: RepairOrderState,
): RepairOrderTimer | null {
  const appointment = state.appointment;
  if (!appointment) return null;
  const at = Date.parse(appointment.slotStart);
  if (state.status === 'BOOKED') {
    return {
      kind: 'confirm',
      type: 'RequestAppointmentConfirmation',
      bookingSeq: appointment.bookingSeq,
      dueAt: new Date(at - CONFIRMATION_LEAD_MS).toISOString(),
    };
  }
  if (state.status === 'AWAITING_CONFIRMATION') {
    return {
      kind: 'expire',
      type: 'ExpireUnconfirmedAppointment',
      bookingSeq: appointment.bookingSeq,
      dueAt: appointment.slotStart,
    };
  }
  return null;
}

/** `repair-timer.<ticket>.<booking>.<kind>` (BullMQ forbids ':'). */
export function repairOrderTimerJobId(
  ticketId: string,
  timer: Pick<RepairOrderTimer, 'bookingSeq' | 'kind'>,
): string {
  return ['repair-timer', ticketId, timer.bookingSeq, timer.kind].join('.');
}

/** The timer's command: one id per booking and kind, however often set. */
export function repairOrderTimerCommand(
  ticketId: string,
  timer: RepairOrderTimer,
  correlationId: string,
): CommandEnvelope {
  const jobId = repairOrderTimerJobId(ticketId, timer);
  return {
    commandId: deterministicUuid(`opsdesk-repair-timer:${jobId}`),
    processId: REPAIR_ORDER_PROCESS_ID,
    ticketId,
    type: timer.type,
    payload: { bookingSeq: timer.bookingSeq },
    actor: { id: 'system:repair-timer', role: 'system', kind: 'automatic' },
    correlationId,
    causationId: jobId,
    issuedAt: timer.dueAt,
  };
}

export interface RepairOrderTimersDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  queues: RoleQueueSet;
  clock: Clock;
  logger: Logger;
  /** The shops' slots (from the environment when not given). */
  shopRules?: ShopBookRules;
}

/**
 * The appointment timers on BullMQ delayed jobs, set from the log: after
 * each event of a visit, the timer its state is owed goes on the `system`
 * queue, delayed until due by the injected clock. The job is the timer's
 * command; the decider refuses it before its instant or for a booking
 * that has since moved, so an early, late or repeated job changes
 * nothing it should not.
 *
 * At start, `reconcile` sets the timer of every visit the log holds
 * again (the same job ids, so a timer Redis still holds stays as it is),
 * which brings back the timers a Redis restart lost.
 *
 * The same follower gives a slot back to the shop's book once a visit
 * has recorded that its appointment is not kept: the release follows the
 * visit's event, so it never frees a bay of a visit that still holds it.
 * TODO(#13): like the violation timers, the reconcile reads the whole log
 * of the process; a time index would read less.
 */
export class RepairOrderTimers {
  private readonly follower: LogFollower;
  private readonly releases: SlotReleaseDeps;

  constructor(private readonly deps: RepairOrderTimersDeps) {
    this.releases = {
      store: deps.store,
      rules: deps.shopRules ?? shopBookRulesFrom(process.env),
      clock: deps.clock,
      logger: deps.logger,
    };
    this.follower = new LogFollower({
      name: 'repair-order-timers',
      store: deps.store,
      checkpoints: deps.checkpoints,
      streamPrefixes: [PREFIX],
      logger: deps.logger,
      handle: (event) => this.handle(event),
    });
  }

  async start(fence?: Fence): Promise<void> {
    await this.reconcile();
    await this.follower.start(fence);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Sets the timer every visit in the log is owed; returns how many. */
  async reconcile(pageSize = 1000): Promise<number> {
    const visits = new Map<
      string,
      { state: RepairOrderState; correlationId: string }
    >();
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.store.readAll({
        after,
        maxCount: pageSize,
        filter: { streamPrefixes: [PREFIX] },
      });
      for (const event of page) {
        const ticketId = event.streamName.slice(PREFIX.length);
        const folded = visits.get(ticketId)?.state ?? initialRepairOrderState;
        visits.set(ticketId, {
          state: fold(folded, event),
          correlationId: event.metadata.correlationId,
        });
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    let set = 0;
    for (const [ticketId, { state, correlationId }] of visits) {
      if (await this.setTimer(ticketId, state, correlationId)) set++;
    }
    return set;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const ticketId = event.streamName.slice(PREFIX.length);
    const history = await this.deps.store.readStream(event.streamName, {
      maxCount: event.revision + 1,
    });
    await releaseSlotGivenBack(this.releases, event, history);
    const state = history.reduce(fold, initialRepairOrderState);
    await this.setTimer(ticketId, state, event.metadata.correlationId);
  }

  /** One delayed job for the timer the visit is owed; false when none. */
  private async setTimer(
    ticketId: string,
    state: RepairOrderState,
    correlationId: string,
  ): Promise<boolean> {
    const timer = nextRepairOrderTimer(state);
    if (!timer) return false;
    const command = repairOrderTimerCommand(ticketId, timer, correlationId);
    const delay = Math.max(
      0,
      Date.parse(timer.dueAt) - this.deps.clock.now().getTime(),
    );
    await this.deps.queues.queue('system').add(
      command.type,
      { kind: 'command', command },
      {
        jobId: repairOrderTimerJobId(ticketId, timer),
        delay,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 20000 },
        removeOnFail: false,
      },
    );
    return true;
  }
}

function fold(state: RepairOrderState, event: RecordedEvent): RepairOrderState {
  return evolveRepairOrder(state, {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
  } as unknown as RepairOrderEvent);
}
