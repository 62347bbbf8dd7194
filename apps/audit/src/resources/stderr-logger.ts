import pino, { type Logger } from 'pino';

/**
 * A pino logger on stderr: stdout carries the tool's results (JSON Lines,
 * CSV, tables), which a log line must never corrupt. The tool logs
 * operational facts only, never event data.
 */
export function stderrLogger(component: string, level: string): Logger {
  return pino(
    { level, base: { component } },
    pino.destination({ fd: 2, sync: true }),
  );
}
