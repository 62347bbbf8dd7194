import { InMemoryStationRegistry } from './in-memory-station-registry';
import { toStationSnapshot } from './station';
import { stationCatalogue } from './station-catalogue';

describe('the in-memory station registry over the catalogue', () => {
  const registry = new InMemoryStationRegistry();
  const catalogue = stationCatalogue();
  const pudong = catalogue.find((s) => s.districtCode === '310115')!;

  it('finds a station by id', async () => {
    await expect(registry.findStation(pudong.id)).resolves.toEqual(pudong);
  });

  it('finds nothing for an unknown id', async () => {
    await expect(
      registry.findStation('ST-310115-999'),
    ).resolves.toBeUndefined();
  });

  it('lists every station, ordered by id, without a filter', async () => {
    const all = await registry.listStations();
    expect(all.map((s) => s.id)).toEqual(catalogue.map((s) => s.id).sort());
  });

  it('lists a region’s stations only', async () => {
    const listed = await registry.listStations({ regionId: 'rp-chongming' });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((s) => s.districtName === '崇明区')).toBe(true);
  });

  it('lists a district by its code or by its name alike', async () => {
    const byCode = await registry.listStations({ district: '310115' });
    const byName = await registry.listStations({ district: '浦东新区' });
    expect(byCode.length).toBeGreaterThan(0);
    expect(byName).toEqual(byCode);
  });

  it('combines region and district filters', async () => {
    const none = await registry.listStations({
      regionId: 'rp-central',
      district: '310115',
    });
    expect(none).toEqual([]);
  });

  it('lists a subsidiary’s stations only, those of its regions', async () => {
    const suburbs = await registry.listStations({ subsidiaryId: 'jq' });
    expect(suburbs.length).toBeGreaterThan(0);
    expect(new Set(suburbs.map((s) => s.regionId))).toEqual(
      new Set(['rp-northwest', 'rp-southwest', 'rp-chongming']),
    );
    const all = await registry.listStations();
    const city = await registry.listStations({ subsidiaryId: 'sh' });
    expect(city.length + suburbs.length).toBe(all.length);
  });

  it('knows the platform of a station', async () => {
    await expect(registry.regionOf(pudong.id)).resolves.toMatchObject({
      id: 'rp-pudong',
      name: '浦东区域平台',
      subsidiaryId: 'sh',
    });
  });

  it('knows no platform for an unknown station', async () => {
    await expect(registry.regionOf('ST-310115-999')).resolves.toBeUndefined();
  });

  it('lists the five regions ordered by id', async () => {
    const regions = await registry.listRegions();
    expect(regions.map((r) => r.id)).toEqual([
      'rp-central',
      'rp-chongming',
      'rp-northwest',
      'rp-pudong',
      'rp-southwest',
    ]);
  });
});

describe('a station snapshot for a fault ticket', () => {
  it('carries the id, names, address and region of the station', () => {
    const station = stationCatalogue()[0];
    expect(toStationSnapshot(station)).toEqual({
      id: station.id,
      name: station.name,
      address: station.address,
      district: station.districtName,
      street: station.streetName,
      regionId: station.regionId,
    });
  });
});
