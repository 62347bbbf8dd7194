import {
  Body,
  Controller,
  Inject,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { toStationSnapshot, type StationRegistry } from '@opsdesk/stations';
import { STATION_REGISTRY } from '@opsdesk/runtime';
import { deterministicUuid } from '@opsdesk/platform';
import type { Request, Response } from 'express';
import { ApiActAsHeader } from '../auth/act-as.header';
import { requirePrincipal } from '../auth/acting-actor';
import { scopeOf } from '../auth/principal';
import {
  AssignInspectionDto,
  AssignOpsTeamDto,
  ClassifyFaultDto,
  CreateFaultTaskDto,
  DispatchToRegionDto,
  EscalateDto,
  HandlingResultDto,
  InformReporterDto,
  InspectionResultDto,
  NotifyCustomerServiceDto,
  ReportResultDto,
  ReportUnresolvedDto,
  StartInspectionDto,
} from './dto/action.dto';
import { ReportStationFaultDto } from './dto/report-station-fault.dto';
import { NamedPartiesCheck } from './named-parties';
import { reportedStation } from './reported-station';
import { StationFaultActions } from './station-fault-actions.service';
import { ticketIdPipe } from './ticket-id.pipe';

type Answer = Awaited<ReturnType<StationFaultActions['act']>>;

function send(response: Response, answer: Answer, created = false) {
  response.status(created && answer.status === 200 ? 201 : answer.status);
  return answer.body;
}

/** One endpoint per action of the station fault process (网点故障上报流程). */
@ApiTags('station-faults 网点故障')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiActAsHeader()
@Controller('station-faults')
export class StationFaultsController {
  constructor(
    private readonly actions: StationFaultActions,
    private readonly namedParties: NamedPartiesCheck,
    @Inject(STATION_REGISTRY) private readonly stations: StationRegistry,
  ) {}

  @Post()
  @ApiOperation({ summary: '4.1 接听来电并记录网点故障 (cs-phone-agent)' })
  async report(
    @Body() body: ReportStationFaultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { station, region } = await reportedStation(
      this.stations,
      body,
      scopeOf(requirePrincipal(req)).subsidiaryId,
    );
    const answer = await this.actions.act(
      req,
      undefined,
      'ReportStationFault',
      'cs-phone-agent',
      {
        reporter: body.reporter,
        callTime: body.callTime ?? new Date().toISOString(),
        station: toStationSnapshot(station, region.subsidiaryId),
        faultDescription: body.faultDescription,
        suspectedChargingPile: body.suspectedChargingPile,
        ...(body.chargingPileId ? { chargingPileId: body.chargingPileId } : {}),
      },
    );
    return send(res, answer, true);
  }

  @Post(':ticketId/create-task')
  @ApiOperation({ summary: '4.2 新建任务并发送调度 (cs-phone-agent)' })
  async createTask(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: CreateFaultTaskDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(req, id, 'CreateFaultTask', 'cs-phone-agent', {
        ...body,
      }),
    );
  }

  @Post(':ticketId/dispatch')
  @ApiOperation({ summary: '4.3 派发任务给区域平台 (dispatch-manager)' })
  async dispatch(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DispatchToRegionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const payload = {
      ...body,
      decision: { mode: 'manual', ruleVersion: 'manual', inputs: {} },
    };
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'DispatchToRegion',
        'dispatch-manager',
        payload,
      ),
    );
  }

  @Post(':ticketId/assign-inspection')
  @ApiOperation({ summary: '4.4 指派查看网点任务 (regional-platform)' })
  async assignInspection(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: AssignInspectionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.namedParties.check(req, id, { inspectorId: body.inspectorId });
    const payload = {
      ...body,
      decision: { mode: 'manual', ruleVersion: 'manual', inputs: {} },
    };
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'AssignInspection',
        'regional-platform',
        payload,
      ),
    );
  }

  @Post(':ticketId/start-inspection')
  @ApiOperation({ summary: '4.5 巡检到达现场 (regional-inspector)' })
  async startInspection(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: StartInspectionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(req, id, 'StartInspection', 'regional-inspector', {
        ...body,
      }),
    );
  }

  @Post(':ticketId/inspection-result')
  @ApiOperation({
    summary: '4.6/4.7 巡检结果：已排除或未排除 (regional-inspector)',
  })
  async inspectionResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: InspectionResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // As sent: the decider refuses the other outcome's fields by name.
    const payload = { ...body };
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'ReportInspectionResult',
        'regional-inspector',
        payload,
      ),
    );
  }

  @Post(':ticketId/report-unresolved')
  @ApiOperation({ summary: '4.8 区域平台反馈调度 (regional-platform)' })
  async reportUnresolved(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReportUnresolvedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'ReportUnresolvedToDispatch',
        'regional-platform',
        { ...body },
      ),
    );
  }

  @Post(':ticketId/escalate')
  @ApiOperation({ summary: '4.9 调度上报网点管理岗 (dispatch-manager)' })
  async escalate(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: EscalateDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'EscalateToStationManager',
        'dispatch-manager',
        { ...body },
      ),
    );
  }

  @Post(':ticketId/assign-ops-team')
  @ApiOperation({ summary: '4.10 指派网点运维团队 (station-manager)' })
  async assignOpsTeam(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: AssignOpsTeamDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.namedParties.check(req, id, { opsTeamId: body.opsTeamId });
    return send(
      res,
      await this.actions.act(req, id, 'AssignOpsTask', 'station-manager', {
        ...body,
      }),
    );
  }

  @Post(':ticketId/classify')
  @ApiOperation({ summary: '4.10 判断是否充电桩问题 (station-ops-team)' })
  async classify(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ClassifyFaultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (body.isChargingPileIssue) {
      await this.namedParties.check(req, id, {
        supplierId: body.supplierId,
        chargingPileId: body.chargingPileId,
      });
    }
    const payload = body.isChargingPileIssue
      ? {
          isChargingPileIssue: true,
          supplierId: body.supplierId,
          chargingPileId: body.chargingPileId,
        }
      : {
          isChargingPileIssue: false,
          repairTicketId:
            body.repairTicketId ??
            `SRM-${deterministicUuid(`repair:${id}`).slice(0, 8)}`,
        };
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'ClassifyFault',
        'station-ops-team',
        payload,
      ),
    );
  }

  @Post(':ticketId/supplier-result')
  @ApiOperation({ summary: 'G-a 供应商反馈处理结果 (charging-pile-supplier)' })
  async supplierResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: HandlingResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'CompleteSupplierHandling',
        'charging-pile-supplier',
        { ...body },
      ),
    );
  }

  @Post(':ticketId/ops-repair-result')
  @ApiOperation({ summary: '运维维修完成 (station-ops-team)' })
  async opsRepairResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: HandlingResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(req, id, 'CompleteOpsRepair', 'station-ops-team', {
        ...body,
      }),
    );
  }

  @Post(':ticketId/report-result')
  @ApiOperation({ summary: 'G-b 运维团队反馈网点管理岗 (station-ops-team)' })
  async reportResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReportResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'ReportResultToStationManager',
        'station-ops-team',
        { ...body },
      ),
    );
  }

  @Post(':ticketId/notify-customer-service')
  @ApiOperation({
    summary: '4.11 处理结果告知客服中心 (station-manager / station-ops-team)',
  })
  async notifyCustomerService(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: NotifyCustomerServiceDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(
        req,
        id,
        'NotifyCustomerService',
        'station-manager',
        { ...body },
      ),
    );
  }

  @Post(':ticketId/inform-reporter')
  @ApiOperation({ summary: 'G-c 告知报修方并关闭 (cs-phone-agent)' })
  async informReporter(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: InformReporterDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.actions.act(req, id, 'InformReporter', 'cs-phone-agent', {
        ...body,
      }),
    );
  }
}
