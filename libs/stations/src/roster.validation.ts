import { REGION_IDS } from './regions';
import { RosterInvalidError, type RosterProblem } from './roster.errors';
import type {
  ChargingPileSupplier,
  Inspector,
  RegionRoster,
  Roster,
  StationOpsTeam,
} from './roster';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Fields = Record<string, unknown>;

/** Walks the parsed file; the first bad entry stops it. */
class RosterReader {
  private readonly ids = new Set<string>();

  constructor(private readonly file: string) {}

  fail(entry: string, problem: RosterProblem, entryId?: string): never {
    throw new RosterInvalidError(this.file, entry, problem, entryId);
  }

  object(value: unknown, entry: string, fields: readonly string[]): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(entry, 'not-an-object');
    }
    const record = value as Fields;
    // Own keys only, so a `__proto__` key in the JSON is caught here too.
    const id = typeof record.id === 'string' ? record.id : undefined;
    for (const key of Object.keys(record)) {
      if (!fields.includes(key)) {
        this.fail(`${entry}.${key}`, 'unknown-field', id);
      }
    }
    for (const key of fields) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) {
        this.fail(`${entry}.${key}`, 'missing-field', id);
      }
    }
    return record;
  }

  list(value: unknown, entry: string, entryId?: string): unknown[] {
    if (!Array.isArray(value)) this.fail(entry, 'not-a-list', entryId);
    if (value.length === 0) this.fail(entry, 'empty-list', entryId);
    return value;
  }

  text(value: unknown, entry: string, entryId?: string): string {
    if (typeof value !== 'string') this.fail(entry, 'not-a-string', entryId);
    if (value.trim() === '') this.fail(entry, 'empty-string', entryId);
    return value;
  }

  flag(value: unknown, entry: string, entryId?: string): boolean {
    if (typeof value !== 'boolean') this.fail(entry, 'not-a-boolean', entryId);
    return value;
  }

  /** Ids become actor ids, so they must be unique across the roster. */
  id(value: unknown, entry: string): string {
    const id = this.text(value, entry);
    if (!ID.test(id)) this.fail(entry, 'invalid-id', id);
    if (this.ids.has(id)) this.fail(entry, 'duplicate-id', id);
    this.ids.add(id);
    return id;
  }

  regionIds(value: unknown, entry: string, entryId: string): string[] {
    const seen = new Set<string>();
    return this.list(value, entry, entryId).map((item, i) => {
      const regionId = this.text(item, `${entry}[${i}]`, entryId);
      if (!REGION_IDS.includes(regionId)) {
        this.fail(`${entry}[${i}]`, 'unknown-region', regionId);
      }
      if (seen.has(regionId)) {
        this.fail(`${entry}[${i}]`, 'duplicate-region', regionId);
      }
      seen.add(regionId);
      return regionId;
    });
  }
}

function readInspector(r: RosterReader, value: unknown, at: string): Inspector {
  const f = r.object(value, at, ['id', 'name', 'onDuty']);
  const id = r.id(f.id, `${at}.id`);
  return {
    id,
    name: r.text(f.name, `${at}.name`, id),
    onDuty: r.flag(f.onDuty, `${at}.onDuty`, id),
  };
}

function readRegions(r: RosterReader, value: unknown): RegionRoster[] {
  const seen = new Set<string>();
  const regions = r.list(value, '$.regions').map((item, i) => {
    const at = `$.regions[${i}]`;
    const f = r.object(item, at, ['regionId', 'inspectors']);
    const regionId = r.text(f.regionId, `${at}.regionId`);
    if (!REGION_IDS.includes(regionId)) {
      r.fail(`${at}.regionId`, 'unknown-region', regionId);
    }
    if (seen.has(regionId)) {
      r.fail(`${at}.regionId`, 'duplicate-region', regionId);
    }
    seen.add(regionId);
    const inspectors = r
      .list(f.inspectors, `${at}.inspectors`, regionId)
      .map((x, j) => readInspector(r, x, `${at}.inspectors[${j}]`));
    return { regionId, inspectors };
  });
  // 4.4 needs an inspector in every region the dispatcher can route to.
  for (const regionId of REGION_IDS) {
    if (!seen.has(regionId)) {
      r.fail('$.regions', 'region-not-covered', regionId);
    }
  }
  return regions;
}

/** Teams and suppliers share a shape: id, name, the regions served. */
function readServices(
  r: RosterReader,
  value: unknown,
  at: string,
): StationOpsTeam[] | ChargingPileSupplier[] {
  const services = r.list(value, at).map((item, i) => {
    const entry = `${at}[${i}]`;
    const f = r.object(item, entry, ['id', 'name', 'regionIds']);
    const id = r.id(f.id, `${entry}.id`);
    return {
      id,
      name: r.text(f.name, `${entry}.name`, id),
      regionIds: r.regionIds(f.regionIds, `${entry}.regionIds`, id),
    };
  });
  // 4.10 hands every region's faults to a team and, for piles, a supplier.
  for (const regionId of REGION_IDS) {
    if (!services.some((s) => s.regionIds.includes(regionId))) {
      r.fail(at, 'region-not-covered', regionId);
    }
  }
  return services;
}

/** Validates a parsed roster file; `file` names it in every error. */
export function parseRoster(json: unknown, file: string): Roster {
  const r = new RosterReader(file);
  const top = r.object(json, '$', [
    'regions',
    'stationOpsTeams',
    'chargingPileSuppliers',
  ]);
  return {
    regions: readRegions(r, top.regions),
    stationOpsTeams: readServices(r, top.stationOpsTeams, '$.stationOpsTeams'),
    chargingPileSuppliers: readServices(
      r,
      top.chargingPileSuppliers,
      '$.chargingPileSuppliers',
    ),
  };
}
