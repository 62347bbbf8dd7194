// One ticket's stream driven through the domain's own deciders on a
// simulated clock, the timers of one policy version firing in between.
import type { Actor, DomainCommand, DomainEvent } from '../../shared';
import { deadlineProcessOf } from '../../deadline-steps';
import { planStep } from '../deadline-plan';
import type { DeadlinePolicyVersion } from '../deadline-policy.types';
import {
  openStep,
  recordedDeadlines,
  type DeadlineProcess,
  type StepEvent,
} from '../step-occurrences';
import type { WorkingCalendar } from '../working-calendar.port';

/** mulberry32: small, seeded, the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type AnyDecide = (
  command: DomainCommand,
  state: unknown,
  context: { now: string; actor: Actor },
  config: unknown,
) => DomainEvent[];

const TIMER: Actor = { id: 'timer', role: 'system', kind: 'automatic' };
export const AGENT: Actor = {
  id: 'agent-0107',
  role: 'cs-phone-agent',
  kind: 'person',
};
export const LEADER: Actor = {
  id: 'leader-01',
  role: 'cs-shift-leader',
  kind: 'person',
};
export const auto = (role: Actor['role']): Actor => ({
  id: `auto:${role}`,
  role,
  kind: 'automatic',
});
export const person = (role: Actor['role'], id: string): Actor => ({
  id,
  role,
  kind: 'person',
});

/** One ticket's stream, driven command by command, timers in between. */
export class StreamSim {
  readonly events: StepEvent[] = [];
  private state: { status: string };
  private readonly process: DeadlineProcess;

  constructor(
    readonly processId: string,
    readonly ticketId: string,
    private readonly decide: AnyDecide,
    private readonly config: unknown,
    private readonly policy: DeadlinePolicyVersion,
    private readonly calendar: WorkingCalendar,
  ) {
    this.process = deadlineProcessOf(processId)!;
    this.state = this.process.initialState;
  }

  get status(): string {
    return this.state.status;
  }

  /** Issues a command at `atMs`, after every timer due before it. */
  act(atMs: number, actor: Actor, type: string, payload: object): void {
    this.fireTimers((due) => due < atMs);
    this.apply(atMs, actor, { type, ticketId: this.ticketId, payload });
  }

  /** The timers due by the end of the period, for a ticket left open. */
  finish(untilMs: number): void {
    this.fireTimers((due) => due <= untilMs);
  }

  private fireTimers(isDue: (dueMs: number) => boolean): void {
    for (;;) {
      const occurrence = openStep(this.process, this.events);
      if (!occurrence) return;
      const plan = planStep(
        this.policy,
        this.processId,
        occurrence,
        this.calendar,
      );
      if (!plan) return;
      const done = recordedDeadlines(this.processId, this.events).filter(
        (r) => r.startRevision === occurrence.startRevision,
      );
      const next = plan.levels.find(
        (l) => !done.some((d) => d.level === l.level),
      );
      if (!next || !isDue(Date.parse(next.at))) return;
      const rule = plan.terms;
      this.apply(Date.parse(next.at), TIMER, {
        type: 'RecordDeadline',
        ticketId: this.ticketId,
        payload: {
          step: occurrence.step,
          startRevision: occurrence.startRevision,
          stepStartedAt: occurrence.startedAt,
          level: next.level,
          dueAt: next.at,
          deadlineAt: plan.deadlineAt,
          clock: rule.clock,
          policy: { policy: this.policy.policy, version: this.policy.version },
          priority: occurrence.priority,
          ...(next.level === 'breach' ? { actions: rule.onBreach } : {}),
        },
      });
    }
  }

  private apply(atMs: number, actor: Actor, command: DomainCommand): void {
    const now = new Date(atMs).toISOString();
    const decided = this.decide(
      command,
      this.state,
      { now, actor },
      this.config,
    );
    for (const event of decided) {
      this.state = (
        this.process.evolve as (s: unknown, e: unknown) => { status: string }
      )(this.state, event);
      this.events.push({ ...event, revision: this.events.length, at: now });
    }
  }
}
