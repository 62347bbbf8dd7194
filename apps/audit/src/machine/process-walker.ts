import type { Custody, DomainEvent, StateMachineRule } from '@opsdesk/domain';
import type { AuditedProcess } from '../log/process-registry';
import { findSkipTarget, outcomesFrom, type Outcome } from './skip-search';

/** The rules a stream can break against its process's state machine. */
export type MachineRule =
  | 'unknown-event-type'
  | 'event-not-allowed'
  | 'incomplete-command'
  | 'fold-failed'
  | 'fold-mismatch';

export interface MachineFinding {
  rule: MachineRule;
  detail: string;
  /** For incomplete-command: the events of the command still missing. */
  missing?: string[];
}

export interface Holder {
  status: string;
  custody: Custody;
}

/** What one event did to the ticket, and what was wrong with it. */
export interface WalkStep {
  before: Holder;
  after: Holder;
  findings: MachineFinding[];
  /** Events the machine expected before this one and never got. */
  skipped: string[];
  /** Set when the event fits no state ahead of this one either. */
  outOfOrder?: boolean;
  /** Set when the event led back into a state the ticket had left. */
  reentered?: string;
  /** Set when the same role kept the ticket under another assignee. */
  reassigned?: { role: string; from: string; to: string };
}

/** A command's events under way: which outcomes still fit, how far in. */
interface Pending {
  outcomes: Outcome[];
  index: number;
}

/**
 * Folds one stream event by event and checks each against the process's
 * transition table: the event must start an outcome of a command allowed
 * in the current state, or continue the one begun, and the fold must
 * land where the table says. It keeps going after a broken rule (assuming
 * the event happened, as events are facts) so that conformance can count
 * every deviation; verify stops at the first.
 */
export class ProcessWalker {
  private current: { status: string };
  private pending: Pending | undefined;
  private readonly visited = new Set<string>();

  /** Without rules (`null`) it only folds: no finding about the machine. */
  constructor(
    private readonly process: AuditedProcess,
    private readonly rules: readonly StateMachineRule[] | null,
  ) {
    this.current = process.initialState;
    this.visited.add(this.current.status);
  }

  get state(): { status: string } {
    return this.current;
  }

  /** The event types that may come next. */
  expected(): string[] {
    const pending = this.pending;
    if (pending) {
      return unique(pending.outcomes.map((o) => o.events[pending.index]));
    }
    const outcomes = outcomesFrom(this.rules ?? [], this.current.status);
    return unique(outcomes.map((o) => o.events[0]));
  }

  step(event: DomainEvent): WalkStep {
    const before = this.holder();
    const findings: MachineFinding[] = [];
    const skipped: string[] = [];
    if (!(this.process.eventTypes as readonly string[]).includes(event.type)) {
      findings.push({
        rule: 'unknown-event-type',
        detail: `${event.type} is no event of ${this.process.processId}`,
      });
    }
    const outOfOrder = this.rules
      ? this.match(this.rules, event.type, findings, skipped)
      : false;

    try {
      this.current = this.process.evolve(this.current, event);
    } catch (error) {
      findings.push({ rule: 'fold-failed', detail: messageOf(error) });
      const failed: WalkStep = { before, after: before, findings, skipped };
      return outOfOrder ? { ...failed, outOfOrder } : failed;
    }
    if (this.rules) this.settle(findings);

    const after = this.holder();
    const step: WalkStep = { before, after, findings, skipped };
    if (outOfOrder) step.outOfOrder = true;
    if (after.status !== before.status) {
      if (this.visited.has(after.status)) step.reentered = after.status;
      this.visited.add(after.status);
    }
    const reassigned = reassignment(before.custody, after.custody);
    if (reassigned) step.reassigned = reassigned;
    return step;
  }

  /** A broken rule if the stream ends inside a command's events. */
  finish(): MachineFinding | undefined {
    const pending = this.pending;
    if (!pending) return undefined;
    return {
      rule: 'incomplete-command',
      detail: `the stream ends before ${this.expected().join(' or ')}`,
      missing: pending.outcomes[0].events.slice(pending.index),
    };
  }

  private match(
    rules: readonly StateMachineRule[],
    type: string,
    findings: MachineFinding[],
    skipped: string[],
  ): boolean {
    if (this.pending) {
      const { outcomes, index } = this.pending;
      const fitting = outcomes.filter((o) => o.events[index] === type);
      if (fitting.length > 0) {
        this.pending = { outcomes: fitting, index: index + 1 };
        return false;
      }
      findings.push({
        rule: 'incomplete-command',
        detail: `${type} came before ${this.expected().join(' or ')}`,
        missing: outcomes[0].events.slice(index),
      });
      this.pending = undefined;
    }

    const status = this.current.status;
    const fresh = outcomesFrom(rules, status).filter(
      (o) => o.events[0] === type,
    );
    if (fresh.length > 0) {
      this.pending = { outcomes: fresh, index: 1 };
      return false;
    }
    const allowed = this.expected();
    findings.push({
      rule: 'event-not-allowed',
      detail:
        `${type} is not allowed in ${status}; expected ` +
        (allowed.length > 0 ? allowed.join(' or ') : 'nothing (it has ended)'),
    });
    const target = findSkipTarget(rules, status, type);
    if (!target) return true;
    skipped.push(...target.skipped);
    this.pending = { outcomes: target.outcomes, index: target.index + 1 };
    return false;
  }

  /** After the fold: a finished command must land where the table says. */
  private settle(findings: MachineFinding[]) {
    if (!this.pending) return;
    const { outcomes, index } = this.pending;
    const done = outcomes.filter((o) => o.events.length === index);
    if (done.length === 0) return;
    const status = this.current.status;
    if (done.some((o) => o.to === status)) {
      this.pending = undefined;
      return;
    }
    const longer = outcomes.filter((o) => o.events.length > index);
    if (longer.length > 0) {
      this.pending = { outcomes: longer, index };
      return;
    }
    findings.push({
      rule: 'fold-mismatch',
      detail: `the fold reached ${status}, the table says ${unique(done.map((o) => o.to)).join(' or ')}`,
    });
    this.pending = undefined;
  }

  private holder(): Holder {
    return { status: this.current.status, custody: this.custody() };
  }

  private custody(): Custody {
    try {
      return this.process.custody(this.current);
    } catch {
      // A status the custody table does not know: nobody holds it.
      return { role: null };
    }
  }
}

function reassignment(before: Custody, after: Custody) {
  const { role } = after;
  if (!role || role !== before.role) return undefined;
  const from = before.assigneeId;
  const to = after.assigneeId;
  if (!from || !to || from === to) return undefined;
  return { role, from, to };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
