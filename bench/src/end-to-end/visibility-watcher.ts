import { Client, type Pool } from 'pg';
import { nowMs, sleep } from '../support/time';

/** A ticket_view row as it became visible to readers. */
export interface VisibleRow {
  ticketId: string;
  lastRevision: number;
  status: string;
  /** `recordedAt` of the last event the row holds. */
  updatedAtMs: number;
  /** When a query first saw the row: visible by then, not a poll earlier. */
  receivedAtMs: number;
}

interface SeenRow {
  ticket_id: string;
  last_revision: number;
  status: string;
  updated_ms: number;
}

/** Between polls; a poll itself takes a few milliseconds more. */
const POLL_GAP_MS = 5;

/**
 * Learns when a ticket_view row commits, as a reader would: a trigger in
 * the bench's schema copies each insert or update into a side table in
 * the projection's own transaction, and a loop takes the copies away
 * (DELETE … RETURNING sees only committed rows, and none twice, however
 * late a transaction commits). A NOTIFY would be simpler but would
 * perturb what it measures: PostgreSQL serialises the commits of every
 * transaction that notifies in a database (a lock on the database, held
 * through the commit), and the store's appends already notify.
 */
export class VisibilityWatcher {
  private readonly client: Client;
  private running = true;
  private loop?: Promise<void>;
  /** Why polling stopped early, if it did. */
  failure: unknown;
  onRow: (row: VisibleRow) => void = () => undefined;

  private constructor(url: string, schema: string) {
    const options = encodeURIComponent(`-c search_path=${schema}`);
    this.client = new Client({ connectionString: `${url}?options=${options}` });
  }

  static async install(
    pool: Pool,
    url: string,
    schema: string,
  ): Promise<VisibilityWatcher> {
    await pool.query(`
      CREATE TABLE bench_visibility (
        seq bigserial PRIMARY KEY,
        ticket_id text NOT NULL,
        last_revision integer NOT NULL,
        status text NOT NULL,
        updated_ms double precision NOT NULL
      )`);
    await pool.query(`
      CREATE FUNCTION bench_ticket_visible() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO bench_visibility
          (ticket_id, last_revision, status, updated_ms)
        VALUES (NEW.ticket_id, NEW.last_revision, NEW.status,
                extract(epoch FROM NEW.updated_at) * 1000);
        RETURN NULL;
      END $$`);
    await pool.query(`
      CREATE TRIGGER bench_ticket_visible
      AFTER INSERT OR UPDATE ON ticket_view
      FOR EACH ROW EXECUTE FUNCTION bench_ticket_visible()`);
    const watcher = new VisibilityWatcher(url, schema);
    await watcher.client.connect();
    // The watcher's own deletes need not wait for the disk.
    await watcher.client.query('SET synchronous_commit = off');
    watcher.loop = watcher.poll();
    return watcher;
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const sentAt = nowMs();
      let rows: SeenRow[];
      try {
        ({ rows } = await this.client.query<SeenRow>(
          `DELETE FROM bench_visibility
            RETURNING ticket_id, last_revision, status, updated_ms`,
        ));
      } catch (error) {
        // Gone with its schema (an interrupted run) or its server: stop.
        this.running = false;
        this.failure = error;
        return;
      }
      for (const row of rows) {
        this.onRow({
          ticketId: row.ticket_id,
          lastRevision: row.last_revision,
          status: row.status,
          updatedAtMs: row.updated_ms,
          // The row was committed before this query's snapshot was taken.
          receivedAtMs: sentAt,
        });
      }
      await sleep(POLL_GAP_MS);
    }
  }

  async close(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => undefined);
    await this.client.end();
  }
}
