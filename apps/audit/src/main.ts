import { loadConfig } from '@opsdesk/platform';
import type { AuditContext, AuditIo } from './cli/audit-command';
import { runAudit } from './cli/run-audit';
import {
  openAuditResources,
  type OpenedAuditResources,
} from './resources/open-audit-resources';

/**
 * `npm run audit -- <command>`: the audit replay tool. No Nest: it opens
 * a pool and the event store when a command first needs them.
 */
async function main(): Promise<number> {
  const io: AuditIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
  let opened: Promise<OpenedAuditResources> | undefined;
  const context: AuditContext = {
    resources: () =>
      (opened ??= openAuditResources(
        loadConfig(),
        process.env.LOG_LEVEL || 'warn',
      )),
    io,
  };
  try {
    return await runAudit(process.argv.slice(2), context);
  } finally {
    if (opened) await (await opened.catch(() => undefined))?.close();
  }
}

// A reader that closes the pipe early (`| head`) has seen what it wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

// Interrupted: the server rolls back what was in flight, so a rebuild
// leaves only its staging tables, which the next run drops.
process.once('SIGINT', () => {
  process.stderr.write('\naudit: interrupted\n');
  process.exit(130);
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`audit: ${(error as Error)?.message ?? error}\n`);
    process.exitCode = 1;
  },
);
