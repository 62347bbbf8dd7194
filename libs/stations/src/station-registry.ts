import type { Region } from './regions';
import type { Station } from './station';

export interface StationFilter {
  regionId?: string;
  /** A district's six-digit code (`310115`) or its name (`浦东新区`). */
  district?: string;
  /** Only stations whose region belongs to this subsidiary. */
  subsidiaryId?: string;
}

/** Where stations and regional platforms are looked up (P20 4.1, 4.3). */
export interface StationRegistry {
  /** `undefined` when no station has the id. */
  findStation(id: string): Promise<Station | undefined>;
  /** Matching stations ordered by id; every station without a filter. */
  listStations(filter?: StationFilter): Promise<Station[]>;
  /** The platform a station's task is dispatched to; `undefined` if unknown. */
  regionOf(stationId: string): Promise<Region | undefined>;
  /** Every regional platform, ordered by id. */
  listRegions(): Promise<Region[]>;
}
