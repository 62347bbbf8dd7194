import { Inject, Injectable } from '@nestjs/common';
import type { RoleId } from '@opsdesk/domain';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { PROCESS_CATALOG } from '@opsdesk/runtime';
import type { Request } from 'express';
import { actingActor } from '../auth/acting-actor';
import { CommandGateway } from '../commands/command-gateway.service';
import { present } from '../commands/outcome-presenter';
import { idempotencyKeyOf } from '../http/request-actor';
import { SupplierTicketsCheck } from './supplier-tickets';

const PROCESS_ID = 'station-fault';

/** The shared steps of every station-fault action endpoint. */
@Injectable()
export class StationFaultActions {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
    private readonly supplierTickets: SupplierTicketsCheck,
  ) {}

  async act(
    request: Request,
    ticketId: string | undefined,
    type: string,
    defaultRole: RoleId,
    payload: Record<string, unknown>,
  ) {
    // The actor comes from the verified token, never from the body.
    const actor = actingActor(request, defaultRole, PROCESS_ID, type);
    const key = idempotencyKeyOf(request);
    if (ticketId !== undefined) {
      await this.supplierTickets.check(request, ticketId);
    }

    const result = await this.gateway.issue({
      processId: PROCESS_ID,
      ticketId,
      type,
      payload,
      actor,
      idempotency: key ? { key, request: request.body as unknown } : undefined,
    });

    return present(result, this.processes, PROCESS_ID);
  }
}
