import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import type { Logger } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { OptionSpec, ParsedArguments } from './arguments';

/** Where the tool writes: results on stdout, progress and errors on stderr. */
export interface AuditIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Whether stderr is a terminal: a redrawn bar there, lines otherwise. */
  stderrIsTty: boolean;
}

/** What the commands read: the log through the port, read models by SQL. */
export interface AuditResources {
  pool: Pool;
  /** The log as the apps read it: old event versions upcast. */
  store: EventStore;
  /** The log exactly as stored, which is what the hashes cover. */
  stored: EventStore;
  /** A stored event at its current version, as `store` returns it. */
  upcast(event: RecordedEvent): RecordedEvent;
  /** The PostgreSQL schema the pool's search path selects. */
  schema: string;
  logger: Logger;
}

export interface AuditContext {
  io: AuditIo;
  /** Opened on first use, so `--help` and bad arguments need no database. */
  resources(): Promise<AuditResources>;
}

export interface AuditCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The synopsis, e.g. `history <ticket> [--json]`. */
  readonly usage: string;
  /** What `--help` prints below the synopsis. */
  readonly help: string;
  readonly options: OptionSpec;
  /** Resolves with the exit code. */
  run(args: ParsedArguments, context: AuditContext): Promise<number>;
}
