import { TurnBatcher } from '@opsdesk/platform';
import type { Pool, PoolClient } from 'pg';

/** One projection's commit of a page: its checkpoint and its rows. */
export interface PageCommit {
  /**
   * The page's first and last positions: only commits of the same page
   * share a transaction, so it touches each ticket of the page and no
   * other. (A page locks its tickets' rows and then the data keys it
   * opens, the reporter erasure the key and then the rows; either may be
   * ended as a deadlock, in a shared transaction as in a lone one. A
   * shared one is made again commit by commit, the erasure again whole.)
   */
  page: string;
  write(client: PoolClient): Promise<void>;
}

/**
 * A page's transaction does not wait for its WAL to reach the disk. A
 * read model is derived from a log whose appends do wait: if the server
 * crashes before the flush, the rows and the checkpoint that covers them
 * are lost together, and the runner applies those events again from the
 * log. One round trip: a simple query may hold both statements.
 */
const BEGIN_WITHOUT_WAITING_FOR_FLUSH =
  'BEGIN; SET LOCAL synchronous_commit = off';

/**
 * Commits of the same page by several projections (every read model of a
 * process is handed each page at about the same moment), made in one
 * transaction: one BEGIN and one COMMIT where each projection paid its
 * own. Each commit still moves its own checkpoint under its own fence. A
 * shared transaction that fails is not every commit's failure: each is
 * made again alone (TurnBatcher), so only the projection that broke it
 * fails, and the others go on.
 *
 * TODO(#9): the price is latency. A read model's rows show only when
 * every share of the page is written, one after another on one
 * connection: at 500 actions/s the projection lag's p50 rose from about
 * 45 to 65–100 ms while the enqueue-to-visible p99 fell (the CPU saved
 * let the workers keep up). Fewer round trips per share would pay for
 * both, e.g. one data-key look-up per shared page instead of one per
 * read model.
 */
export class SharedCommits {
  private readonly batcher: TurnBatcher<PageCommit, void>;

  constructor(
    private readonly pool: Pool,
    options: { maxSize?: number; maxRuns?: number } = {},
  ) {
    this.batcher = new TurnBatcher((commits) => this.inTransaction(commits), {
      maxSize: options.maxSize ?? 16,
      maxRuns: options.maxRuns ?? 2,
      canJoin: (taken, next) => taken.every((t) => t.page === next.page),
    });
  }

  commit(commit: PageCommit): Promise<void> {
    return this.batcher.submit(commit);
  }

  private async inTransaction(commits: PageCommit[]): Promise<void[]> {
    const client = await this.pool.connect();
    let broken = false;
    // The server may end the session mid-transaction (a fence's idle
    // limit); unheard, that error would crash the process.
    const onConnectionError = () => {
      broken = true;
    };
    client.on('error', onConnectionError);
    try {
      await client.query(BEGIN_WITHOUT_WAITING_FOR_FLUSH);
      for (const commit of commits) await commit.write(client);
      await client.query('COMMIT');
      return commits.map(() => undefined);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', onConnectionError);
      // A client whose rollback failed is in an unknown state: destroy it.
      client.release(broken);
    }
  }
}
