export interface TurnBatcherOptions<In> {
  /** Inputs in one run, at most. */
  maxSize: number;
  /** Runs on their way at once, at most. */
  maxRuns: number;
  /**
   * Whether an input may join a run that already holds `taken`; one that
   * may not waits for the next run, keeping its place in line.
   */
  canJoin?(taken: readonly In[], input: In): boolean;
}

interface Waiting<In, Out> {
  input: In;
  resolve(output: Out): void;
  reject(error: unknown): void;
}

/**
 * Group commit for small writes: the inputs submitted in one turn of the
 * event loop (and those submitted while the previous run is on its way)
 * go to the server together, as one statement and one commit, where each
 * would have paid a round trip and a commit of its own. A lone input
 * waits for nothing but the end of the turn.
 *
 * A run that fails is not the failure of every input in it: each is run
 * again alone, so only the input that broke it fails.
 */
export class TurnBatcher<In, Out> {
  private readonly waiting: Waiting<In, Out>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    /** Answers each input, in the inputs' order. */
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly options: TurnBatcherOptions<In>,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After this turn's callers: those a run just answered come back in
    // the same turn, and then go together.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.running < this.options.maxRuns && this.waiting.length > 0) {
      const batch = this.take();
      this.running += 1;
      void this.settle(batch).finally(() => {
        this.running -= 1;
        this.schedule();
      });
    }
  }

  private take(): Waiting<In, Out>[] {
    const { maxSize, canJoin } = this.options;
    const batch: Waiting<In, Out>[] = [];
    const left: Waiting<In, Out>[] = [];
    for (const waiting of this.waiting) {
      const fits =
        batch.length < maxSize &&
        (!canJoin ||
          canJoin(
            batch.map((b) => b.input),
            waiting.input,
          ));
      (fits ? batch : left).push(waiting);
    }
    this.waiting.splice(0, this.waiting.length, ...left);
    return batch;
  }

  private async settle(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((b) => b.input));
      batch.forEach((waiting, index) => waiting.resolve(outputs[index]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(batch.map((waiting) => this.settle([waiting])));
    }
  }
}
