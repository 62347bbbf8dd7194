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
  AuthorisationDto,
  ReceiveDto,
  RegisterWalkInDto,
} from './dto/reception.dto';
import { LinkedVehicleRepairCheck } from './linked-vehicle-repair';

/**
 * 维修站接待与维修 (issue #13): receiving the vehicle, with an appointment
 * or without (G5 §2), and the customer's signed 维修委托书 (G6).
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairOrderReceptionController {
  private readonly steps: ProcessSteps;

  constructor(
    actions: ProcessActions,
    private readonly linkedRepair: LinkedVehicleRepairCheck,
  ) {
    this.steps = actions.stepsOf(REPAIR_ORDER_PROCESS_ID);
  }

  @Post('walk-ins')
  @ApiOperation({ summary: '未预约来店接待 (receptionist, quick team)' })
  async walkIn(
    @Body() body: RegisterWalkInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.linkedRepair.check(req, body.vehicleRepairTicketId);
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
}
