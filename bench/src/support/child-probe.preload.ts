import { readFileSync, writeFileSync } from 'node:fs';
import {
  installQueryStats,
  startQueryStats,
  stopQueryStats,
} from './query-stats';

/**
 * Loaded with `node -r` into a program the bench runs but does not own
 * (the audit tool): times its SQL from the start and, when it exits
 * (also on SIGINT, which the tool turns into an exit), writes the
 * statements and its peak RSS to `BENCH_PROBE_FILE`.
 */
const file = process.env.BENCH_PROBE_FILE;
if (file) {
  installQueryStats();
  startQueryStats();
  process.on('exit', () => {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
    writeFileSync(
      file,
      JSON.stringify({ peakRssBytes: kb * 1024, statements: stopQueryStats() }),
    );
  });
}
