import { regionForDistrict } from './regions';
import { SeededRandom } from './seeded-random';
import {
  shanghaiDistricts,
  shanghaiStreets,
  type District,
  type Street,
} from './shanghai-divisions';
import type { Station } from './station';
import { nameStation } from './station-naming';

/** P20's date (2017-06-08); any fixed number would do. */
export const CATALOGUE_SEED = 20170608;
export const CATALOGUE_SIZE = 240;

const MAX_PILES = 8;
const MAX_PER_DISTRICT = 999;

// Stations per street relative to each other: dense in the centre,
// sparse on Chongming island.
const REGION_DENSITY: Readonly<Record<string, number>> = {
  'rp-central': 1.4,
  'rp-pudong': 1.6,
  'rp-northwest': 0.9,
  'rp-southwest': 0.9,
  'rp-chongming': 0.3,
};

// State farms and forest farms (农场/林场) are divisions of their own in
// the data but have no car-sharing stations.
function hostsStations(street: Street): boolean {
  return !/(农场|林场)$/.test(street.name);
}

export interface CatalogueOptions {
  seed?: number;
  /** At least one station per district: 16 or more. */
  count?: number;
}

interface DistrictPlan {
  district: District;
  regionId: string;
  streets: Street[];
  weight: number;
}

function planDistricts(): DistrictPlan[] {
  const streets = shanghaiStreets().filter(hostsStations);
  return shanghaiDistricts().map((district) => {
    const region = regionForDistrict(district.code);
    if (!region) {
      throw new Error(`District ${district.code} belongs to no region`);
    }
    const own = streets.filter((s) => s.districtCode === district.code);
    const density = REGION_DENSITY[region.id] ?? 1;
    return {
      district,
      regionId: region.id,
      streets: own,
      weight: own.length * density,
    };
  });
}

/** Largest-remainder share of `count` by weight; ties go to the first. */
function allocate(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * count);
  const shares = exact.map(Math.floor);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e - Math.floor(e) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = count - shares.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k++, left--) {
    shares[byRemainder[k % byRemainder.length].i] += 1;
  }
  return shares;
}

function uniqueNaming(
  random: SeededRandom,
  plan: DistrictPlan,
  street: Street,
  taken: Set<string>,
) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const naming = nameStation(random, plan.district.name, street);
    if (!taken.has(naming.name)) {
      taken.add(naming.name);
      return naming;
    }
  }
  throw new Error(`No free station name left in street ${street.code}`);
}

// Code-unit order, not localeCompare: the output must not depend on the
// machine's locale.
function byKey<T>(key: (item: T) => string) {
  return (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function pileIds(stationId: string, count: number): readonly string[] {
  return Object.freeze(
    Array.from(
      { length: count },
      (_, p) => `${stationId}-CP${String(p + 1).padStart(2, '0')}`,
    ),
  );
}

function stationsOfDistrict(
  random: SeededRandom,
  plan: DistrictPlan,
  share: number,
  taken: Set<string>,
): Station[] {
  if (share > MAX_PER_DISTRICT) {
    // Three digits in the id: more would break STATION_ID_PATTERN.
    throw new RangeError(
      `District ${plan.district.code} would get ${share} stations; at most ${MAX_PER_DISTRICT} fit the id`,
    );
  }
  // Round-robin over shuffled streets spreads stations evenly; sorting by
  // street code then numbers them street by street.
  const order = random.shuffle(plan.streets);
  const picks = Array.from(
    { length: share },
    (_, i) => order[i % order.length],
  ).sort(byKey((street) => street.code));

  return picks.map((street, i) => {
    const id = `ST-${plan.district.code}-${String(i + 1).padStart(3, '0')}`;
    const naming = uniqueNaming(random, plan, street, taken);
    return Object.freeze({
      id,
      name: naming.name,
      address: naming.address,
      districtCode: plan.district.code,
      districtName: plan.district.name,
      streetCode: street.code,
      streetName: street.name,
      regionId: plan.regionId,
      chargingPileIds: pileIds(id, random.int(0, MAX_PILES)),
    });
  });
}

/**
 * Generates the station catalogue over Shanghai's real districts and
 * streets. The same options give the same stations, in the same order
 * (by id), on every run.
 */
export function generateStationCatalogue(
  options: CatalogueOptions = {},
): Station[] {
  const { seed = CATALOGUE_SEED, count = CATALOGUE_SIZE } = options;
  const plans = planDistricts();
  if (!Number.isInteger(count) || count < plans.length) {
    throw new RangeError(
      `Catalogue size must be an integer of at least ${plans.length}`,
    );
  }
  const random = new SeededRandom(seed);
  const taken = new Set<string>();

  // One station per district first, so that every district has one.
  const shares = allocate(
    count - plans.length,
    plans.map((p) => p.weight),
  ).map((share) => share + 1);

  return plans
    .flatMap((plan, i) => stationsOfDistrict(random, plan, shares[i], taken))
    .sort(byKey((station) => station.id));
}

let defaultCatalogue: readonly Station[] | undefined;

/** The catalogue with the default seed and size, generated once. */
export function stationCatalogue(): readonly Station[] {
  defaultCatalogue ??= Object.freeze(generateStationCatalogue());
  return defaultCatalogue;
}
