export interface ProgressOptions {
  out: NodeJS.WritableStream;
  /** A terminal gets one redrawn bar; anything else, plain lines. */
  tty: boolean;
  label: string;
  /** Expected count, if known: the bar, percentage and ETA need it. */
  total?: number;
  /** Without a terminal: one line each time this many more are done. */
  lineEvery: number;
  now?: () => number;
}

const BAR_CELLS = 24;
const REDRAW_MS = 100;

/**
 * Progress of a long run on stderr: a `\r` bar with rate and ETA on a
 * terminal, one line per `lineEvery` otherwise (logs, CI, pipes).
 */
export class ProgressReporter {
  private readonly now: () => number;
  private readonly startedAt: number;
  private done = 0;
  private nextLineAt: number;
  private lastDrawAt = -Infinity;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.nextLineAt = options.lineEvery;
  }

  advance(count: number): void {
    this.done += count;
    if (this.options.tty) {
      const at = this.now();
      if (at - this.lastDrawAt < REDRAW_MS) return;
      this.lastDrawAt = at;
      this.options.out.write(`\r${this.describe(at, true)}\x1b[K`);
      return;
    }
    if (this.done < this.nextLineAt) return;
    while (this.nextLineAt <= this.done)
      this.nextLineAt += this.options.lineEvery;
    this.options.out.write(`${this.describe(this.now(), false)}\n`);
  }

  /** The last state, ending the bar's line. */
  finish(): void {
    const text = this.describe(this.now(), this.options.tty);
    this.options.out.write(
      this.options.tty ? `\r${text}\x1b[K\n` : `${text}\n`,
    );
  }

  private describe(at: number, bar: boolean): string {
    const { label } = this.options;
    const total = this.options.total;
    const seconds = Math.max((at - this.startedAt) / 1000, 0.001);
    const rate = this.done / seconds;
    const parts = [label];
    if (total !== undefined && total > 0) {
      const share = Math.min(this.done / total, 1);
      if (bar) {
        const filled = Math.round(share * BAR_CELLS);
        parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_CELLS - filled)}]`);
      }
      parts.push(`${Math.floor(share * 100)}%`, `${this.done}/${total} events`);
    } else {
      parts.push(`${this.done} events`);
    }
    parts.push(`${Math.round(rate)} events/s`);
    if (total !== undefined && rate > 0) {
      parts.push(`ETA ${clock(Math.max(total - this.done, 0) / rate)}`);
    }
    return parts.join(' ');
  }
}

/** Seconds as `m:ss` (or `h:mm:ss`). */
export function clock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
