import type { EventStore } from '@opsdesk/event-store';
import type { Logger } from '@opsdesk/platform';
import type {
  ProcessCatalog,
  RegisteredProcess,
} from '../commands/process-catalog';
import type { RoleQueueSet } from '../queues/role-queue-set';
import type {
  ExpectedJob,
  ExpectedJobSource,
  TicketAtEnd,
} from './expected-job';
import { REPAIRED_LISTED, type ReconcileReport } from './reconcile-report';

export interface ReconcilerDeps {
  store: EventStore;
  processes: ProcessCatalog;
  queues: RoleQueueSet;
  /** The kinds of job to restore: hand-offs, and later timers. */
  sources: readonly ExpectedJobSource[];
  logger: Logger;
  /** Events per read while scanning the log. */
  pageSize?: number;
  /** Jobs due for less than this are left to the process manager (10 s). */
  graceMs?: number;
  clock?: () => Date;
}

type State = { status: string };

interface StreamFold {
  process: RegisteredProcess;
  state: State;
  memos: unknown[];
}

/** Redis answers for this many jobs at a time. */
const STATE_LOOKUPS_AT_ONCE = 64;

/**
 * Recreates the jobs Redis lost (RELIABILITY.md rule 2). It folds every
 * ticket from the log, never from a read model, asks each source which
 * job the ticket's history implies now, and re-adds, with its own
 * deterministic id, every such job that neither did its work nor is still
 * in Redis. A job in the failed set is a dead letter and is left for an
 * operator. Running it twice, or beside the process manager, is harmless:
 * an id Redis still holds is not added again, and the workers' own
 * idempotency absorbs a job that runs twice.
 *
 * TODO(#8): each run reads the whole log. Past a few hundred thousand
 * events it wants an index of open tickets (or the process manager's
 * position) so that closed tickets are not folded again on every run.
 */
export class Reconciler {
  constructor(private readonly deps: ReconcilerDeps) {}

  async run(): Promise<ReconcileReport> {
    const now = (this.deps.clock ?? (() => new Date()))();
    const startedAt = now.toISOString();
    const dueBefore = now.getTime() - (this.deps.graceMs ?? 10_000);
    const { streams, events } = await this.scan();

    const expected: ExpectedJob[][] = this.deps.sources.map(() => []);
    for (const [streamName, fold] of streams) {
      const ticket: TicketAtEnd = {
        processId: fold.process.definition.processId,
        ticketId: streamName.slice(
          fold.process.definition.processId.length + 1,
        ),
        streamName,
        state: fold.state,
      };
      this.deps.sources.forEach((source, i) => {
        expected[i].push(...source.expected(fold.memos[i], ticket));
      });
    }

    const report: ReconcileReport = {
      startedAt,
      finishedAt: startedAt,
      streamsScanned: streams.size,
      eventsScanned: events,
      expected: 0,
      done: 0,
      recent: 0,
      queued: 0,
      deadLettered: 0,
      reEnqueued: 0,
      bySource: {},
      repaired: [],
    };
    for (const [i, source] of this.deps.sources.entries()) {
      const jobs = expected[i];
      const done = await source.done(jobs);
      const open = jobs.filter((job) => !done.has(job.jobId));
      const due = open.filter((job) => Date.parse(job.dueSince) <= dueBefore);
      const reEnqueued = await this.restore(due, report);
      report.expected += jobs.length;
      report.done += jobs.length - open.length;
      report.recent += open.length - due.length;
      report.bySource[source.name] = { expected: jobs.length, reEnqueued };
    }
    report.finishedAt = new Date().toISOString();
    this.log(report);
    return report;
  }

  /** Folds every stream of an installed process from the whole log. */
  private async scan(): Promise<{
    streams: Map<string, StreamFold>;
    events: number;
  }> {
    const { store, processes, sources } = this.deps;
    const pageSize = this.deps.pageSize ?? 2000;
    const streams = new Map<string, StreamFold>();
    let after: string | undefined;
    let events = 0;
    for (;;) {
      const page = await store.readAll({
        after,
        maxCount: pageSize,
        filter: { streamPrefixes: processes.streamPrefixes() },
      });
      for (const event of page) {
        const process = processes.ofStream(event.streamName);
        if (!process) continue;
        const fold = streams.get(event.streamName) ?? {
          process,
          state: process.definition.initialState as State,
          memos: sources.map(() => undefined),
        };
        const before = fold.state;
        const next = process.definition.evolve(before, {
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
        }) as State;
        const change = { process, event, before, after: next };
        fold.memos = sources.map((source, i) =>
          source.step(fold.memos[i], change),
        );
        fold.state = next;
        streams.set(event.streamName, fold);
      }
      events += page.length;
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    return { streams, events };
  }

  /** Re-adds each job Redis does not hold; returns how many. */
  private async restore(
    jobs: readonly ExpectedJob[],
    report: ReconcileReport,
  ): Promise<number> {
    let reEnqueued = 0;
    for (let i = 0; i < jobs.length; i += STATE_LOOKUPS_AT_ONCE) {
      const batch = jobs.slice(i, i + STATE_LOOKUPS_AT_ONCE);
      const states = await Promise.all(
        batch.map((job) =>
          this.deps.queues.queue(job.role).getJobState(job.jobId),
        ),
      );
      for (const [k, job] of batch.entries()) {
        const state = states[k];
        if (state === 'failed') {
          report.deadLettered += 1;
        } else if (state !== 'unknown') {
          report.queued += 1;
        } else {
          // Added with its own id: if the process manager adds it too in
          // the meantime, Redis keeps one.
          await job.enqueue();
          reEnqueued += 1;
          report.reEnqueued += 1;
          if (report.repaired.length < REPAIRED_LISTED) {
            report.repaired.push({
              source: job.source,
              queue: job.role,
              jobId: job.jobId,
              ticketId: job.ticketId,
            });
          }
        }
      }
    }
    return reEnqueued;
  }

  private log(report: ReconcileReport): void {
    const { repaired, ...counts } = report;
    if (report.reEnqueued > 0) {
      this.deps.logger.warn(
        { ...counts, repaired: repaired.slice(0, 20) },
        'reconciler re-enqueued jobs Redis had lost',
      );
    } else {
      this.deps.logger.info(counts, 'reconciler found nothing missing');
    }
  }
}
