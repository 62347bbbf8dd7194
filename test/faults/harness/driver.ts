import type { StationFaultState } from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import {
  commandJobId,
  DeadLetters,
  type CommandEnvelope,
  type HandoffJob,
  type RegisteredProcess,
  type RoleQueueSet,
  type WorkerRole,
  WORKER_ROLES,
} from '@opsdesk/messaging';
import type { Roster } from '@opsdesk/stations';
import { atMost, sleep } from '../support/processes';
import type { Random } from './random';
import {
  nextPersonStep,
  type PersonStep,
  type TicketPlan,
} from './ticket-plans';

export interface DriverOptions {
  /** Tickets open at once; more are reported as others close. */
  maxOpen: number;
  /** No progress for this long: send the step again (same command id). */
  staleMs: number;
  /** Share of commands sent twice under a second job id. */
  duplicateRate: number;
  /** Gives up (reporting what is stuck) after this long. */
  deadlineMs: number;
}

export interface DriverCounts {
  released: number;
  commandsSent: number;
  /** Sent again after no progress (Redis lost the job, or it lags). */
  commandsResent: number;
  /** Second deliveries of a command under another job id. */
  commandsDuplicated: number;
  /** Hand-off jobs delivered a second time under another job id. */
  handoffsDuplicated: number;
  /** Failed jobs the driver retried as an operator would. */
  deadLettersRetried: number;
  /** Commands the domain refused: a harness or system bug. */
  rejected: number;
  closed: number;
  /** Station-fault events seen in the log so far. */
  events: number;
}

interface Ticket {
  plan: TicketPlan;
  state: StationFaultState;
  revision: number;
  seen: Map<string, number>;
  lastProgressAt: number;
  sent?: { step: PersonStep; at: number };
  /** Why the driver stopped pushing it, if it did. */
  rejected?: string;
}

const STREAM_PREFIX = 'station-fault-';

/**
 * Plays every person in the process: it follows the log (as people follow
 * their inboxes) and puts each ticket's next step on the acting role's
 * queue, with a command id made from the ticket and the revision it saw,
 * so a step sent again is the same command. Automatic work and hand-offs
 * are the system's own; the driver never repairs them.
 */
export class Driver {
  readonly counts: DriverCounts = {
    released: 0,
    commandsSent: 0,
    commandsResent: 0,
    commandsDuplicated: 0,
    handoffsDuplicated: 0,
    deadLettersRetried: 0,
    rejected: 0,
    closed: 0,
    events: 0,
  };
  private readonly tickets = new Map<string, Ticket>();
  private readonly byStream = new Map<string, Ticket>();
  private next = 0;
  private cursor: string | undefined;
  private readonly letters: DeadLetters;

  constructor(
    private readonly plans: readonly TicketPlan[],
    private readonly process: RegisteredProcess,
    private readonly store: EventStore,
    private readonly queues: RoleQueueSet,
    private readonly roster: Roster,
    private readonly random: Random,
    private readonly options: DriverOptions,
  ) {
    this.letters = new DeadLetters(queues);
  }

  /** The position of the last station-fault event seen. */
  get position(): string | undefined {
    return this.cursor;
  }

  /** Runs until every ticket is closed or the deadline passes. */
  async run(): Promise<{ stuck: string[] }> {
    const deadline = Date.now() + this.options.deadlineMs;
    let lastStaleCheck = Date.now();
    while (this.counts.closed < this.plans.length && Date.now() < deadline) {
      const changed = await this.follow().catch(() => new Set<Ticket>());
      this.release(changed);
      await this.advance(changed);
      if (Date.now() - lastStaleCheck > 1000) {
        lastStaleCheck = Date.now();
        await this.resendStale().catch(() => undefined);
      }
      await sleep(changed.size === 0 ? 100 : 20);
    }
    return { stuck: this.stuck() };
  }

  /** Re-delivers some hand-off jobs Redis holds, under new job ids. */
  async duplicateHandoffs(count: number): Promise<number> {
    let made = 0;
    for (const role of WORKER_ROLES) {
      const queue = this.queues.queue(role);
      const jobs = await queue.getJobs(['completed', 'waiting'], 0, count);
      for (const job of jobs) {
        if (job.data.kind !== 'handoff' || !job.id || made >= count) continue;
        if (job.id.startsWith('dup.')) continue;
        await queue.add(job.name, job.data as HandoffJob, {
          ...job.opts,
          jobId: `dup.${made}.${Date.now()}.${job.id}`,
        });
        made += 1;
      }
    }
    this.counts.handoffsDuplicated += made;
    return made;
  }

  /** Tickets not closed, with their state, for a failure message. */
  stuck(): string[] {
    return [...this.tickets.values()]
      .filter((t) => t.state.status !== 'CLOSED')
      .map(
        (t) =>
          `#${t.plan.index} ${t.plan.ticketId} ${t.state.status}` +
          (t.rejected ? ` rejected: ${t.rejected}` : ''),
      )
      .concat(
        this.plans
          .slice(this.next)
          .map((p) => `#${p.index} ${p.ticketId} never released`),
      );
  }

  /** Reads the log past the cursor and folds it into the tickets. */
  private async follow(): Promise<Set<Ticket>> {
    const changed = new Set<Ticket>();
    for (;;) {
      const page = await this.store.readAll({
        after: this.cursor,
        maxCount: 5000,
        filter: { streamPrefixes: [STREAM_PREFIX] },
      });
      for (const event of page) this.apply(event, changed);
      if (page.length > 0) this.cursor = page[page.length - 1].position;
      if (page.length < 5000) return changed;
    }
  }

  private apply(event: RecordedEvent, changed: Set<Ticket>): void {
    const ticket = this.byStream.get(event.streamName);
    if (!ticket || event.revision <= ticket.revision) return;
    ticket.state = this.process.definition.evolve(ticket.state, {
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
    }) as StationFaultState;
    ticket.revision = event.revision;
    ticket.seen.set(event.type, (ticket.seen.get(event.type) ?? 0) + 1);
    ticket.lastProgressAt = Date.now();
    this.counts.events += 1;
    if (ticket.state.status === 'CLOSED') this.counts.closed += 1;
    changed.add(ticket);
  }

  /** Reports new tickets while fewer than `maxOpen` are open. */
  private release(changed: Set<Ticket>): void {
    const open = this.counts.released - this.counts.closed;
    for (let n = open; n < this.options.maxOpen; n++) {
      const plan = this.plans[this.next];
      if (!plan) return;
      this.next += 1;
      const ticket: Ticket = {
        plan,
        state: this.process.definition.initialState as StationFaultState,
        revision: -1,
        seen: new Map(),
        lastProgressAt: Date.now(),
      };
      this.tickets.set(plan.ticketId, ticket);
      this.byStream.set(`${STREAM_PREFIX}${plan.ticketId}`, ticket);
      this.counts.released += 1;
      changed.add(ticket);
    }
  }

  private async advance(changed: Set<Ticket>): Promise<void> {
    const sends: Promise<unknown>[] = [];
    for (const ticket of changed) {
      const step = nextPersonStep(
        ticket.plan,
        { state: ticket.state, revision: ticket.revision, seen: ticket.seen },
        this.roster,
      );
      if (!step || ticket.sent?.step.commandId === step.commandId) continue;
      ticket.sent = { step, at: Date.now() };
      sends.push(this.send(ticket, step, false));
    }
    // A send waits while Redis is away; the loop goes on meanwhile.
    await atMost(Promise.allSettled(sends), 2000);
  }

  private async send(
    ticket: Ticket,
    step: PersonStep,
    resent: boolean,
  ): Promise<void> {
    const envelope = this.envelopeOf(ticket, step);
    await this.queues.addCommand(step.role, envelope);
    if (resent) this.counts.commandsResent += 1;
    else this.counts.commandsSent += 1;
    if (!resent && this.random.chance(this.options.duplicateRate)) {
      await this.queues.queue(step.role).add(
        step.type,
        { kind: 'command', command: envelope },
        {
          jobId: `dup.${commandJobId(envelope)}`,
          attempts: 10,
          backoff: { type: 'exponential', delay: 250 },
          removeOnComplete: { count: 5000 },
        },
      );
      this.counts.commandsDuplicated += 1;
    }
  }

  /**
   * A step with no effect after `staleMs`: if Redis lost its job, send it
   * again (same id); if it failed for good, retry it as an operator would;
   * if the domain refused it, stop pushing that ticket.
   */
  private async resendStale(): Promise<void> {
    const now = Date.now();
    const checks: Promise<void>[] = [];
    for (const ticket of this.tickets.values()) {
      const sent = ticket.sent;
      if (!sent || ticket.rejected || ticket.state.status === 'CLOSED')
        continue;
      if (now - Math.max(sent.at, ticket.lastProgressAt) < this.options.staleMs)
        continue;
      const still = nextPersonStep(
        ticket.plan,
        { state: ticket.state, revision: ticket.revision, seen: ticket.seen },
        this.roster,
      );
      if (still?.commandId !== sent.step.commandId) continue;
      sent.at = now;
      checks.push(this.recover(ticket, sent.step));
    }
    await atMost(Promise.allSettled(checks), 5000);
  }

  private async recover(ticket: Ticket, step: PersonStep): Promise<void> {
    const role: WorkerRole = step.role;
    const jobId = commandJobId(this.envelopeOf(ticket, step));
    const state = await this.queues.queue(role).getJobState(jobId);
    if (state === 'unknown') return this.send(ticket, step, true);
    if (state !== 'failed') return;
    const letter = await this.letters.find(role, jobId);
    if (letter?.kind === 'rejected') {
      ticket.rejected = letter.error;
      this.counts.rejected += 1;
      return;
    }
    await this.letters.retry(role, jobId);
    this.counts.deadLettersRetried += 1;
  }

  private envelopeOf(ticket: Ticket, step: PersonStep): CommandEnvelope {
    return {
      commandId: step.commandId,
      processId: 'station-fault',
      ticketId: ticket.plan.ticketId,
      type: step.type,
      payload: step.payload,
      actor: step.actor,
      correlationId: ticket.plan.ticketId,
      causationId: step.commandId,
      issuedAt: new Date().toISOString(),
    };
  }
}
