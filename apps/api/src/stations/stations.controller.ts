import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  inspectorsOf,
  opsTeamsFor,
  STATION_ID_PATTERN,
  suppliersFor,
  type Region,
  type Roster,
  type StationRegistry,
} from '@opsdesk/stations';
import { ROSTER, STATION_REGISTRY } from '@opsdesk/runtime';
import type { Request } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { scopeOf } from '../auth/principal';
import { ApiError } from '../http/api-error';

const REGION_ID = /^rp-[a-z]{1,30}$/;
const DISTRICT = /^(31\d{4}|[\p{Script=Han}]{1,10})$/u;

function invalid(field: string, problem: string) {
  return new ApiError(400, 'INVALID_REQUEST', `Invalid ${field}`, {
    fields: [{ field, problems: [problem] }],
  });
}

function stationNotFound(stationId: string) {
  return new ApiError(404, 'STATION_NOT_FOUND', `No station ${stationId}`, {
    stationId,
  });
}

function regionNotFound(regionId: string) {
  return new ApiError(404, 'REGION_NOT_FOUND', `No region ${regionId}`, {
    regionId,
  });
}

/**
 * The station registry (网点) and regional platforms (区域平台), each
 * caller seeing those of their own subsidiary (headquarters: all). A
 * station or region of another subsidiary is answered as unknown.
 */
@ApiTags('stations 网点')
@ApiBearerAuth()
@Controller()
export class StationsController {
  constructor(
    @Inject(STATION_REGISTRY) private readonly stations: StationRegistry,
    @Inject(ROSTER) private readonly rosterConfig: Roster,
  ) {}

  @Get('stations')
  @ApiOperation({ summary: '网点列表 Stations' })
  async list(
    @Req() req: Request,
    @Query('regionId') regionId?: string,
    @Query('district') district?: string,
  ) {
    if (regionId !== undefined && !REGION_ID.test(regionId)) {
      throw invalid('query.regionId', 'must look like rp-pudong');
    }
    if (district !== undefined && !DISTRICT.test(district)) {
      throw invalid('query.district', 'a district code (310115) or name');
    }
    const scope = scopeOf(requirePrincipal(req));
    return {
      items: await this.stations.listStations({
        regionId,
        district,
        ...scope,
      }),
    };
  }

  @Get('stations/:stationId')
  async one(@Param('stationId') stationId: string, @Req() req: Request) {
    if (!STATION_ID_PATTERN.test(stationId)) {
      throw invalid('path.stationId', 'must look like ST-310115-007');
    }
    const station = await this.stations.findStation(stationId);
    const region = station && (await this.stations.regionOf(stationId));
    if (!station || !region || !this.sees(req, region)) {
      throw stationNotFound(stationId);
    }
    return station;
  }

  @Get('regions')
  @ApiOperation({ summary: '区域平台 Regional platforms' })
  async regions(@Req() req: Request) {
    const regions = await this.stations.listRegions();
    return { items: regions.filter((region) => this.sees(req, region)) };
  }

  @Get('regions/:regionId/roster')
  @ApiOperation({ summary: '区域值班表 Who works in a region' })
  async roster(@Param('regionId') regionId: string, @Req() req: Request) {
    if (!REGION_ID.test(regionId)) {
      throw invalid('path.regionId', 'must look like rp-pudong');
    }
    const region = (await this.stations.listRegions()).find(
      (r) => r.id === regionId,
    );
    if (!region || !this.sees(req, region)) throw regionNotFound(regionId);
    return {
      region,
      inspectors: inspectorsOf(this.rosterConfig, regionId),
      stationOpsTeams: opsTeamsFor(this.rosterConfig, regionId),
      chargingPileSuppliers: suppliersFor(this.rosterConfig, regionId),
    };
  }

  private sees(req: Request, region: Region): boolean {
    const { subsidiaryId } = scopeOf(requirePrincipal(req));
    return subsidiaryId === undefined || region.subsidiaryId === subsidiaryId;
  }
}
