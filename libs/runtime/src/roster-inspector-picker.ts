import type { InspectorPicker } from '@opsdesk/messaging';
import type { TicketQueries } from '@opsdesk/read-models';
import { onDutyInspectors, type Roster } from '@opsdesk/stations';

export const ASSIGNMENT_RULE_VERSION = 'on-duty-least-open/v1';

/**
 * 4.4: an on-duty inspector of the region, the one with the fewest open
 * tickets first; ties go to the roster's order. The counts come from the
 * read model and may lag a moment behind the log, which is acceptable for
 * balancing load; the inputs are recorded on the event either way.
 */
export class RosterInspectorPicker implements InspectorPicker {
  constructor(
    private readonly roster: Roster,
    private readonly queries: TicketQueries,
  ) {}

  async pick(regionalPlatformId: string) {
    const candidates = onDutyInspectors(this.roster, regionalPlatformId);
    if (candidates.length === 0) return null;
    const ids = candidates.map((c) => c.id);
    const open = await this.queries.countOpenByHolder(
      'regional-inspector',
      ids,
    );
    const ranked = ids
      .map((id, order) => ({ id, order, open: open[id] ?? 0 }))
      .sort((a, b) => a.open - b.open || a.order - b.order);
    return {
      inspectorId: ranked[0].id,
      ruleVersion: ASSIGNMENT_RULE_VERSION,
      inputs: {
        regionalPlatformId,
        candidates: ranked.map(({ id, open: count }) => ({ id, open: count })),
      },
    };
  }
}
