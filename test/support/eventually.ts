/**
 * Retries an assertion until it passes or the time is up; for read models
 * and queues that settle a moment after the command returns. It waits for
 * a condition, never measures a duration.
 */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
