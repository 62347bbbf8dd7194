import type { Pool } from 'pg';
import type { Region } from './regions';
import type { Station } from './station';
import type { StationFilter, StationRegistry } from './station-registry';

interface StationRow {
  id: string;
  name: string;
  address: string;
  district_code: string;
  district_name: string;
  street_code: string;
  street_name: string;
  region_id: string;
  charging_pile_ids: string[];
}

interface RegionRow {
  id: string;
  name_zh: string;
  name_en: string;
  subsidiary_id: string;
  district_codes: string[];
}

const STATION_COLUMNS = `s.id, s.name, s.address, s.district_code,
  s.district_name, s.street_code, s.street_name, s.region_id,
  s.charging_pile_ids`;

const REGION_COLUMNS =
  'r.id, r.name_zh, r.name_en, r.subsidiary_id, r.district_codes';

function toStation(row: StationRow): Station {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    districtCode: row.district_code,
    districtName: row.district_name,
    streetCode: row.street_code,
    streetName: row.street_name,
    regionId: row.region_id,
    chargingPileIds: row.charging_pile_ids,
  };
}

function toRegion(row: RegionRow): Region {
  return {
    id: row.id,
    name: row.name_zh,
    nameEn: row.name_en,
    subsidiaryId: row.subsidiary_id,
    districtCodes: row.district_codes,
  };
}

/**
 * The registry over the `regions` and `stations` tables
 * (`STATIONS_MIGRATIONS`). The pool's search_path must already name the
 * schema that holds them, as `createPool` arranges.
 */
export class PostgresStationRegistry implements StationRegistry {
  constructor(private readonly pool: Pool) {}

  async findStation(id: string): Promise<Station | undefined> {
    const { rows } = await this.pool.query<StationRow>(
      `SELECT ${STATION_COLUMNS} FROM stations s WHERE s.id = $1`,
      [id],
    );
    return rows[0] && toStation(rows[0]);
  }

  async listStations(filter: StationFilter = {}): Promise<Station[]> {
    const { rows } = await this.pool.query<StationRow>(
      `SELECT ${STATION_COLUMNS} FROM stations s
        WHERE ($1::text IS NULL OR s.region_id = $1)
          AND ($2::text IS NULL
               OR s.district_code = $2 OR s.district_name = $2)
          AND ($3::text IS NULL OR s.region_id IN
               (SELECT r.id FROM regions r WHERE r.subsidiary_id = $3))
        ORDER BY s.id COLLATE "C"`,
      [
        filter.regionId ?? null,
        filter.district ?? null,
        filter.subsidiaryId ?? null,
      ],
    );
    return rows.map(toStation);
  }

  async regionOf(stationId: string): Promise<Region | undefined> {
    const { rows } = await this.pool.query<RegionRow>(
      `SELECT ${REGION_COLUMNS}
         FROM stations s JOIN regions r ON r.id = s.region_id
        WHERE s.id = $1`,
      [stationId],
    );
    return rows[0] && toRegion(rows[0]);
  }

  async listRegions(): Promise<Region[]> {
    const { rows } = await this.pool.query<RegionRow>(
      `SELECT ${REGION_COLUMNS} FROM regions r ORDER BY r.id COLLATE "C"`,
    );
    return rows.map(toRegion);
  }
}
