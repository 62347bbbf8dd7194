import { parseArguments } from './arguments';
import type { AuditContext } from './audit-command';
import { AuditUsageError } from './audit-errors';
import { commandNamed } from './commands';
import { commandHelp, programHelp } from './help';

/**
 * Runs one command line and resolves with the exit code. Every failure
 * becomes one line on stderr, `audit <command>: <message>`: 2 for a bad
 * command line (unknown ticket, unparseable time, unknown projection),
 * the error's own code otherwise (1 for a broken rule or an outage).
 */
export async function runAudit(
  argv: readonly string[],
  context: AuditContext,
): Promise<number> {
  const [name, ...rest] = argv;
  const { stdout, stderr } = context.io;
  if (
    name === undefined ||
    name === '--help' ||
    name === '-h' ||
    name === 'help'
  ) {
    stdout.write(programHelp());
    return name === undefined ? 2 : 0;
  }
  const command = commandNamed(name);
  try {
    if (!command) {
      throw new AuditUsageError(`unknown command "${name}"`);
    }
    const args = parseArguments(rest, command.options, command.name);
    if (args.options.get('help') === true) {
      stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(args, context);
  } catch (error) {
    const where = command ? `audit ${command.name}` : 'audit';
    stderr.write(`${where}: ${oneLine(error)}${hint(error, command?.name)}\n`);
    return exitCodeOf(error);
  }
}

function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown })?.exitCode;
  return typeof code === 'number' ? code : 1;
}

// PostgreSQL's "relation does not exist": usually the wrong schema.
const UNDEFINED_TABLE = '42P01';

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/\s*\n\s*/g, ' ').trim() || 'failed';
  return (error as { code?: unknown })?.code === UNDEFINED_TABLE
    ? `${text}; is DATABASE_SCHEMA the schema opsdesk runs in?`
    : text;
}

/** Where to read the right call, for a mistake in the call itself. */
function hint(error: unknown, commandName: string | undefined): string {
  if (!(error instanceof AuditUsageError) || error.code !== 'AUDIT_USAGE') {
    return '';
  }
  const about = error.command ?? commandName;
  return about ? ` (see: audit ${about} --help)` : ' (see: audit --help)';
}
