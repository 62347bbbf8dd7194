import type { DomainEvent, StateMachineRule } from '@opsdesk/domain';
import { ProcessWalker, type WalkStep } from '../machine/process-walker';
import { transitionsOf, type AuditedProcess } from '../log/process-registry';

/** How a ticket left the manual's path. */
export type DeviationKind =
  | 'skipped-step'
  | 'loop'
  | 'reassignment'
  | 'out-of-order'
  | 'incomplete-command'
  | 'unknown-event'
  | 'fold-failed'
  | 'fold-mismatch';

/** One deviation: its kind and what it concerns (an event type, a state, a role). */
export interface Deviation {
  kind: DeviationKind;
  subject: string;
}

/**
 * One ticket's walk against the manual's path. The path is what the
 * process's transition table allows from its first state to an end,
 * entering no state twice, each holder kept until the table hands the
 * ticket on. So a deviation is: a step the table wanted and the log
 * lacks (skipped), a state entered again (loop), the same role under
 * another assignee (reassignment), or an event that fits nowhere ahead.
 */
export class TicketConformance {
  readonly deviations: Deviation[] = [];
  private readonly walker: ProcessWalker | null;

  constructor(
    readonly process: AuditedProcess,
    rules: readonly StateMachineRule[] | undefined = transitionsOf(process),
  ) {
    this.walker = rules ? new ProcessWalker(process, rules) : null;
  }

  /** False for a process that registered no transition table. */
  get checked(): boolean {
    return this.walker !== null;
  }

  get ended(): boolean {
    return this.walker !== null && this.process.isTerminal(this.walker.state);
  }

  step(event: DomainEvent): void {
    if (this.walker) this.record(event.type, this.walker.step(event));
  }

  finish(): void {
    const unfinished = this.walker?.finish();
    for (const missing of unfinished?.missing ?? []) {
      this.deviations.push({ kind: 'incomplete-command', subject: missing });
    }
  }

  private record(type: string, step: WalkStep) {
    const add = (kind: DeviationKind, subject: string) =>
      this.deviations.push({ kind, subject });
    // An event of a type the process does not know is that, nothing more:
    // it fits nowhere and cannot be folded by definition.
    if (step.findings.some((f) => f.rule === 'unknown-event-type')) {
      add('unknown-event', type);
      return;
    }
    for (const skipped of step.skipped) add('skipped-step', skipped);
    if (step.outOfOrder) add('out-of-order', type);
    for (const finding of step.findings) {
      if (finding.rule === 'incomplete-command') {
        for (const missing of finding.missing ?? []) {
          add('incomplete-command', missing);
        }
      } else if (finding.rule === 'fold-failed') {
        add('fold-failed', type);
      } else if (finding.rule === 'fold-mismatch') {
        add('fold-mismatch', step.after.status);
      }
    }
    if (step.reentered) add('loop', step.reentered);
    if (step.reassigned) add('reassignment', step.reassigned.role);
  }
}
