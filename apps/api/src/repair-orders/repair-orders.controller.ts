import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REPAIR_ORDER_PROCESS_ID,
  REPAIR_ORDER_STATES,
  SHOP_BOOK_PROCESS_ID,
  SHOP_BOOK_STATES,
  type RepairOrderState,
} from '@opsdesk/domain';
import { repairStatistics } from '@opsdesk/read-models';
import { nextRepairOrderTimer, PG_POOL, shopBookIdOf } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { ApiError } from '../http/api-error';
import {
  ProcessActions,
  send,
  systemActorFor,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe, visibilityOf } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import {
  BookAppointmentDto,
  ConfirmationDto,
  RebookDto,
  ShopCannotKeepDto,
} from './dto/booking.dto';
import { EmptyDto } from './dto/empty.dto';
import { NoteDto } from './dto/note.dto';
import {
  AuthorisationDto,
  ReceiveDto,
  RegisterWalkInDto,
} from './dto/reception.dto';
import {
  DeliverDto,
  FeeDisputeDto,
  ResolveDisputeDto,
  SettleDto,
  SurveyDto,
} from './dto/settlement.dto';
import { ConfigureShopDto } from './dto/shop-book.dto';
import {
  ChangeDecisionDto,
  ChangeDto,
  InspectionDto,
  ProgressDto,
  SelfCheckDto,
  WorkOrderDto,
} from './dto/work.dto';

const P = REPAIR_ORDER_PROCESS_ID;
const SHOP_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * 维修站接待与维修 (issue #13; the repair texts G2 车辆维修报修流程方案,
 * G5 汽车维修服务流程图, G6–G9): one endpoint per action of a shop visit,
 * the shops' appointment books, and the reads.
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairOrdersController {
  private readonly reads: ProcessReads;
  private readonly bookReads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    this.reads = new ProcessReads(queries.of(P), REPAIR_ORDER_STATES);
    this.bookReads = new ProcessReads(
      queries.of(SHOP_BOOK_PROCESS_ID),
      SHOP_BOOK_STATES,
    );
    this.steps = actions.stepsOf(P);
  }

  @Post('shops/:shopCode')
  @ApiOperation({ summary: '设置维修站工位和配件库存 (fleet-admin)' })
  async configureShop(
    @Param('shopCode') shopCode: string,
    @Body() body: ConfigureShopDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!SHOP_CODE.test(shopCode)) {
      throw new ApiError(400, 'INVALID_REQUEST', 'Bad shop code', {
        fields: [
          { field: 'path.shopCode', problems: ['letters, digits, - _'] },
        ],
      });
    }
    const answer = await this.actions.act(
      req,
      SHOP_BOOK_PROCESS_ID,
      shopBookIdOf(shopCode),
      'ConfigureShop',
      'fleet-admin',
      { ...body, shopCode },
    );
    return send(res, answer);
  }

  @Get('shop-books/:ticketId')
  @ApiOperation({ summary: '维修站预约登记簿 A shop’s appointment book' })
  shopBook(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.bookReads.ticket(req, id);
  }

  @Get('shop-books/:ticketId/timeline')
  @ApiOperation({ summary: '预约登记簿时间线 The book’s timeline' })
  shopBookTimeline(
    @Req() req: Request,
    @Param('ticketId', ticketIdPipe) id: string,
  ) {
    return this.bookReads.timeline(req, id);
  }

  @Post()
  @ApiOperation({ summary: '登记预约 (repair-shop-receptionist, fleet-admin)' })
  async book(
    @Body() body: BookAppointmentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      undefined,
      'BookAppointment',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post('walk-ins')
  @ApiOperation({ summary: '未预约来店接待 (receptionist, quick team)' })
  async walkIn(
    @Body() body: RegisterWalkInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      undefined,
      'RegisterWalkIn',
      body.kind === 'quick-repair'
        ? 'repair-quick-team'
        : 'repair-shop-receptionist',
      body,
    );
  }

  /**
   * Issues the appointment timer the visit is owed now (the delayed job
   * does the same on its own); refused unless it is due by the clock.
   */
  @Post(':ticketId/run-due-timers')
  @ApiOperation({ summary: '执行到期的预约确认计时 (system)' })
  async runDue(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() _body: EmptyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.reads.ticket(req, id);
    const timer = nextRepairOrderTimer(
      view.state as unknown as RepairOrderState,
    );
    if (!timer) {
      throw new ApiError(409, 'NO_REPAIR_TIMER_OWED', 'No timer is owed', {
        ticketId: id,
        status: view.status,
      });
    }
    const answer = await this.actions.act(
      req,
      P,
      id,
      timer.type,
      'system',
      { bookingSeq: timer.bookingSeq },
      systemActorFor(req, P, timer.type),
    );
    return send(res, answer);
  }

  @Post(':ticketId/confirmation')
  @ApiOperation({ summary: '客户确认或不能赴约 (receptionist)' })
  confirm(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ConfirmationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordConfirmation',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/shop-cannot-keep')
  @ApiOperation({ summary: '维修站无法履约·提前告知 (receptionist)' })
  cannotKeep(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ShopCannotKeepDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ShopCannotKeepAppointment',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/rebook')
  @ApiOperation({ summary: '重新预约 (receptionist)' })
  rebook(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RebookDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RebookAppointment',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/receive')
  @ApiOperation({ summary: '预约车辆到店接车 (receptionist)' })
  receive(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReceiveDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReceiveBookedVehicle',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/authorisation')
  @ApiOperation({ summary: '签署维修委托书 (receptionist, quick team)' })
  authorise(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: AuthorisationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'SignRepairAuthorisation',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/work-order')
  @ApiOperation({ summary: '开具派工单 (receptionist, quick team)' })
  workOrder(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: WorkOrderDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'IssueWorkOrder',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/progress')
  @ApiOperation({ summary: '通报维修进度 (repair-technician)' })
  progress(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ProgressDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReportRepairProgress',
      'repair-technician',
      body,
    );
  }

  @Post(':ticketId/changes')
  @ApiOperation({ summary: '提出维修变更 (repair-technician)' })
  change(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ChangeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ProposeRepairChange',
      'repair-technician',
      body,
    );
  }

  @Post(':ticketId/change-decision')
  @ApiOperation({ summary: '客户对维修变更的意见 (receptionist)' })
  changeDecision(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ChangeDecisionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordChangeDecision',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/self-check')
  @ApiOperation({ summary: '技师自检 (repair-technician)' })
  selfCheck(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SelfCheckDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'CompleteSelfCheck',
      'repair-technician',
      body,
    );
  }

  @Post(':ticketId/inspection')
  @ApiOperation({ summary: '质检 (repair-quality-inspector)' })
  inspection(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: InspectionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordQualityInspection',
      'repair-quality-inspector',
      body,
    );
  }

  @Post(':ticketId/settle')
  @ApiOperation({ summary: '核对费用清单、结算并开票 (repair-cashier)' })
  settle(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SettleDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'SettleRepairCosts',
      'repair-cashier',
      body,
    );
  }

  @Post(':ticketId/fee-dispute')
  @ApiOperation({ summary: '费用争议 (repair-cashier)' })
  dispute(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: FeeDisputeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RaiseFeeDispute',
      'repair-cashier',
      body,
    );
  }

  @Post(':ticketId/fee-dispute/resolve')
  @ApiOperation({ summary: '费用争议处理结果 (repair-cashier)' })
  resolve(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ResolveDisputeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ResolveFeeDispute',
      'repair-cashier',
      body,
    );
  }

  @Post(':ticketId/deliver')
  @ApiOperation({ summary: '签修理单、清洁并交车 (receptionist)' })
  deliver(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: DeliverDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'DeliverVehicle',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/survey')
  @ApiOperation({ summary: '满意度调查 (receptionist, cs-phone-agent)' })
  survey(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SurveyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RecordSatisfactionSurvey',
      'repair-shop-receptionist',
      body,
    );
  }

  @Post(':ticketId/archive')
  @ApiOperation({ summary: '维修记录归档 (receptionist, cashier)' })
  archive(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: NoteDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ArchiveRepairOrder',
      'repair-shop-receptionist',
      body,
    );
  }

  @Get('report')
  @ApiOperation({ summary: '报表：按上海日期、状态、结果 Reporting rows' })
  report(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.report(req, query);
  }

  /**
   * G8 §8: repeat repairs per vehicle and time per stage, over the visits
   * of the caller's subsidiary (all of them for headquarters).
   */
  @Get('statistics')
  @ApiOperation({ summary: '维修统计：返修与各阶段用时 Statistics' })
  statistics(@Req() req: Request, @Query('shopCode') shopCode?: unknown) {
    if (
      shopCode !== undefined &&
      (typeof shopCode !== 'string' || !SHOP_CODE.test(shopCode))
    ) {
      throw new ApiError(400, 'INVALID_REQUEST', 'Invalid query.shopCode', {
        fields: [
          {
            field: 'query.shopCode',
            problems: ['one shop code: letters, digits, - _'],
          },
        ],
      });
    }
    return repairStatistics(this.pool, visibilityOf(req), shopCode);
  }

  @Get('inbox/:role')
  @ApiOperation({ summary: '岗位待办 A role’s inbox' })
  inbox(
    @Req() req: Request,
    @Param('role') role: string,
    @Query() query: Record<string, unknown>,
  ) {
    return this.reads.inbox(req, role, query);
  }

  @Get()
  @ApiOperation({ summary: '维修单列表 List' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '维修单详情 Ticket view' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
