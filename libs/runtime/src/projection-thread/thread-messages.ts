/** What the projection thread tells the process that started it. */
export type FromProjectionThread =
  | { type: 'ready' }
  /** A read-model page transaction opened (`id`) or ended. */
  | { type: 'page-open'; id: string }
  | { type: 'page-ended'; id: string }
  | { type: 'failed'; message: string };

/** What the process asks of its projection thread. */
export type ToProjectionThread = { type: 'stop' };
