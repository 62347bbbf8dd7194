import {
  deadlineProcessOf,
  type DeadlineBreachFacts,
  type Priority,
  type WorkingCalendar,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import type { Clock, Logger } from '@opsdesk/platform';
import type { ProcessCatalog } from '../commands/process-catalog';
import { LogFollower } from '../follow/log-follower';
import type { CheckpointStore } from '../process-manager/checkpoint-store';
import { StreamStateCache } from '../process-manager/stream-state-cache';
import { alertsFor, type DeadlineAlerts } from './deadline-alerts';
import type { DeadlinePolicies } from './deadline-policies';
import { decidedAtOf } from './step-events';
import { timerJobsFor } from './timer-job';
import type { TimerQueue } from './timer-queue';

export interface TimerSchedulerDeps {
  store: EventStore;
  processes: ProcessCatalog;
  checkpoints: CheckpointStore;
  queue: TimerQueue;
  policies: DeadlinePolicies;
  calendar: WorkingCalendar;
  clock: Clock;
  alerts: DeadlineAlerts;
  logger: Logger;
}

const REMEMBERED_STREAMS = 10_000;
const DEADLINE_EVENT = /\.deadline-(warned|breached)$/;

/**
 * Follows the log and keeps the timers in step with it: when a ticket
 * enters a step, the step's warnings and breach are scheduled under the
 * policy version in force at that instant; when it leaves the step, the
 * pending ones are dropped (a firing re-checks anyway). Recorded warnings
 * and breaches become alerts for the roles they concern.
 */
export class TimerScheduler {
  private readonly follower: LogFollower;
  private readonly cache: StreamStateCache;
  /** Timer ids of the step each recent stream is in. */
  private readonly pending = new Map<string, string[]>();

  constructor(private readonly deps: TimerSchedulerDeps) {
    this.cache = new StreamStateCache(deps.store);
    const prefixes = [
      ...deps.processes
        .streamPrefixes()
        .filter((prefix) => deadlineProcessOf(prefix.slice(0, -1))),
      `${deps.policies.streamName}`,
    ];
    this.follower = new LogFollower({
      name: 'timer-scheduler',
      store: deps.store,
      checkpoints: deps.checkpoints,
      streamPrefixes: prefixes,
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

  private async handle(event: RecordedEvent): Promise<void> {
    if (event.streamName === this.deps.policies.streamName) {
      this.deps.policies.invalidate();
      return;
    }
    const process = this.deps.processes.ofStream(event.streamName);
    const processId = process?.definition.processId;
    const steps = processId ? deadlineProcessOf(processId) : undefined;
    if (!process || !processId || !steps) return;
    const ticketId = event.streamName.slice(processId.length + 1);
    const { before, after } = await this.cache.around(process, event);

    if (DEADLINE_EVENT.test(event.type)) {
      await this.alert(event, processId, ticketId, after);
    }
    if (before.status === after.status) return;

    const ended = this.pending.get(event.streamName);
    if (ended) {
      this.pending.delete(event.streamName);
      await this.deps.queue.remove(ended);
    }
    if (!steps.steps.includes(after.status)) return;

    const jobs = timerJobsFor({
      processId,
      ticketId,
      occurrence: {
        step: after.status,
        startRevision: event.revision,
        startedAt: decidedAtOf(event),
        priority: (after as { priority?: Priority }).priority ?? 'normal',
      },
      versions: await this.deps.policies.versions(),
      calendar: this.deps.calendar,
      correlationId: event.metadata.correlationId,
    });
    if (jobs.length === 0) return;
    const ids = await this.deps.queue.scheduleAll(jobs, this.deps.clock.now());
    this.remember(event.streamName, ids);
  }

  private async alert(
    event: RecordedEvent,
    processId: string,
    ticketId: string,
    state: { status: string },
  ): Promise<void> {
    const process = this.deps.processes.get(processId);
    const holder = process?.definition.custody(state).role ?? null;
    const facts = event.data as unknown as DeadlineBreachFacts;
    const alerts = alertsFor({
      eventId: event.eventId,
      processId,
      ticketId,
      holder,
      facts,
    });
    const added = await this.deps.alerts.record(alerts);
    if (added > 0) {
      this.deps.logger.warn(
        {
          ticketId,
          processId,
          step: facts.step,
          level: facts.level,
          roles: alerts.map((a) => a.role),
        },
        facts.level === 'breach'
          ? 'deadline breached; roles alerted'
          : 'deadline near; holder alerted',
      );
    }
  }

  private remember(stream: string, ids: string[]): void {
    this.pending.set(stream, ids);
    if (this.pending.size > REMEMBERED_STREAMS) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
  }
}
