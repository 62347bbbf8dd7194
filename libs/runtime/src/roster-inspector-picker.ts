import type { InspectorPicker } from '@opsdesk/messaging';
import type { TicketQueries } from '@opsdesk/read-models';
import { onDutyInspectors, type Roster } from '@opsdesk/stations';
import { OpenWorkTally } from './open-work-tally';

// v2: the counts are the read model's, up to a second old, plus the
// picks made here since (v1 read them for every assignment).
export const ASSIGNMENT_RULE_VERSION = 'on-duty-least-open/v2';

/**
 * 4.4: an on-duty inspector of the region, the one with the fewest open
 * tickets first; ties go to the roster's order. The counts come from the
 * read model, read at most once a second and counted up for the
 * assignments made since (`OpenWorkTally`); they may lag a moment behind
 * the log, which is acceptable for balancing load, and the counts the
 * choice was made on are recorded on the event.
 */
export class RosterInspectorPicker implements InspectorPicker {
  private readonly tally: OpenWorkTally<'regional-inspector'>;

  constructor(
    private readonly roster: Roster,
    queries: Pick<TicketQueries, 'countOpenByHolder'>,
    countsMaxAgeMs?: number,
  ) {
    this.tally = new OpenWorkTally(
      (role, ids) => queries.countOpenByHolder(role, ids),
      countsMaxAgeMs,
    );
  }

  async pick(regionalPlatformId: string) {
    const candidates = onDutyInspectors(this.roster, regionalPlatformId);
    if (candidates.length === 0) return null;
    const ids = candidates.map((c) => c.id);
    const work = await this.tally.of('regional-inspector', ids);
    const ranked = ids
      .map((id, order) => ({ id, order, open: work.open[id] ?? 0 }))
      .sort((a, b) => a.open - b.open || a.order - b.order);
    work.take(ranked[0].id);
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
