import { NonAppendingTransactions } from '@opsdesk/event-store';
import type { MessagePort } from 'node:worker_threads';
import type { FromProjectionThread } from './thread-messages';

/**
 * The projection thread's open pages, told to the process's main thread
 * as well: the process manager's log tail runs there, and without being
 * told it would wait for every page the thread has open. A message that
 * arrives late only makes that tail wait as it would have anyway (see
 * NonAppendingTransactions).
 */
export class ToldNonAppending extends NonAppendingTransactions {
  constructor(private readonly port: MessagePort) {
    super();
  }

  override add(transactionId: string): void {
    super.add(transactionId);
    this.tell({ type: 'page-open', id: transactionId });
  }

  override delete(transactionId: string): void {
    super.delete(transactionId);
    this.tell({ type: 'page-ended', id: transactionId });
  }

  private tell(message: FromProjectionThread): void {
    this.port.postMessage(message);
  }
}
