import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REPAIR_ORDER_PROCESS_ID } from '@opsdesk/domain';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import {
  ChangeDecisionDto,
  ChangeDto,
  InspectionDto,
  RepairProgressDto,
  RepairSelfCheckDto,
  WorkOrderDto,
} from './dto/work.dto';

/**
 * 维修站接待与维修 (issue #13): the repair itself, from the work order
 * through progress and changes to the self-check and quality inspection.
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairOrderWorkController {
  private readonly steps: ProcessSteps;

  constructor(actions: ProcessActions) {
    this.steps = actions.stepsOf(REPAIR_ORDER_PROCESS_ID);
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
    @Body() body: RepairProgressDto,
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
    @Body() body: RepairSelfCheckDto,
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
}
