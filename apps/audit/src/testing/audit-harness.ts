import { PassThrough } from 'node:stream';
import type { EventStore } from '@opsdesk/event-store';
import { createLogger } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { AuditContext, AuditResources } from '../cli/audit-command';
import { runAudit } from '../cli/run-audit';

/** A writable stream that keeps what was written. */
export function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export interface AuditRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command line in this process against the given store (and pool,
 * for rebuild). Without them, a command that opens resources fails the
 * test, which is how tests prove bad arguments never reach the database.
 */
export async function audit(
  argv: readonly string[],
  resources: { store?: EventStore; pool?: Pool; schema?: string } = {},
  options: { tty?: boolean } = {},
): Promise<AuditRun> {
  const out = capture();
  const err = capture();
  const context: AuditContext = {
    io: {
      stdout: out.stream,
      stderr: err.stream,
      stderrIsTty: options.tty ?? false,
    },
    async resources(): Promise<AuditResources> {
      if (!resources.store) throw new Error('this run may not open resources');
      return {
        store: resources.store,
        stored: resources.store,
        upcast: (event) => event,
        pool: resources.pool as Pool,
        schema: resources.schema ?? 'test',
        logger: createLogger('audit-test', 'silent'),
      };
    },
  };
  const code = await runAudit(argv, context);
  // Let the pass-throughs hand over what was written.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out.text(), stderr: err.text() };
}
