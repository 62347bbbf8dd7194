import type { Pool } from 'pg';
import { REGIONS, type Region } from './regions';
import type { Station } from './station';
import { stationCatalogue } from './station-catalogue';

export interface UpsertCounts {
  /** Rows the seed describes. */
  total: number;
  inserted: number;
  /** Existing rows whose content differed. */
  updated: number;
}

export interface SeedStationsResult {
  regions: UpsertCounts;
  stations: UpsertCounts;
}

// Rows travel as one JSON parameter: a single statement per table, and
// pg would otherwise turn a JS array into a PostgreSQL array literal.
// `xmax = 0` marks a row version this statement inserted rather than
// updated; unchanged rows are not returned at all (the WHERE below).
const UPSERT_REGIONS = `
  INSERT INTO regions AS t (id, name_zh, name_en, subsidiary_id, district_codes)
  SELECT id, name_zh, name_en, subsidiary_id, district_codes
    FROM jsonb_to_recordset($1::jsonb) AS x(
      id text, name_zh text, name_en text, subsidiary_id text,
      district_codes text[])
  ON CONFLICT (id) DO UPDATE SET
    name_zh = excluded.name_zh,
    name_en = excluded.name_en,
    subsidiary_id = excluded.subsidiary_id,
    district_codes = excluded.district_codes,
    updated_at = now()
  WHERE (t.name_zh, t.name_en, t.subsidiary_id, t.district_codes)
    IS DISTINCT FROM (excluded.name_zh, excluded.name_en,
                      excluded.subsidiary_id, excluded.district_codes)
  RETURNING (xmax = 0) AS inserted`;

const UPSERT_STATIONS = `
  INSERT INTO stations AS t (id, name, address, district_code,
    district_name, street_code, street_name, region_id, charging_pile_ids)
  SELECT id, name, address, district_code, district_name, street_code,
         street_name, region_id, charging_pile_ids
    FROM jsonb_to_recordset($1::jsonb) AS x(
      id text, name text, address text, district_code text,
      district_name text, street_code text, street_name text,
      region_id text, charging_pile_ids text[])
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    address = excluded.address,
    district_code = excluded.district_code,
    district_name = excluded.district_name,
    street_code = excluded.street_code,
    street_name = excluded.street_name,
    region_id = excluded.region_id,
    charging_pile_ids = excluded.charging_pile_ids,
    updated_at = now()
  WHERE (t.name, t.address, t.district_code, t.district_name,
         t.street_code, t.street_name, t.region_id, t.charging_pile_ids)
    IS DISTINCT FROM (excluded.name, excluded.address,
         excluded.district_code, excluded.district_name,
         excluded.street_code, excluded.street_name,
         excluded.region_id, excluded.charging_pile_ids)
  RETURNING (xmax = 0) AS inserted`;

function counts(total: number, rows: { inserted: boolean }[]): UpsertCounts {
  const inserted = rows.filter((r) => r.inserted).length;
  return { total, inserted, updated: rows.length - inserted };
}

/**
 * Upserts the regions and the station catalogue in one transaction.
 * Running it again changes nothing. Rows no longer in the catalogue are
 * kept, because tickets may still name them.
 */
export async function seedStations(
  pool: Pool,
  stations: readonly Station[] = stationCatalogue(),
  regions: readonly Region[] = REGIONS,
): Promise<SeedStationsResult> {
  const regionRows = regions.map((r) => ({
    id: r.id,
    name_zh: r.name,
    name_en: r.nameEn,
    subsidiary_id: r.subsidiaryId,
    district_codes: r.districtCodes,
  }));
  const stationRows = stations.map((s) => ({
    id: s.id,
    name: s.name,
    address: s.address,
    district_code: s.districtCode,
    district_name: s.districtName,
    street_code: s.streetCode,
    street_name: s.streetName,
    region_id: s.regionId,
    charging_pile_ids: s.chargingPileIds,
  }));

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const regionResult = await client.query<{ inserted: boolean }>(
      UPSERT_REGIONS,
      [JSON.stringify(regionRows)],
    );
    const stationResult = await client.query<{ inserted: boolean }>(
      UPSERT_STATIONS,
      [JSON.stringify(stationRows)],
    );
    await client.query('COMMIT');
    return {
      regions: counts(regionRows.length, regionResult.rows),
      stations: counts(stationRows.length, stationResult.rows),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
