import type { Migration } from '@opsdesk/platform';

/** Tables of the station registry; run with `runMigrations`. */
export const STATIONS_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    id: 'stations/001-stations',
    sql: `
      CREATE TABLE regions (
        id             text PRIMARY KEY,
        name_zh        text NOT NULL,
        name_en        text NOT NULL,
        subsidiary_id  text NOT NULL,
        district_codes text[] NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE stations (
        id                text PRIMARY KEY,
        name              text NOT NULL,
        address           text NOT NULL,
        district_code     text NOT NULL,
        district_name     text NOT NULL,
        street_code       text NOT NULL,
        street_name       text NOT NULL,
        region_id         text NOT NULL REFERENCES regions (id),
        charging_pile_ids text[] NOT NULL DEFAULT '{}',
        updated_at        timestamptz NOT NULL DEFAULT now()
      );

      CREATE INDEX stations_region_id_idx ON stations (region_id, id);
      CREATE INDEX stations_district_code_idx ON stations (district_code, id);
    `,
  },
]);
