type Cleanup = () => Promise<unknown>;

const pending = new Set<Cleanup>();

/**
 * Registers what must be undone if the run is interrupted (a schema to
 * drop, keys to delete, a child to stop); returns the way to forget it
 * once it has been undone normally.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

/** Runs every registered cleanup, newest first, within `boundMs`. */
export async function cleanUpNow(boundMs = 30_000): Promise<void> {
  const all = [...pending].reverse();
  pending.clear();
  const work = (async () => {
    for (const cleanup of all) await cleanup().catch(() => undefined);
  })();
  await Promise.race([
    work,
    new Promise((resolve) => setTimeout(resolve, boundMs).unref()),
  ]);
}
