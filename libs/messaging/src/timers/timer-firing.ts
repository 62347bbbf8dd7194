import { deadlineProcessOf, openStep } from '@opsdesk/domain';
import type { CommandExecutor } from '../commands/command-executor';
import type { CommandEnvelope } from '../queues/jobs';
import { toStepEvents } from './step-events';
import { timerCommandId, timerJobId, type TimerJob } from './timer-job';

export type FiringResult = 'recorded' | 'already-recorded' | 'step-ended';

const TIMER_ACTOR = {
  id: 'system:timer',
  role: 'system',
  kind: 'automatic',
} as const;

/**
 * What a timer does when it fires: re-read the ticket, and only if the
 * step it belongs to is still the open one, record the warning or the
 * breach. The command id comes from the job id, so a timer fired twice
 * (a redelivery, a reconciled copy) records once.
 */
export class TimerFiring {
  constructor(private readonly executor: CommandExecutor) {}

  async fire(job: TimerJob): Promise<FiringResult> {
    const process = deadlineProcessOf(job.processId);
    if (!process) return 'step-ended';
    const jobId = timerJobId(job);
    const envelope: CommandEnvelope = {
      commandId: timerCommandId(jobId),
      processId: job.processId,
      ticketId: job.ticketId,
      type: 'RecordDeadline',
      payload: {
        step: job.step,
        startRevision: job.startRevision,
        stepStartedAt: job.stepStartedAt,
        level: job.level,
        dueAt: job.dueAt,
        deadlineAt: job.deadlineAt,
        clock: job.clock,
        policy: job.policy,
        priority: job.priority,
        ...(job.actions ? { actions: job.actions } : {}),
      },
      actor: TIMER_ACTOR,
      correlationId: job.correlationId,
      causationId: jobId,
      issuedAt: job.dueAt,
    };
    const outcome = await this.executor.executeWhen(envelope, (history) => {
      const open = openStep(process, toStepEvents(history));
      return (
        open !== undefined &&
        open.step === job.step &&
        open.startRevision === job.startRevision
      );
    });
    if (!outcome) return 'step-ended';
    return outcome.duplicate ? 'already-recorded' : 'recorded';
  }
}
