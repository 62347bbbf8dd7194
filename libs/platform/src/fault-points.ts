/**
 * Named places where a crash test may hurt the process on purpose:
 * `OPSDESK_FAULT_POINT=<name>` makes the process act the first time it
 * reaches that point, as `OPSDESK_FAULT_ACTION` says:
 * - `kill` (the default): SIGKILL itself, as a crash or an OOM kill would;
 * - `stall:<ms>`: block the event loop that long, as a long GC pause or
 *   synchronous work would, so a queue lock lapses while the job runs on;
 * - `delay:<ms>`: wait that long without blocking (only where the point
 *   is awaited), as a slow handler would.
 * Unset, a point costs one comparison.
 */
export function faultPoint(name: string): void {
  const action = armedAction(name);
  if (!action) return;
  if (action.kind === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action.kind === 'stall') {
    const until = Date.now() + action.ms;
    while (Date.now() < until) {
      // Busy on purpose: the point is that nothing else runs meanwhile.
    }
  }
}

/** As `faultPoint`, and also honours `delay:<ms>`. */
export async function awaitFaultPoint(name: string): Promise<void> {
  const action = peekAction(name);
  if (action?.kind !== 'delay') return faultPoint(name);
  fired.add(name);
  await new Promise((resolve) => setTimeout(resolve, action.ms));
}

type FaultAction =
  | { kind: 'kill' }
  | { kind: 'stall'; ms: number }
  | { kind: 'delay'; ms: number };

/** Points that already acted: each acts once per process. */
const fired = new Set<string>();

function armedAction(name: string): FaultAction | undefined {
  const action = peekAction(name);
  if (action) fired.add(name);
  return action;
}

function peekAction(name: string): FaultAction | undefined {
  if (process.env.OPSDESK_FAULT_POINT !== name || fired.has(name)) return;
  const spec = process.env.OPSDESK_FAULT_ACTION ?? 'kill';
  const [kind, value] = spec.split(':');
  const ms = Number(value);
  if ((kind === 'stall' || kind === 'delay') && Number.isFinite(ms)) {
    return { kind, ms };
  }
  return { kind: 'kill' };
}
