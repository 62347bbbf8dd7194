/** What one reconciler run found and repaired. */
export interface ReconcileReport {
  startedAt: string;
  finishedAt: string;
  streamsScanned: number;
  eventsScanned: number;
  /** Jobs the log implies for open tickets. */
  expected: number;
  /** Of those: already did their work. */
  done: number;
  /**
   * Due for less than the grace period: the process manager is likely
   * still on its way to them; a later run looks again.
   */
  recent: number;
  /** Still in Redis, waiting, delayed, running or completed. */
  queued: number;
  /** In the failed set: dead letters an operator retries, left alone. */
  deadLettered: number;
  /** Missing from Redis and not done: put back with their own ids. */
  reEnqueued: number;
  /** Per source (`handoff`, …): expected and re-enqueued. */
  bySource: Record<string, { expected: number; reEnqueued: number }>;
  /** The jobs put back, at most `REPAIRED_LISTED` of them. */
  repaired: {
    source: string;
    queue: string;
    jobId: string;
    ticketId: string;
  }[];
}

export const REPAIRED_LISTED = 200;
