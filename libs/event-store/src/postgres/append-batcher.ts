import { prepared, TurnBatcher } from '@opsdesk/platform';
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
  /** The events as the function's rows (`insertRowsJson`). */
  rowsJson: string;
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

// The function's own row type, fixed by its migration (see `prepared`).
const CALL = prepared('SELECT * FROM opsdesk_append_batch($1::jsonb, $2)');

/**
 * Group commit for appends (see TurnBatcher): appends that arrive
 * together go to `opsdesk_append_batch` in one call, one per stream in a
 * call, since the server decides a call's appends together and a second
 * append to a stream must see the first one's head. (A lost connection
 * fails each append alone; each caller then retries its identical batch,
 * which the event ids make idempotent.)
 */
export class AppendBatcher {
  private readonly batcher: TurnBatcher<AppendItem, ItemOutcome>;

  constructor(
    private readonly pool: Pool,
    options: { maxItems: number; maxCalls: number },
  ) {
    this.batcher = new TurnBatcher((items) => this.run(items), {
      maxSize: options.maxItems,
      maxRuns: options.maxCalls,
      canJoin: (taken, item) => taken.every((t) => t.stream !== item.stream),
    });
  }

  append(item: AppendItem): Promise<ItemOutcome> {
    return this.batcher.submit(item);
  }

  private async run(items: readonly AppendItem[]): Promise<ItemOutcome[]> {
    const payload = `[${items.map(itemJson).join(',')}]`;
    const { rows } = await this.pool.query<OutcomeRow>(
      CALL([payload, APPEND_CHANNEL]),
    );
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

/** One item of the call, around its rows' JSON text. */
function itemJson(item: AppendItem): string {
  const last = item.events[item.events.length - 1];
  const text = JSON.stringify;
  return (
    `{"stream":${text(item.stream)}` +
    `,"headRevision":${item.headRevision}` +
    `,"headHash":${text(item.headHash)}` +
    `,"lastRevision":${last.revision}` +
    `,"lastHash":${text(last.hash)}` +
    `,"rows":${item.rowsJson}}`
  );
}
