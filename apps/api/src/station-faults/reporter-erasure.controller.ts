import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiActAsHeader } from '../auth/act-as.header';
import { EraseReporterDto } from './dto/action.dto';
import { ReporterErasure } from './reporter-erasure.service';
import { ticketIdPipe } from './ticket-id.pipe';

/** A reporter's erasure on request: not a step of the process itself. */
@ApiTags('station-faults 网点故障')
@ApiBearerAuth()
@ApiActAsHeader()
@Controller('station-faults')
export class ReporterErasureController {
  constructor(private readonly erasure: ReporterErasure) {}

  @Post(':ticketId/erase-reporter')
  @HttpCode(200)
  @ApiOperation({
    // As it was when the process's controller held it: generated clients
    // keep their method name.
    operationId: 'StationFaultsController_eraseReporter',
    summary:
      '删除报修方个人信息 Erase the reporter’s name and phone (cs-supervisor, hq-cs-manager)',
  })
  async eraseReporter(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() _body: EraseReporterDto,
    @Req() req: Request,
  ) {
    return this.erasure.erase(req, id);
  }
}
