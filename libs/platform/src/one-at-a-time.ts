/**
 * Runs the work given to it one piece at a time, in the order given: each
 * starts once the one before has settled, whether it succeeded or failed.
 */
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    // `last` never rejects: a failure stays with its own caller.
    const next = this.last.then(() => work());
    this.last = next.catch(() => undefined);
    return next;
  }
}
