import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RosterUnreadableError } from './roster.errors';
import { parseRoster } from './roster.validation';

/** A regional inspector (区域巡检) who may be sent to a station (P20 4.4). */
export interface Inspector {
  id: string;
  name: string;
  onDuty: boolean;
}

export interface RegionRoster {
  regionId: string;
  inspectors: readonly Inspector[];
}

/** A station operations team (网点运维团队) and the regions it covers. */
export interface StationOpsTeam {
  id: string;
  name: string;
  regionIds: readonly string[];
}

/** A charging-pile supplier (充电桩供应商) and the regions it serves. */
export interface ChargingPileSupplier {
  id: string;
  name: string;
  regionIds: readonly string[];
}

/** Who works where: read from configuration, never from events. */
export interface Roster {
  regions: readonly RegionRoster[];
  stationOpsTeams: readonly StationOpsTeam[];
  chargingPileSuppliers: readonly ChargingPileSupplier[];
}

/** `config/roster.json` at the repository root (same depth from src and dist). */
export const DEFAULT_ROSTER_FILE = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'config',
  'roster.json',
);

/**
 * Reads and validates the roster: `file` if given, else `ROSTER_FILE`,
 * else the default. Throws `RosterUnreadableError` or a
 * `RosterInvalidError` naming the first bad entry.
 */
export function loadRoster(
  file?: string,
  env: NodeJS.ProcessEnv = process.env,
): Roster {
  const path = resolve(file ?? (env.ROSTER_FILE || DEFAULT_ROSTER_FILE));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read failed';
    throw new RosterUnreadableError(path, code);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RosterUnreadableError(path, (error as Error).message);
  }
  return parseRoster(json, path);
}

/** Every inspector of a region, on duty or not. */
export function inspectorsOf(
  roster: Roster,
  regionId: string,
): readonly Inspector[] {
  return roster.regions.find((r) => r.regionId === regionId)?.inspectors ?? [];
}

/** The inspectors a region's platform may send now (P20 4.4). */
export function onDutyInspectors(
  roster: Roster,
  regionId: string,
): Inspector[] {
  return inspectorsOf(roster, regionId).filter((i) => i.onDuty);
}

/** The ops teams covering a region (P20 4.10). */
export function opsTeamsFor(roster: Roster, regionId: string) {
  return roster.stationOpsTeams.filter((t) => t.regionIds.includes(regionId));
}

/** The charging-pile suppliers serving a region (P20 4.10). */
export function suppliersFor(roster: Roster, regionId: string) {
  return roster.chargingPileSuppliers.filter((s) =>
    s.regionIds.includes(regionId),
  );
}
