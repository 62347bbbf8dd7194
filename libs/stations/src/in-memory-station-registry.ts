import { REGIONS, type Region } from './regions';
import type { Station } from './station';
import { stationCatalogue } from './station-catalogue';
import type { StationFilter, StationRegistry } from './station-registry';

/** The registry over the generated catalogue, for tests and the demo. */
export class InMemoryStationRegistry implements StationRegistry {
  private readonly stations: ReadonlyMap<string, Station>;
  private readonly regions: ReadonlyMap<string, Region>;

  constructor(
    stations: readonly Station[] = stationCatalogue(),
    regions: readonly Region[] = REGIONS,
  ) {
    const byId = (a: { id: string }, b: { id: string }) =>
      a.id.localeCompare(b.id);
    this.stations = new Map([...stations].sort(byId).map((s) => [s.id, s]));
    this.regions = new Map([...regions].sort(byId).map((r) => [r.id, r]));
  }

  async findStation(id: string): Promise<Station | undefined> {
    return this.stations.get(id);
  }

  async listStations(filter: StationFilter = {}): Promise<Station[]> {
    const { regionId, district, subsidiaryId } = filter;
    return [...this.stations.values()].filter(
      (s) =>
        (regionId === undefined || s.regionId === regionId) &&
        (district === undefined ||
          s.districtCode === district ||
          s.districtName === district) &&
        (subsidiaryId === undefined ||
          this.regions.get(s.regionId)?.subsidiaryId === subsidiaryId),
    );
  }

  async regionOf(stationId: string): Promise<Region | undefined> {
    const station = this.stations.get(stationId);
    return station && this.regions.get(station.regionId);
  }

  async listRegions(): Promise<Region[]> {
    return [...this.regions.values()];
  }
}
