import type { StationSnapshot } from '@opsdesk/domain';

/**
 * `ST-<district code>-<nnn>`: `ST-`, the six-digit code of the Shanghai
 * district (always `31xxxx`), and a three-digit number counted per
 * district from `001`. Example: `ST-310115-007`.
 */
export const STATION_ID_PATTERN = /^ST-31\d{4}-\d{3}$/;

/** `<station id>-CP<nn>`, counted per station from `01`. */
export const CHARGING_PILE_ID_PATTERN = /^ST-31\d{4}-\d{3}-CP\d{2}$/;

/** A rental station (网点) of the operator. */
export interface Station {
  id: string;
  name: string;
  address: string;
  districtCode: string;
  districtName: string;
  streetCode: string;
  streetName: string;
  regionId: string;
  /** Zero to eight charging piles (充电桩); the count is the length. */
  chargingPileIds: readonly string[];
}

/**
 * What a fault ticket records about its station (P20 4.1); with the
 * subsidiary of the station's region, which then owns the ticket.
 */
export function toStationSnapshot(
  station: Station,
  subsidiaryId?: string,
): StationSnapshot {
  return {
    id: station.id,
    name: station.name,
    address: station.address,
    district: station.districtName,
    street: station.streetName,
    regionId: station.regionId,
    ...(subsidiaryId ? { subsidiaryId } : {}),
  };
}
