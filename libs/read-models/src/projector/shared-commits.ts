import { TurnBatcher } from '@opsdesk/platform';
import type { NonAppendingTransactions } from '@opsdesk/event-store';
import type { Pool, PoolClient, QueryResult } from 'pg';
import { advanceCheckpoints, type CheckpointMove } from './checkpoint-moves';
import {
  forgetTransactionKeys,
  rememberTransactionKeys,
} from '../personal-data/transaction-keys';

/** One projection's commit of a page: its checkpoint and its rows. */
export interface PageCommit {
  /**
   * Moved before any commit of the transaction writes, all the
   * transaction's moves in one statement (advanceCheckpoints).
   */
  checkpoint?: CheckpointMove;
  /**
   * The page's first and last positions: only commits of the same page
   * share a transaction, so it touches each ticket of the page and no
   * other. (A page locks its tickets' rows and then the data keys it
   * opens, the reporter erasure the key and then the rows; either may be
   * ended as a deadlock, in a shared transaction as in a lone one. A
   * shared one is made again commit by commit, the erasure again whole.)
   */
  page: string;
  /** The projection's rows, after every checkpoint has moved. */
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
 * The same, and the transaction's id at once (it would get one at its
 * first write anyway), for the log tail to read past (see
 * NonAppendingTransactions): a page writes read-model rows and
 * checkpoints, never events.
 */
const BEGIN_NAMED = `${BEGIN_WITHOUT_WAITING_FOR_FLUSH};
  SELECT pg_current_xact_id()::text AS id`;

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
 * connection: at 500 actions/s in one process beside the workers a
 * shared transaction took 40–50 ms (p50), most of it its 15-odd round
 * trips each waiting behind the workers' callbacks in the event loop.
 * `npm start` now runs the projections on a thread of their own
 * (ProjectionThread), which halved the lag's p50. The data keys are now
 * looked up once a page (transaction-keys.ts), not once a read model, and
 * the checkpoints all move in one statement: 15 round trips a page
 * where there were 19.
 */
export class SharedCommits {
  private readonly batcher: TurnBatcher<PageCommit, void>;

  private readonly nonAppending?: NonAppendingTransactions;

  constructor(
    private readonly pool: Pool,
    options: {
      maxSize?: number;
      maxRuns?: number;
      /** Where the log tail of this process learns of open pages. */
      nonAppending?: NonAppendingTransactions;
    } = {},
  ) {
    this.nonAppending = options.nonAppending;
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
    let transactionId: string | undefined;
    try {
      transactionId = await this.begin(client);
      rememberTransactionKeys(client);
      const moves = commits.flatMap((c) =>
        c.checkpoint ? [c.checkpoint] : [],
      );
      if (moves.length > 0) await advanceCheckpoints(client, moves);
      for (const commit of commits) await commit.write(client);
      await client.query('COMMIT');
      return commits.map(() => undefined);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      forgetTransactionKeys(client);
      // Only once it has ended: until then the tail may read past it.
      if (transactionId) this.nonAppending?.delete(transactionId);
      client.off('error', onConnectionError);
      // A client whose rollback failed is in an unknown state: destroy it.
      client.release(broken);
    }
  }

  /** Opens the transaction; its id, when the log tail wants to know it. */
  private async begin(client: PoolClient): Promise<string | undefined> {
    if (!this.nonAppending) {
      await client.query(BEGIN_WITHOUT_WAITING_FOR_FLUSH);
      return undefined;
    }
    // A simple query of several statements answers with one result each.
    const results = (await client.query(
      BEGIN_NAMED,
    )) as unknown as QueryResult<{ id: string }>[];
    const id = results[results.length - 1].rows[0].id;
    this.nonAppending.add(id);
    return id;
  }
}
