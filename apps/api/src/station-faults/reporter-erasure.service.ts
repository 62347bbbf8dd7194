import { Inject, Injectable } from '@nestjs/common';
import {
  STATION_FAULT_ERASURE,
  STATION_FAULT_PERSONAL_DATA,
  STATION_FAULT_PROCESS_ID,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import {
  commandJobId,
  type CommandEnvelope,
  type ProcessCatalog,
  type RoleQueueSet,
} from '@opsdesk/messaging';
import { DataKeyVault, OneAtATime, type Logger } from '@opsdesk/platform';
import {
  EVENT_STORE,
  LOGGER,
  PG_POOL,
  PROCESS_CATALOG,
  ROLE_QUEUES,
} from '@opsdesk/runtime';
import type { Request } from 'express';
import type { Pool } from 'pg';
import { actingRole, requirePrincipal } from '../auth/acting-actor';
import { ticketAccess } from '../auth/ticket-visibility';
import { eraseReporterIn } from './erase-reporter-in';
import { ApiError } from '../http/api-error';

export interface ErasureAnswer {
  ticketId: string;
  erased: true;
  erasedAt: string;
}

/** PostgreSQL's deadlock_detected and lock_not_available. */
const DEADLOCK = '40P01';
const LOCK_TIMEOUT = '55P03';
const ERASE_ATTEMPTS = 3;
/**
 * How long the erasure waits for a lock (a projection's page, a call-back
 * being copied) before it gives up and tries again.
 */
const ERASE_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";

/**
 * Every attempt waited out its lock or lost a deadlock: something else
 * (a long transaction, a rebuild's swap) holds the ticket's rows or keys.
 * Nothing was erased; the same request succeeds once it lets go.
 */
function ticketBusy(ticketId: string, attempts: number): ApiError {
  return new ApiError(
    503,
    'TICKET_BUSY',
    'Another operation holds this ticket; nothing was erased. Try again shortly.',
    { ticketId, attempts },
    30,
  );
}

/**
 * Erases a reporter's name and phone on request (crypto-shredding): the
 * data keys of the ticket and of the call-backs opened for it are deleted
 * and the read models are scrubbed in one transaction. The events keep
 * their sealed values untouched, so every hash chain still verifies;
 * without the keys nothing opens them again.
 */
@Injectable()
export class ReporterErasure {
  private readonly vault: DataKeyVault;
  /**
   * An erasure holds a pooled connection for its transaction and takes a
   * second to read the ticket's stream through the store. As many at once
   * as the pool has connections would each hold one and wait for ever for
   * another (the pool has no acquire timeout); one at a time, in a process,
   * holds two at most. Erasures are rare and take milliseconds.
   */
  private readonly erasures = new OneAtATime();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
    @Inject(ROLE_QUEUES) private readonly queues: RoleQueueSet,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.vault = new DataKeyVault(pool);
  }

  async erase(request: Request, ticketId: string): Promise<ErasureAnswer> {
    const principal = requirePrincipal(request);
    const { permission, roles } = STATION_FAULT_ERASURE;
    const role = actingRole(request, principal, roles, permission);
    if (!roles.includes(role)) {
      throw new ApiError(
        403,
        'ROLE_NOT_PERMITTED',
        `Role ${role} may not erase a reporter's data`,
        { command: 'EraseReporter', role, allowed: roles, permission },
      );
    }
    const access = await ticketAccess(
      this.store,
      this.processes,
      STATION_FAULT_PROCESS_ID,
      ticketId,
      principal,
    );
    if (access.kind !== 'visible') {
      throw new ApiError(
        404,
        'TICKET_NOT_FOUND',
        `Ticket ${ticketId} does not exist`,
        { ticketId },
      );
    }

    const erasedBy = {
      id: principal.id,
      role,
      subsidiary: principal.subsidiary,
    };
    const { erasedAt } = await this.erasures.run(() =>
      this.eraseOnce(ticketId, erasedBy),
    );

    await this.forgetIntakeJobs(access.events);
    this.logger.info(
      { ticketId, erasedBy: { id: principal.id, role } },
      'reporter data erased',
    );
    return { ticketId, erased: true, erasedAt };
  }

  /**
   * The erasure in a transaction of its own (`eraseReporterIn`), made
   * again when PostgreSQL ends it as a deadlock's victim or it waited too
   * long for a lock: nothing of it was kept then.
   */
  private async eraseOnce(
    ticketId: string,
    erasedBy: Record<string, unknown>,
  ): Promise<{ erasedAt: string }> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        await client.query(ERASE_LOCK_TIMEOUT);
        const erasure = await eraseReporterIn(
          client,
          { store: this.store, vault: this.vault },
          ticketId,
          erasedBy,
        );
        await client.query('COMMIT');
        return erasure;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = (error as { code?: string }).code;
        const again = code === DEADLOCK || code === LOCK_TIMEOUT;
        if (!again) throw error;
        if (attempt >= ERASE_ATTEMPTS) {
          this.logger.warn(
            { ticketId, attempt, code },
            'reporter erasure rolled back on a lock again; giving up',
          );
          throw ticketBusy(ticketId, attempt);
        }
        this.logger.warn(
          { ticketId, attempt, code },
          'reporter erasure rolled back on a lock; erasing again',
        );
      } finally {
        // A client whose rollback failed is in an unknown state: destroy it.
        client.release(broken);
      }
    }
  }

  /**
   * The intake's job still holds the plain payload in Redis until it is
   * cleaned up; remove it now.
   * TODO(#7): a rejected intake keeps its failed job (and the phone in
   * it) as a dead letter; such a job has no ticket to erase by.
   */
  private async forgetIntakeJobs(events: RecordedEvent[]): Promise<void> {
    const personal = STATION_FAULT_PERSONAL_DATA as Record<string, unknown>;
    const commandIds = new Set(
      events.filter((e) => personal[e.type]).map((e) => e.metadata.commandId),
    );
    const queue = this.queues.queue('cs-phone-agent');
    for (const commandId of commandIds) {
      try {
        const job = await queue.getJob(
          commandJobId({ commandId } as CommandEnvelope),
        );
        await job?.remove();
      } catch (error) {
        this.logger.warn(
          { err: error, commandId },
          'could not remove an intake job after an erasure',
        );
      }
    }
  }
}
