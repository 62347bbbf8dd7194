import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REPAIR_ORDER_PROCESS_ID } from '@opsdesk/domain';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { NoteDto } from './dto/note.dto';
import {
  DeliverDto,
  FeeDisputeDto,
  ResolveDisputeDto,
  RepairSettleDto,
  RepairSurveyDto,
} from './dto/settlement.dto';

/**
 * 维修站接待与维修 (issue #13): settling the costs (G8 §7), a fee dispute,
 * delivery, the satisfaction survey and the archived record.
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairOrderSettlementController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(REPAIR_ORDER_PROCESS_ID);
  }

  @Post(':ticketId/settle')
  @ApiOperation({ summary: '核对费用清单、结算并开票 (repair-cashier)' })
  settle(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: RepairSettleDto,
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
    @Body() body: RepairSurveyDto,
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
}
