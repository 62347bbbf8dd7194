export interface BackoffOptions {
  /** Delay after the first failure. */
  initialDelayMs: number;
  /** Cap for the doubling delays after repeated failures. */
  maxDelayMs: number;
}

export const defaultBackoff: BackoffOptions = {
  initialDelayMs: 200,
  maxDelayMs: 30_000,
};

/** Delay before retry number `failures` (1 for the first failure). */
export function backoffDelay(
  failures: number,
  options: BackoffOptions = defaultBackoff,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
}
