import type { Projection, ReadModelProjectionOptions } from '../projection';
import { createInboxProjection } from './inbox/inbox.projection';
import { createTicketViewProjection } from './ticket-view/ticket-view.projection';
import { createTimelineProjection } from './timeline/timeline.projection';

/** The ticket view, inbox and timeline; each needs its own runner. */
export function createStationFaultProjections(
  options: ReadModelProjectionOptions = {},
): Projection[] {
  return [
    createTicketViewProjection(options),
    createInboxProjection(options),
    createTimelineProjection(options),
  ];
}
