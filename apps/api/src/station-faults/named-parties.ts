import { Inject, Injectable } from '@nestjs/common';
import type { StationFaultState } from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import {
  EVENT_STORE,
  PROCESS_CATALOG,
  ROSTER,
  STATION_REGISTRY,
} from '@opsdesk/runtime';
import {
  inspectorsOf,
  opsTeamsFor,
  suppliersFor,
  type Roster,
  type StationRegistry,
} from '@opsdesk/stations';
import type { Request } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { ticketAccess } from '../auth/ticket-visibility';
import { ApiError } from '../http/api-error';

/** The parties a station-fault command may name, each by its field. */
export interface NamedParties {
  inspectorId?: string;
  opsTeamId?: string;
  supplierId?: string;
  chargingPileId?: string;
}

/**
 * The inspector, operations team, supplier or pile a command hands a
 * ticket to must be one the ticket's region has: a typo would hand the
 * ticket to nobody (only a lead could take it back), and a team of
 * another region would never see it in its inbox. Checked against the
 * roster and the station registry before the command is queued, on the
 * ticket as folded from the log. A ticket the caller cannot see, or not
 * recorded yet, is left to the command's own answer (404, 409).
 */
@Injectable()
export class NamedPartiesCheck {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
    @Inject(ROSTER) private readonly roster: Roster,
    @Inject(STATION_REGISTRY) private readonly stations: StationRegistry,
  ) {}

  async check(
    request: Request,
    ticketId: string,
    named: NamedParties,
  ): Promise<void> {
    const access = await ticketAccess(
      this.store,
      this.processes,
      'station-fault',
      ticketId,
      requirePrincipal(request),
    );
    if (access.kind !== 'visible') return;
    const { station } = access.state as StationFaultState;
    if (!station) return;

    const region = station.regionId;
    const problems: { field: string; problems: string[] }[] = [];
    const refuse = (field: string, problem: string) =>
      problems.push({ field, problems: [problem] });
    const ids = (parties: readonly { id: string }[]) =>
      parties.map((p) => p.id);

    if (
      named.inspectorId !== undefined &&
      !ids(inspectorsOf(this.roster, region)).includes(named.inspectorId)
    ) {
      refuse('inspectorId', `not an inspector of region ${region}`);
    }
    if (
      named.opsTeamId !== undefined &&
      !ids(opsTeamsFor(this.roster, region)).includes(named.opsTeamId)
    ) {
      refuse('opsTeamId', `not an operations team serving region ${region}`);
    }
    if (
      named.supplierId !== undefined &&
      !ids(suppliersFor(this.roster, region)).includes(named.supplierId)
    ) {
      refuse(
        'supplierId',
        `not a charging-pile supplier serving region ${region}`,
      );
    }
    if (named.chargingPileId !== undefined) {
      const registered = await this.stations.findStation(station.id);
      if (!registered?.chargingPileIds.includes(named.chargingPileId)) {
        refuse('chargingPileId', `not a pile of station ${station.id}`);
      }
    }
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'INVALID_REQUEST',
        `${problems.map((p) => p.field).join(', ')}: not on the roster of the ticket's station`,
        { fields: problems },
      );
    }
  }
}
