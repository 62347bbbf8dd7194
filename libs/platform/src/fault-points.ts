/**
 * Named places where a crash test may kill the process on purpose:
 * `OPSDESK_FAULT_POINT=<name>` makes the process SIGKILL itself the first
 * time it reaches that point. Unset, it costs one comparison.
 */
export function faultPoint(name: string): void {
  if (process.env.OPSDESK_FAULT_POINT === name) {
    process.kill(process.pid, 'SIGKILL');
  }
}
