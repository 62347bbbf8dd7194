import { Client } from 'pg';

export interface StatementStat {
  statement: string;
  calls: number;
  totalMs: number;
  meanMs: number;
}

const totals = new Map<string, { calls: number; totalMs: number }>();
let recording = false;
let installed = false;

/** The first words of a statement, so one shape of SQL is one row. */
function shapeOf(text: string): string {
  // Literals inlined by a client (Emmett's driver inlines them) would
  // make every call a shape of its own.
  return text
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/ARRAY\[[^\]]*\]/g, 'ARRAY[…]')
    .replace(/\b\d+\b/g, 'N')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
}

// Most statements are the same string every time: shape them once.
const shapes = new Map<string, string>();

function cachedShapeOf(text: string): string {
  let shape = shapes.get(text);
  if (shape === undefined) {
    shape = shapeOf(text);
    if (shapes.size < 2000) shapes.set(text, shape);
  }
  return shape;
}

function record(text: string, startedAt: number): void {
  if (!recording) return;
  const key = cachedShapeOf(text);
  const entry = totals.get(key) ?? { calls: 0, totalMs: 0 };
  entry.calls += 1;
  entry.totalMs += performance.now() - startedAt;
  totals.set(key, entry);
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Times every statement node-postgres sends in this process, from the
 * call to its answer (so queueing behind a busy connection counts), by
 * shape of SQL. Installed once; costs one flag check while not recording.
 */
export function installQueryStats(): void {
  if (installed) return;
  installed = true;
  const prototype = Client.prototype as unknown as { query: QueryFn };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    if (!recording) return original.apply(this, args);
    const config = args[0] as string | { text?: string } | undefined;
    const text =
      typeof config === 'string' ? config : (config?.text ?? '(submittable)');
    const startedAt = performance.now();
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...a: unknown[]) => void;
      args[last] = (...result: unknown[]) => {
        record(text, startedAt);
        callback(...result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | unknown;
    if (result instanceof Promise) {
      return result.finally(() => record(text, startedAt));
    }
    return result;
  };
}

export function startQueryStats(): void {
  totals.clear();
  recording = true;
}

/** Stops recording; statements by total time, largest first. */
export function stopQueryStats(): StatementStat[] {
  recording = false;
  return [...totals.entries()]
    .map(([statement, { calls, totalMs }]) => ({
      statement,
      calls,
      totalMs,
      meanMs: totalMs / calls,
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
}
