import { Inject, Injectable } from '@nestjs/common';
import { VEHICLE_REPAIR_PROCESS_ID } from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { EVENT_STORE, PROCESS_CATALOG } from '@opsdesk/runtime';
import type { Request } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { ticketAccess } from '../auth/ticket-visibility';
import { ApiError } from '../http/api-error';

/**
 * A repair order may name the vehicle-repair ticket it comes from (G1 →
 * G5); that ticket must exist and be one the caller sees, or the order
 * would link to nothing. Checked on the log before the command is queued.
 */
@Injectable()
export class LinkedVehicleRepairCheck {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {}

  async check(request: Request, ticketId: string | undefined): Promise<void> {
    if (ticketId === undefined) return;
    const access = await ticketAccess(
      this.store,
      this.processes,
      VEHICLE_REPAIR_PROCESS_ID,
      ticketId,
      requirePrincipal(request),
    );
    if (access.kind === 'visible') return;
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      `No vehicle-repair ticket ${ticketId}`,
      {
        fields: [
          {
            field: 'vehicleRepairTicketId',
            problems: ['no vehicle-repair ticket with this id'],
          },
        ],
      },
    );
  }
}
