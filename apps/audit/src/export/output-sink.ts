import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';

/** Where an export goes; `write` resolves once the text may be followed. */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Everything written: flush and, for a file, put it in place. */
  close(): Promise<void>;
  /** Something failed: leave no file that looks complete. */
  abort(): Promise<void>;
}

/**
 * Writes with backpressure: when the stream's buffer is full it waits
 * for `drain`, so a slow reader (a pipe, a disk) never makes the export
 * hold the log in memory.
 */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: unknown) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}

export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  return {
    write: (text) => write(stream, text),
    close: async () => undefined,
    abort: async () => undefined,
  };
}

/**
 * A file written under `<path>.partial` and renamed into place at the
 * end, so an interrupted export never leaves a file that looks whole.
 */
export function fileSink(path: string): OutputSink {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  // Kept, not thrown from an event: the next write or the close reports it.
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const ended = () =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      stream.end((error?: unknown) => (error ? reject(error) : resolve()));
    });
  return {
    async write(text) {
      if (failure) throw failure;
      await write(stream, text);
    },
    async close() {
      await ended();
      await rename(partial, path);
    },
    async abort() {
      await ended().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
    },
  };
}
