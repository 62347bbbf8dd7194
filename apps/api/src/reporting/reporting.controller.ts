import {
  applyDecorators,
  Controller,
  Get,
  Inject,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { FAULT_CATEGORY_IDS } from '@opsdesk/domain';
import {
  ReportingQueries,
  type ScopedReportFilter,
} from '@opsdesk/read-models';
import { STATION_REGISTRY } from '@opsdesk/runtime';
import type { StationRegistry } from '@opsdesk/stations';
import type { Request, Response } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { scopeOf } from '../auth/principal';
import { toCsv } from './csv';
import { REPORT_COLUMNS } from './report-columns';
import {
  parseReportQuery,
  type KnownPlaces,
  type ReportQuery,
  type ReportQueryOptions,
} from './report-query';

type Rows = readonly object[];

const PAGE = { defaultLimit: 500, maxLimit: 500 };

/** The filter every report takes; documented once for the OpenAPI page. */
function FilterParams() {
  return applyDecorators(
    ApiQuery({ name: 'from', required: false, example: '2026-03-01' }),
    ApiQuery({ name: 'to', required: false, example: '2026-03-31' }),
    ApiQuery({ name: 'regionId', required: false, example: 'rp-pudong' }),
    ApiQuery({ name: 'stationId', required: false, example: 'ST-310115-007' }),
    ApiQuery({ name: 'category', required: false, enum: FAULT_CATEGORY_IDS }),
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] }),
  );
}

/**
 * 报表: the reporting projection's figures for tickets whose call fell on
 * the given Shanghai days, as JSON or as CSV (UTF-8 with a BOM), kept to
 * the caller's subsidiary unless the caller is headquarters.
 */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Controller('reports')
export class ReportingController {
  constructor(
    private readonly reports: ReportingQueries,
    @Inject(STATION_REGISTRY) private readonly stations: StationRegistry,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: '汇总 Totals over the filter' })
  @FilterParams()
  async summary(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req);
    const summary = await this.reports.summary(q.scoped);
    return this.answer(res, q, 'summary', { summary }, [
      { ...emptyFilter(), ...q.filter, ...summary },
    ]);
  }

  @Get('by-day')
  @ApiOperation({ summary: '按日 One row per day of the call' })
  @FilterParams()
  async byDay(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = await this.parse(req, { maxDays: 1096 });
    const items = await this.reports.byDay(q.scoped);
    return this.answer(res, q, 'byDay', { items }, items);
  }

  @Get('by-station-day')
  @ApiOperation({ summary: '按日×区域×网点×类别 The report_daily grain' })
  @FilterParams()
  async byStationDay(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req);
    const items = await this.reports.byStationDay(q.scoped);
    return this.answer(res, q, 'byStationDay', { items }, items);
  }

  @Get('time-to-clear')
  @ApiOperation({ summary: '清除时长 Percentiles and histogram' })
  @FilterParams()
  async timeToClear(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req);
    const report = await this.reports.timeToClear(q.scoped);
    return this.answer(res, q, 'timeToClear', report, report.buckets);
  }

  @Get('custody')
  @ApiOperation({ summary: '岗位持有时长 How long each role held tickets' })
  @FilterParams()
  async custody(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req);
    const items = await this.reports.custodyByRole(q.scoped);
    return this.answer(res, q, 'custody', { items }, items);
  }

  @Get('custody-periods')
  @ApiOperation({ summary: '持有时段 Every holding period, per ticket' })
  @FilterParams()
  @ApiQuery({ name: 'ticketId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async custodyPeriods(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req, { paged: PAGE, ticketId: true });
    const items = await this.reports.custodyPeriods(
      { ...q.scoped, ticketId: q.ticketId },
      { limit: q.limit, offset: q.offset },
    );
    return this.answer(res, q, 'custodyPeriods', page(q, items), items);
  }

  @Get('backlog')
  @ApiOperation({ summary: '未结工单 Open tickets by region and role' })
  @FilterParams()
  async backlog(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req);
    const items = await this.reports.backlog(q.scoped);
    return this.answer(res, q, 'backlog', { items }, items);
  }

  @Get('open-tickets')
  @ApiOperation({ summary: '最久未结 Open tickets, oldest first' })
  @FilterParams()
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async openTickets(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const q = await this.parse(req, {
      paged: { defaultLimit: 20, maxLimit: PAGE.maxLimit },
    });
    const items = await this.reports.openTickets(q.scoped, {
      limit: q.limit,
      offset: q.offset,
    });
    return this.answer(res, q, 'openTickets', page(q, items), items);
  }

  /**
   * The query string checked (read from the request itself: the global
   * validation pipe would refuse every parameter of an untyped object),
   * and the filter the caller's scope narrows.
   */
  private async parse(
    req: Request,
    options?: ReportQueryOptions,
  ): Promise<ReportQuery & { scoped: ScopedReportFilter }> {
    const scope = scopeOf(requirePrincipal(req));
    const query = req.query as Record<string, unknown>;
    const q = await parseReportQuery(query, await this.places(scope), options);
    return { ...q, scoped: { ...q.filter, ...scope } };
  }

  /**
   * The regions and stations a caller may name: another subsidiary's are
   * refused exactly as unknown ones, so a filter leaks nothing.
   */
  private async places(scope: { subsidiaryId?: string }): Promise<KnownPlaces> {
    const visible = (await this.stations.listRegions()).filter(
      (r) => !scope.subsidiaryId || r.subsidiaryId === scope.subsidiaryId,
    );
    const regionIds = new Set(visible.map((r) => r.id));
    return {
      regionIds,
      hasStation: async (id) => {
        const station = await this.stations.findStation(id);
        return station !== undefined && regionIds.has(station.regionId);
      },
    };
  }

  /** JSON: `{ filter, ...body }`; CSV: `rows` under the report's columns. */
  private answer(
    res: Response,
    q: ReportQuery,
    report: keyof typeof REPORT_COLUMNS,
    body: object,
    rows: Rows,
  ): object | string {
    if (q.format === 'json') return { filter: q.filter, ...body };
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="${fileName(report, q)}"`,
    );
    return toCsv(REPORT_COLUMNS[report], rows as Record<string, unknown>[]);
  }
}

function page(q: ReportQuery, items: Rows) {
  return { limit: q.limit, offset: q.offset, items };
}

function emptyFilter() {
  return {
    from: null,
    to: null,
    regionId: null,
    stationId: null,
    category: null,
  };
}

/** `report-by-day-2026-03-01_2026-03-31.csv`: ids and days only, safe. */
function fileName(report: string, q: ReportQuery): string {
  const kebab = report.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const days = [q.filter.from ?? 'start', q.filter.to ?? 'end'].join('_');
  return `report-${kebab}-${days}.csv`;
}
