import type { Pool } from 'pg';
import type { ChainedEvent } from '../append-rules';
import { APPEND_CHANNEL } from './append-notice';

/** One stream's events, chained on the head the client believes current. */
export interface AppendItem {
  stream: string;
  /** -1 for a stream that does not exist yet. */
  headRevision: number;
  headHash: string | null;
  events: readonly ChainedEvent[];
}

export type ItemOutcome =
  | { outcome: 'appended'; txId: string; lastPosition: string }
  | { outcome: 'stored'; stored: StoredRow[] }
  | { outcome: 'moved'; actualRevision: number; actualHash: string | null };

export interface StoredRow {
  eventId: string;
  streamName: string;
  revision: string;
  position: string;
}

interface OutcomeRow {
  item: number;
  outcome: 'appended' | 'stored' | 'moved';
  tx_id: string | null;
  last_position: string | null;
  actual_revision: string | null;
  actual_hash: string | null;
  stored: StoredRow[] | null;
}

interface Pending {
  item: AppendItem;
  resolve(outcome: ItemOutcome): void;
  reject(error: unknown): void;
}

const CALL = 'SELECT * FROM opsdesk_append_batch($1::jsonb, $2)';

/**
 * Group commit: appends that arrive while a call is on its way go
 * together in the next one, so concurrent writers share a round trip and
 * a commit instead of queueing for one each. A lone append waits for
 * nothing but the end of the event loop's turn.
 *
 * A call that fails is not the failure of every append in it: each one
 * is then sent again alone, so only the append that broke it fails with
 * the server's error. (A lost connection fails them alone too; each
 * caller then retries its identical batch, which the event ids make
 * idempotent.)
 */
export class AppendBatcher {
  private readonly waiting: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: { maxItems: number; maxCalls: number },
  ) {}

  append(item: AppendItem): Promise<ItemOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Sends once the callers of this turn of the event loop have queued
   * their appends: the writers a call just answered come back in the
   * same turn, and then go together rather than one alone and the rest
   * behind it.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send();
    });
  }

  private send(): void {
    while (this.inFlight < this.options.maxCalls && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.call(batch).finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
    }
  }

  /**
   * The next call's appends, in arrival order, one per stream: the server
   * decides a call's appends together, so a second append to a stream
   * waits for the next call, where it sees the first one's head.
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const streams = new Set<string>();
    const left: Pending[] = [];
    for (const pending of this.waiting) {
      const fits =
        batch.length < this.options.maxItems &&
        !streams.has(pending.item.stream);
      if (fits) {
        batch.push(pending);
        streams.add(pending.item.stream);
      } else {
        left.push(pending);
      }
    }
    this.waiting.splice(0, this.waiting.length, ...left);
    return batch;
  }

  private async call(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.run(batch.map((p) => p.item));
      batch.forEach((pending, index) => pending.resolve(outcomes[index]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.call([pending])));
    }
  }

  private async run(items: readonly AppendItem[]): Promise<ItemOutcome[]> {
    const payload = items.map((item) => ({
      stream: item.stream,
      headRevision: item.headRevision,
      headHash: item.headHash,
      lastRevision: item.events[item.events.length - 1].revision,
      lastHash: item.events[item.events.length - 1].hash,
      rows: item.events.map(toInsertRow),
    }));
    const { rows } = await this.pool.query<OutcomeRow>(CALL, [
      JSON.stringify(payload),
      APPEND_CHANNEL,
    ]);
    const outcomes: ItemOutcome[] = [];
    for (const row of rows) outcomes[row.item] = toOutcome(row);
    return outcomes;
  }
}

function toOutcome(row: OutcomeRow): ItemOutcome {
  switch (row.outcome) {
    case 'appended':
      return {
        outcome: 'appended',
        txId: row.tx_id ?? '',
        lastPosition: row.last_position ?? '',
      };
    case 'stored':
      return { outcome: 'stored', stored: row.stored ?? [] };
    case 'moved':
      return {
        outcome: 'moved',
        actualRevision: Number(row.actual_revision),
        actualHash: row.actual_hash,
      };
  }
}

/** The columns `opsdesk_append_batch` reads with jsonb_to_recordset. */
export function toInsertRow(event: ChainedEvent) {
  const commandId = event.metadata.commandId;
  return {
    stream_name: event.streamName,
    revision: event.revision,
    event_id: event.eventId,
    command_id: typeof commandId === 'string' ? commandId : null,
    type: event.type,
    schema_version: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recorded_at: event.recordedAt,
    hash: event.hash,
    previous_hash: event.previousHash,
  };
}
