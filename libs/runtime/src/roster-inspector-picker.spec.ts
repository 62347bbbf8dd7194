import type { Roster } from '@opsdesk/stations';
import { RosterInspectorPicker } from './roster-inspector-picker';

const REGION = 'region-pudong';

const roster: Roster = {
  regions: [
    {
      regionId: REGION,
      inspectors: [
        { id: 'insp-01', name: '王巡检', onDuty: true },
        { id: 'insp-02', name: '李巡检', onDuty: true },
        { id: 'insp-03', name: '张巡检', onDuty: false },
        { id: 'insp-04', name: '赵巡检', onDuty: true },
      ],
    },
  ],
  stationOpsTeams: [],
  chargingPileSuppliers: [],
};

/** The read model's counts, as `TicketQueries.countOpenByHolder` answers. */
function readModel(open: Record<string, number>) {
  const asked: string[][] = [];
  return {
    asked,
    countOpenByHolder: (_role: string, ids: readonly string[]) => {
      asked.push([...ids]);
      return Promise.resolve(
        Object.fromEntries(ids.map((id) => [id, open[id] ?? 0])),
      );
    },
  };
}

describe('assigning inspectors by open work (4.4)', () => {
  it('picks the on-duty inspector with the fewest open tickets', async () => {
    const counts = readModel({ 'insp-01': 3, 'insp-02': 1, 'insp-04': 2 });
    const picker = new RosterInspectorPicker(roster, counts);

    const picked = await picker.pick(REGION);

    expect(picked?.inspectorId).toBe('insp-02');
    expect(picked?.inputs).toEqual({
      regionalPlatformId: REGION,
      candidates: [
        { id: 'insp-02', open: 1 },
        { id: 'insp-04', open: 2 },
        { id: 'insp-01', open: 3 },
      ],
    });
  });

  it('spreads a burst over the inspectors with one count read', async () => {
    const counts = readModel({});
    const picker = new RosterInspectorPicker(roster, counts);

    const picks = await Promise.all(
      Array.from({ length: 6 }, () => picker.pick(REGION)),
    );

    expect(picks.map((p) => p?.inspectorId)).toEqual([
      'insp-01',
      'insp-02',
      'insp-04',
      'insp-01',
      'insp-02',
      'insp-04',
    ]);
    expect(counts.asked).toEqual([['insp-01', 'insp-02', 'insp-04']]);
  });

  it('reads the counts again once they are older than the bound', async () => {
    const counts = readModel({ 'insp-01': 5, 'insp-04': 5 });
    const picker = new RosterInspectorPicker(roster, counts, 0);

    await picker.pick(REGION);
    const second = await picker.pick(REGION);

    // Read afresh: the first pick's count up is not carried over.
    expect(second?.inspectorId).toBe('insp-02');
    expect(counts.asked).toHaveLength(2);
  });

  it('answers null for a region with nobody on duty', async () => {
    const counts = readModel({});
    const picker = new RosterInspectorPicker(roster, counts);
    expect(await picker.pick('region-nowhere')).toBeNull();
    expect(counts.asked).toEqual([]);
  });
});
