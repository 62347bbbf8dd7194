import { runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../test/support/database';
import { PostgresStationRegistry } from './postgres-station-registry';
import { REGIONS } from './regions';
import { seedStations } from './seed-stations';
import { stationCatalogue } from './station-catalogue';
import { STATIONS_MIGRATIONS } from './stations.migrations';

let db: TestSchema;
let registry: PostgresStationRegistry;
const catalogue = stationCatalogue();

async function tableCounts() {
  const { rows } = await db.pool.query<{ regions: number; stations: number }>(
    `SELECT (SELECT count(*)::int FROM regions) AS regions,
            (SELECT count(*)::int FROM stations) AS stations`,
  );
  return rows[0];
}

beforeAll(async () => {
  db = await createTestSchema('stations');
  await runMigrations(db.pool, db.schema, STATIONS_MIGRATIONS);
  registry = new PostgresStationRegistry(db.pool);
});

afterAll(async () => {
  await db?.drop();
});

describe('seeding the station tables', () => {
  it('inserts every region and station the first time', async () => {
    const result = await seedStations(db.pool);
    expect(result).toEqual({
      regions: { total: REGIONS.length, inserted: REGIONS.length, updated: 0 },
      stations: {
        total: catalogue.length,
        inserted: catalogue.length,
        updated: 0,
      },
    });
    await expect(tableCounts()).resolves.toEqual({
      regions: REGIONS.length,
      stations: catalogue.length,
    });
  });

  it('changes nothing the second time', async () => {
    const result = await seedStations(db.pool);
    expect(result.regions).toMatchObject({ inserted: 0, updated: 0 });
    expect(result.stations).toMatchObject({ inserted: 0, updated: 0 });
    await expect(tableCounts()).resolves.toEqual({
      regions: REGIONS.length,
      stations: catalogue.length,
    });
  });

  it('puts back a station whose row was changed', async () => {
    const station = catalogue[5];
    await db.pool.query(`UPDATE stations SET name = 'x' WHERE id = $1`, [
      station.id,
    ]);
    const result = await seedStations(db.pool);
    expect(result.stations).toMatchObject({ inserted: 0, updated: 1 });
    await expect(registry.findStation(station.id)).resolves.toEqual(station);
  });
});

describe('the PostgreSQL station registry after seeding', () => {
  const pudong = catalogue.find((s) => s.districtCode === '310115')!;

  // Idempotent, so these cases also hold when run on their own.
  beforeAll(() => seedStations(db.pool));

  it('finds a station with all its fields', async () => {
    await expect(registry.findStation(pudong.id)).resolves.toEqual(pudong);
  });

  it('finds nothing for an unknown id', async () => {
    await expect(
      registry.findStation('ST-310115-999'),
    ).resolves.toBeUndefined();
  });

  it('lists every station of the catalogue, ordered by id', async () => {
    await expect(registry.listStations()).resolves.toEqual(
      [...catalogue].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('lists a region’s stations as the catalogue has them', async () => {
    const listed = await registry.listStations({ regionId: 'rp-northwest' });
    expect(listed).toEqual(
      catalogue.filter((s) => s.regionId === 'rp-northwest'),
    );
  });

  it('lists a subsidiary’s stations as the catalogue has them', async () => {
    const regionIds = REGIONS.filter((r) => r.subsidiaryId === 'jq').map(
      (r) => r.id,
    );
    const listed = await registry.listStations({ subsidiaryId: 'jq' });
    expect(listed).toEqual(
      catalogue.filter((s) => regionIds.includes(s.regionId)),
    );
  });

  it('lists a district by its code or by its name alike', async () => {
    const byCode = await registry.listStations({ district: '310151' });
    const byName = await registry.listStations({ district: '崇明区' });
    expect(byCode.length).toBeGreaterThan(0);
    expect(byName).toEqual(byCode);
  });

  it('knows the platform of a station', async () => {
    await expect(registry.regionOf(pudong.id)).resolves.toEqual(
      REGIONS.find((r) => r.id === 'rp-pudong'),
    );
  });

  it('knows no platform for an unknown station', async () => {
    await expect(registry.regionOf('ST-310115-999')).resolves.toBeUndefined();
  });

  it('lists the regions as defined, ordered by id', async () => {
    await expect(registry.listRegions()).resolves.toEqual(
      [...REGIONS].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});
