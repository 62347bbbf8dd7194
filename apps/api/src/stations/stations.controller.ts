import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  inspectorsOf,
  opsTeamsFor,
  suppliersFor,
  type Roster,
  type StationRegistry,
} from '@opsdesk/stations';
import { ROSTER, STATION_REGISTRY } from '@opsdesk/runtime';
import { ApiError } from '../http/api-error';

/** The station registry (网点) and regional platforms (区域平台). */
@ApiTags('stations 网点')
@Controller()
export class StationsController {
  constructor(
    @Inject(STATION_REGISTRY) private readonly stations: StationRegistry,
    @Inject(ROSTER) private readonly rosterConfig: Roster,
  ) {}

  @Get('stations')
  @ApiOperation({ summary: '网点列表 Stations' })
  async list(
    @Query('regionId') regionId?: string,
    @Query('district') district?: string,
  ) {
    return { items: await this.stations.listStations({ regionId, district }) };
  }

  @Get('stations/:stationId')
  async one(@Param('stationId') stationId: string) {
    const station = await this.stations.findStation(stationId);
    if (!station) {
      throw new ApiError(404, 'STATION_NOT_FOUND', `No station ${stationId}`, {
        stationId,
      });
    }
    return station;
  }

  @Get('regions')
  @ApiOperation({ summary: '区域平台 Regional platforms' })
  async regions() {
    return { items: await this.stations.listRegions() };
  }

  @Get('regions/:regionId/roster')
  @ApiOperation({ summary: '区域值班表 Who works in a region' })
  async roster(@Param('regionId') regionId: string) {
    const region = (await this.stations.listRegions()).find(
      (r) => r.id === regionId,
    );
    if (!region) {
      throw new ApiError(404, 'REGION_NOT_FOUND', `No region ${regionId}`, {
        regionId,
      });
    }
    return {
      region,
      inspectors: inspectorsOf(this.rosterConfig, regionId),
      stationOpsTeams: opsTeamsFor(this.rosterConfig, regionId),
      chargingPileSuppliers: suppliersFor(this.rosterConfig, regionId),
    };
  }
}
