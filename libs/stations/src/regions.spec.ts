import { REGIONS, SUBSIDIARIES, regionForDistrict } from './regions';
import { shanghaiDistricts } from './shanghai-divisions';

describe('the regional platforms of Shanghai', () => {
  it('put each of the 16 districts in exactly one platform', () => {
    const listed = REGIONS.flatMap((r) => r.districtCodes).sort();
    const real = shanghaiDistricts()
      .map((d) => d.code)
      .sort();
    expect(real).toHaveLength(16);
    expect(listed).toEqual(real);
  });

  it('number five to six, each with an rp- id and both names', () => {
    expect(REGIONS.length).toBeGreaterThanOrEqual(5);
    expect(REGIONS.length).toBeLessThanOrEqual(6);
    for (const region of REGIONS) {
      expect(region.id).toMatch(/^rp-[a-z]+$/);
      expect(region.name).toMatch(/区域平台$/);
      expect(region.nameEn).toMatch(/regional platform$/);
    }
  });

  it('belong to the city subsidiary or the suburban one, each having some', () => {
    expect(SUBSIDIARIES.map((s) => s.id)).toEqual(['sh', 'jq']);
    expect(
      Object.fromEntries(REGIONS.map((r) => [r.id, r.subsidiaryId])),
    ).toEqual({
      'rp-central': 'sh',
      'rp-pudong': 'sh',
      'rp-northwest': 'jq',
      'rp-southwest': 'jq',
      'rp-chongming': 'jq',
    });
  });

  it('route Pudong to the Pudong platform', () => {
    expect(regionForDistrict('310115')?.id).toBe('rp-pudong');
  });

  it('route an unknown district nowhere', () => {
    expect(regionForDistrict('320101')).toBeUndefined();
  });
});
