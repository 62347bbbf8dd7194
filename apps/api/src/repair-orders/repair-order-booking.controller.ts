import {
  Body,
  Controller,
  Inject,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REPAIR_ORDER_PROCESS_ID,
  type RepairOrderState,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import {
  EVENT_STORE,
  nextRepairOrderTimer,
  PROCESS_CATALOG,
} from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import {
  ProcessActions,
  send,
  systemActorFor,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { foldedTicket, ticketIdPipe } from '../process-actions/process-reader';
import {
  BookAppointmentDto,
  ConfirmationDto,
  RebookDto,
  ShopCannotKeepDto,
} from './dto/booking.dto';
import { EmptyDto } from './dto/empty.dto';
import { LinkedVehicleRepairCheck } from './linked-vehicle-repair';

const P = REPAIR_ORDER_PROCESS_ID;

/**
 * 维修站接待与维修 (issue #13): booking a visit against a shop's capacity
 * (G5 §1, G2 §2), the timers that ask for its confirmation, and rebooking.
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairOrderBookingController {
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    private readonly linkedRepair: LinkedVehicleRepairCheck,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {
    this.steps = actions.stepsOf(P);
  }

  @Post()
  @ApiOperation({ summary: '登记预约 (repair-shop-receptionist, fleet-admin)' })
  async book(
    @Body() body: BookAppointmentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.linkedRepair.check(req, body.vehicleRepairTicketId);
    return this.steps.run(
      req,
      res,
      undefined,
      'BookAppointment',
      'repair-shop-receptionist',
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
    // Which timer is owed is read from the log: the read model lags a
    // moment behind the step that made one owed.
    const state = (await foldedTicket(
      this.store,
      this.processes,
      P,
      id,
      req,
    )) as unknown as RepairOrderState;
    const timer = nextRepairOrderTimer(state);
    if (!timer) {
      throw new ApiError(409, 'NO_REPAIR_TIMER_OWED', 'No timer is owed', {
        ticketId: id,
        status: state.status,
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
}
