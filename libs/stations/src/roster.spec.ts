import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGION_IDS } from './regions';
import {
  DEFAULT_ROSTER_FILE,
  loadRoster,
  onDutyInspectors,
  opsTeamsFor,
  suppliersFor,
} from './roster';
import { RosterInvalidError, RosterUnreadableError } from './roster.errors';

// Each case edits the parsed file by path; typing every edit adds nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const shipped = (): Json =>
  JSON.parse(readFileSync(DEFAULT_ROSTER_FILE, 'utf8'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'roster-spec-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeRoster(name: string, content: Json | string): string {
  const file = join(dir, `${name}.json`);
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  writeFileSync(file, text);
  return file;
}

function errorOf(load: () => unknown): unknown {
  try {
    load();
  } catch (error) {
    return error;
  }
  throw new Error('expected loadRoster to throw');
}

describe('the roster shipped in config/roster.json', () => {
  const roster = loadRoster(DEFAULT_ROSTER_FILE);

  it('gives every region an on-duty inspector, an ops team and a supplier', () => {
    for (const regionId of REGION_IDS) {
      expect(onDutyInspectors(roster, regionId).length).toBeGreaterThan(0);
      expect(opsTeamsFor(roster, regionId).length).toBeGreaterThan(0);
      expect(suppliersFor(roster, regionId).length).toBeGreaterThan(0);
    }
  });

  it('has at least one inspector off duty', () => {
    const all = roster.regions.flatMap((r) => r.inspectors);
    expect(all.some((i) => !i.onDuty)).toBe(true);
  });

  it('is what loadRoster reads when given no path', () => {
    expect(loadRoster(undefined, {})).toEqual(roster);
  });
});

describe('a roster named by ROSTER_FILE', () => {
  it('is read instead of the default', () => {
    const content = shipped();
    content.regions[0].inspectors[0].name = '换班测试';
    const file = writeRoster('override', content);
    const roster = loadRoster(undefined, { ROSTER_FILE: file });
    expect(roster.regions[0].inspectors[0].name).toBe('换班测试');
  });
});

describe('a roster file that cannot be read', () => {
  it('is reported with the file when it does not exist', () => {
    const file = join(dir, 'missing.json');
    const error = errorOf(() => loadRoster(file));
    expect(error).toBeInstanceOf(RosterUnreadableError);
    expect(error).toMatchObject({
      code: 'ROSTER_UNREADABLE',
      file,
      reason: 'ENOENT',
    });
  });

  it('is reported with the file when it is not JSON', () => {
    const file = writeRoster('not-json', '{ "regions": [');
    expect(errorOf(() => loadRoster(file))).toMatchObject({
      code: 'ROSTER_UNREADABLE',
      file,
    });
  });
});

describe('a roster file with a bad entry', () => {
  const cases: {
    situation: string;
    change: (roster: Json) => void;
    entry: string;
    problem: string;
    entryId?: string;
  }[] = [
    {
      situation: 'an onDuty that is not a boolean',
      change: (r) => (r.regions[1].inspectors[0].onDuty = 'yes'),
      entry: '$.regions[1].inspectors[0].onDuty',
      problem: 'not-a-boolean',
      entryId: 'insp-pudong-01',
    },
    {
      situation: 'an inspector without a name',
      change: (r) => delete r.regions[0].inspectors[2].name,
      entry: '$.regions[0].inspectors[2].name',
      problem: 'missing-field',
      entryId: 'insp-central-03',
    },
    {
      situation: 'a misspelt field',
      change: (r) => (r.regions[2].inspectors[1].onduty = true),
      entry: '$.regions[2].inspectors[1].onduty',
      problem: 'unknown-field',
      entryId: 'insp-northwest-02',
    },
    {
      situation: 'an id used twice',
      change: (r) => (r.regions[3].inspectors[1].id = 'insp-central-01'),
      entry: '$.regions[3].inspectors[1].id',
      problem: 'duplicate-id',
      entryId: 'insp-central-01',
    },
    {
      situation: 'an id with capitals',
      change: (r) => (r.stationOpsTeams[0].id = 'Ops-Urban'),
      entry: '$.stationOpsTeams[0].id',
      problem: 'invalid-id',
      entryId: 'Ops-Urban',
    },
    {
      situation: 'a region that does not exist',
      change: (r) => (r.regions[4].regionId = 'rp-hangzhou'),
      entry: '$.regions[4].regionId',
      problem: 'unknown-region',
      entryId: 'rp-hangzhou',
    },
    {
      situation: 'a supplier serving a region that does not exist',
      change: (r) => r.chargingPileSuppliers[1].regionIds.push('rp-moon'),
      entry: '$.chargingPileSuppliers[1].regionIds[2]',
      problem: 'unknown-region',
      entryId: 'rp-moon',
    },
    {
      situation: 'a region left without inspectors',
      change: (r) => r.regions.splice(4, 1),
      entry: '$.regions',
      problem: 'region-not-covered',
      entryId: 'rp-chongming',
    },
    {
      situation: 'a region with an empty inspector list',
      change: (r) => (r.regions[0].inspectors = []),
      entry: '$.regions[0].inspectors',
      problem: 'empty-list',
      entryId: 'rp-central',
    },
    {
      situation: 'a region no supplier serves',
      change: (r) =>
        r.chargingPileSuppliers.forEach(
          (s: Json) =>
            (s.regionIds = s.regionIds.filter(
              (id: string) => id !== 'rp-chongming',
            )),
        ),
      entry: '$.chargingPileSuppliers',
      problem: 'region-not-covered',
      entryId: 'rp-chongming',
    },
    {
      situation: 'a blank supplier name',
      change: (r) => (r.chargingPileSuppliers[2].name = '  '),
      entry: '$.chargingPileSuppliers[2].name',
      problem: 'empty-string',
      entryId: 'sup-shenbei',
    },
    {
      situation: 'no ops teams at all',
      change: (r) => delete r.stationOpsTeams,
      entry: '$.stationOpsTeams',
      problem: 'missing-field',
    },
  ];

  it.each(cases)(
    'names the entry when it has $situation',
    ({ situation, change, entry, problem, entryId }) => {
      const content = shipped();
      change(content);
      const file = writeRoster(situation.replace(/\W+/g, '-'), content);
      const error = errorOf(() => loadRoster(file));
      expect(error).toBeInstanceOf(RosterInvalidError);
      expect(error).toMatchObject({
        code: 'ROSTER_INVALID',
        file,
        entry,
        problem,
        entryId,
      });
    },
  );
});
