import {
  ConfigError,
  createLogger,
  ServiceUnavailableError,
} from '@opsdesk/platform';
import { RosterInvalidError, RosterUnreadableError } from '@opsdesk/stations';
import { UsageError } from './process-args';

/**
 * Runs an entry point; a problem a person can fix (a missing service, bad
 * configuration or arguments) is one line on stderr and exit code 1,
 * never a stack trace.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (
      error instanceof ServiceUnavailableError ||
      error instanceof ConfigError ||
      error instanceof UsageError ||
      error instanceof RosterInvalidError ||
      error instanceof RosterUnreadableError
    ) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      createLogger(name).fatal({ err: error }, 'failed to start');
      process.stderr.write(
        `${name}: failed to start: ${(error as Error).message}\n`,
      );
    }
    process.exit(1);
  });
}
