import { Inject, Injectable } from '@nestjs/common';
import type { StationFaultState } from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { EVENT_STORE, PROCESS_CATALOG } from '@opsdesk/runtime';
import type { Request } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { firmOf, outsidePartyOf } from '../auth/outside-party-reads';
import { foldedTicket, notFound } from '../process-actions/process-reader';

/**
 * An outside party's command on a station fault not handed to its firm
 * is answered as its reads are: `404`, the ticket unknown. The domain's
 * own refusal (`403 NOT_ASSIGNEE` naming the holder, `403` for a step not
 * the supplier's, `409` in another state) would tell another firm that
 * the ticket exists, where it stands and whose it is. A token that is a
 * member's as well counts: its supplier role still acts. Staff pass on
 * to the domain's checks.
 */
@Injectable()
export class SupplierTicketsCheck {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {}

  async check(request: Request, ticketId: string): Promise<void> {
    if (!outsidePartyOf(request)) return;
    const state = (await foldedTicket(
      this.store,
      this.processes,
      'station-fault',
      ticketId,
      request,
    )) as Partial<StationFaultState>;
    const firm = firmOf(requirePrincipal(request));
    if (state.supplierId === undefined || !firm.includes(state.supplierId)) {
      throw notFound(ticketId);
    }
  }
}
