import {
  CARD_COURIER_RECORD_PROCESS_ID,
  cardMemberKey,
  evolveMembershipCard,
  initialMembershipCardState,
  MEMBERSHIP_CARD_PROCESS_ID,
  type CardMailed,
  type MembershipCardEvent,
  type MembershipCardState,
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

const RECORDS = `${CARD_COURIER_RECORD_PROCESS_ID}-`;

const INQUIRIES = `${MEMBERSHIP_CARD_PROCESS_ID}-`;

export interface CardCourierFollowerDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  queues: RoleQueueSet;
  clock: Clock;
  logger: Logger;
}

/** The check a posting causes on one waiting inquiry: one id per pair. */
export function courierCheckCommand(
  mailed: RecordedEvent,
  ticketId: string,
  issuedAt: string,
): CommandEnvelope {
  return {
    commandId: deterministicUuid(`courier-check:${mailed.eventId}:${ticketId}`),
    processId: MEMBERSHIP_CARD_PROCESS_ID,
    ticketId,
    type: 'CheckCourierRecord',
    payload: {},
    actor: { id: 'system:courier-record', role: 'system', kind: 'automatic' },
    correlationId: mailed.metadata.correlationId,
    causationId: mailed.eventId,
    issuedAt,
  };
}

/**
 * A card posted while its member waits (市场会员卡进度审核流程 4.3.2)
 * closes the waiting inquiry: follows the courier records and, for each
 * posting, puts a `CheckCourierRecord` on the `system` queue for every
 * inquiry of that member in `AWAITING_CARD`. The worker reads the courier record
 * again before the decision, so the check tells the tracking number.
 * Replays are harmless: the command id comes from the posting and the
 * inquiry. An inquiry that starts waiting after the posting needs none:
 * its own look-up finds the record.
 *
 * TODO(#11): the waiting inquiries are found by reading every inquiry's
 * stream; an index of waiting members would read less. And an inquiry
 * whose look-up read the record just before a posting, but whose wait
 * was appended after this follower's scan, is missed: it waits for its
 * 3-working-day reminder, whose check then finds the card.
 */
export class CardCourierFollower {
  private readonly follower: LogFollower;

  constructor(private readonly deps: CardCourierFollowerDeps) {
    this.follower = new LogFollower({
      name: 'card-courier-follower',
      store: deps.store,
      checkpoints: deps.checkpoints,
      streamPrefixes: [RECORDS],
      logger: deps.logger,
      handle: (event) => this.handle(event),
    });
  }

  start(fence?: Fence): Promise<void> {
    return this.follower.start(fence);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'card-courier-record.card-mailed') return;
    const { memberId } = event.data as CardMailed['data'];
    const waiting = await this.waitingInquiriesOf(memberId);
    const issuedAt = this.deps.clock.now().toISOString();
    for (const ticketId of waiting) {
      const command = courierCheckCommand(event, ticketId, issuedAt);
      await this.deps.queues.queue('system').add(
        command.type,
        { kind: 'command', command },
        {
          jobId: ['courier-check', event.eventId, ticketId].join('.'),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 20000 },
          removeOnFail: false,
        },
      );
      this.deps.logger.info(
        { ticketId, memberId, causationId: event.eventId },
        'card posted; waiting inquiry checked',
      );
    }
  }

  private async waitingInquiriesOf(
    memberId: string,
    pageSize = 1000,
  ): Promise<string[]> {
    const inquiries = new Map<string, MembershipCardState>();
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.store.readAll({
        after,
        maxCount: pageSize,
        filter: { streamPrefixes: [INQUIRIES] },
      });
      for (const e of page) {
        const ticketId = e.streamName.slice(INQUIRIES.length);
        const state = inquiries.get(ticketId) ?? initialMembershipCardState;
        inquiries.set(
          ticketId,
          evolveMembershipCard(state, {
            type: e.type,
            schemaVersion: e.schemaVersion,
            data: e.data,
          } as unknown as MembershipCardEvent),
        );
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    return [...inquiries]
      .filter(
        ([, state]) =>
          state.status === 'AWAITING_CARD' &&
          state.memberId !== undefined &&
          cardMemberKey(state.memberId) === cardMemberKey(memberId),
      )
      .map(([ticketId]) => ticketId);
  }
}
