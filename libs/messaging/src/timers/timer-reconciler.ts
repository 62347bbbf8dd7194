import {
  deadlineProcessOf,
  type Priority,
  type StepOccurrence,
  type WorkingCalendar,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { Clock, Logger } from '@opsdesk/platform';
import type { ProcessCatalog } from '../commands/process-catalog';
import type { DeadlinePolicies } from './deadline-policies';
import { decidedAtOf } from './step-events';
import { timerJobId, timerJobsFor } from './timer-job';
import type { TimerQueue } from './timer-queue';

export interface TimerReconcileReport {
  streamsScanned: number;
  openSteps: number;
  /** Timers the log says must exist (levels not yet recorded). */
  expected: number;
  /** Of those, held by Redis (waiting, delayed, running or just done). */
  present: number;
  recreated: number;
  /** Failed for good: left in the failed set for an operator. */
  deadLettered: number;
  /** Delayed timers already due by the clock, moved to run now. */
  promoted: number;
  recreatedIds: string[];
}

interface StreamFold {
  processId: string;
  state: { status: string; priority?: Priority };
  open?: StepOccurrence;
  /** Levels of the open step already recorded. */
  levels: Set<string>;
  correlationId: string;
}

const LISTED = 50;

/**
 * Recreates the timers Redis lost (RELIABILITY.md rule 2): it folds every
 * ticket of a process with deadlines from the log, finds the step each is
 * in now, and re-adds, with its deterministic id, every level the log
 * does not record yet and Redis does not hold. Harmless to run twice or
 * beside the scheduler: an id Redis holds is not added again, and a
 * firing records once.
 * TODO(#6): each run reads the whole log; past a few hundred thousand
 * events it wants an index of open tickets.
 */
export class TimerReconciler {
  constructor(
    private readonly deps: {
      store: EventStore;
      processes: ProcessCatalog;
      queue: TimerQueue;
      policies: DeadlinePolicies;
      calendar: WorkingCalendar;
      clock: Clock;
      logger: Logger;
      pageSize?: number;
    },
  ) {}

  async run(): Promise<TimerReconcileReport> {
    const streams = await this.scan();
    const versions = await this.deps.policies.versions();
    const report: TimerReconcileReport = {
      streamsScanned: streams.size,
      openSteps: 0,
      expected: 0,
      present: 0,
      recreated: 0,
      deadLettered: 0,
      promoted: 0,
      recreatedIds: [],
    };
    const now = this.deps.clock.now();
    for (const [streamName, fold] of streams) {
      if (!fold.open) continue;
      report.openSteps += 1;
      const jobs = timerJobsFor({
        processId: fold.processId,
        ticketId: streamName.slice(fold.processId.length + 1),
        occurrence: fold.open,
        versions,
        calendar: this.deps.calendar,
        recordedLevels: fold.levels,
        correlationId: fold.correlationId,
      });
      for (const job of jobs) {
        report.expected += 1;
        const id = timerJobId(job);
        const state = await this.deps.queue.stateOf(id);
        if (state === 'failed') {
          report.deadLettered += 1;
        } else if (state !== 'missing') {
          report.present += 1;
        } else {
          await this.deps.queue.schedule(job, now);
          report.recreated += 1;
          if (report.recreatedIds.length < LISTED) report.recreatedIds.push(id);
        }
      }
    }
    report.promoted = await this.deps.queue.promoteDue(now);
    const { recreatedIds, ...counts } = report;
    if (report.recreated > 0) {
      this.deps.logger.warn(
        { ...counts, recreatedIds: recreatedIds.slice(0, 20) },
        'timer reconciler recreated timers Redis had lost',
      );
    } else {
      this.deps.logger.info(counts, 'timer reconciler found nothing missing');
    }
    return report;
  }

  private async scan(): Promise<Map<string, StreamFold>> {
    const { store, processes } = this.deps;
    const prefixes = processes
      .streamPrefixes()
      .filter((prefix) => deadlineProcessOf(prefix.slice(0, -1)));
    const pageSize = this.deps.pageSize ?? 2000;
    const streams = new Map<string, StreamFold>();
    let after: string | undefined;
    for (;;) {
      const page = await store.readAll({
        after,
        maxCount: pageSize,
        filter: { streamPrefixes: prefixes },
      });
      for (const event of page) {
        const process = processes.ofStream(event.streamName);
        const steps =
          process && deadlineProcessOf(process.definition.processId);
        if (!process || !steps) continue;
        const fold: StreamFold = streams.get(event.streamName) ?? {
          processId: process.definition.processId,
          state: process.definition.initialState as StreamFold['state'],
          levels: new Set(),
          correlationId: event.metadata.correlationId,
        };
        const next = process.definition.evolve(fold.state, {
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
        }) as StreamFold['state'];
        if (next.status !== fold.state.status) {
          fold.levels = new Set();
          fold.open = steps.steps.includes(next.status)
            ? {
                step: next.status,
                startRevision: event.revision,
                startedAt: decidedAtOf(event),
                priority: next.priority ?? 'normal',
              }
            : undefined;
        } else if (/\.deadline-(warned|breached)$/.test(event.type)) {
          const data = event.data as { startRevision?: number; level?: string };
          if (fold.open && data.startRevision === fold.open.startRevision) {
            fold.levels.add(String(data.level));
          }
        }
        fold.state = next;
        streams.set(event.streamName, fold);
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    return streams;
  }
}
