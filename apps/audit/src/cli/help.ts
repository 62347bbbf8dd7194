import { padCells } from '../text/display-width';
import type { AuditCommand } from './audit-command';
import { AUDIT_COMMANDS } from './commands';

const PROGRAM = 'npm run audit --';

/** The command list: what `audit --help` prints. */
export function programHelp(): string {
  const width = Math.max(...AUDIT_COMMANDS.map((c) => c.name.length)) + 2;
  return (
    [
      'opsdesk audit: replay the event log for auditors and operators',
      '',
      `Usage: ${PROGRAM} <command> [options]   (${PROGRAM} <command> --help)`,
      '',
      'Commands:',
      ...AUDIT_COMMANDS.map((c) => `  ${padCells(c.name, width)}${c.summary}`),
      '',
      'Times are shown in Asia/Shanghai. The database comes from DATABASE_URL',
      'and DATABASE_SCHEMA, as for the other apps. Exit codes: 0 done, 1 a',
      'failed verify or an operational error, 2 a bad command line.',
    ].join('\n') + '\n'
  );
}

export function commandHelp(command: AuditCommand): string {
  return `Usage: ${PROGRAM} ${command.usage}\n\n${command.summary}\n\n${command.help}\n`;
}
