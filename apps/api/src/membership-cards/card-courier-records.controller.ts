import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CARD_COURIER_RECORD_PROCESS_ID,
  CARD_COURIER_RECORD_STATES,
} from '@opsdesk/domain';
import type { Clock } from '@opsdesk/platform';
import { CLOCK, courierRecordIdOf } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import {
  ProcessActions,
  send,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { invalid } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import { RecordCardMailedDto } from './dto/membership-card.dto';

const P = CARD_COURIER_RECORD_PROCESS_ID;

/** The marketing post's courier record of each member (市场会员卡进度审核流程 4.1). */
@ApiTags('card-courier-records 会员卡寄送记录')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('card-courier-records')
export class CardCourierRecordsController {
  private readonly reads: ProcessReads;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reads = new ProcessReads(queries.of(P), CARD_COURIER_RECORD_STATES);
  }

  @Post()
  @ApiOperation({ summary: '3.1 录入会员卡快递信息 (marketing-manager)' })
  async record(
    @Body() body: RecordCardMailedDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { mailedAt, ...rest } = body;
    const answer = await this.actions.act(
      req,
      P,
      // One record per member: the id comes from the member id.
      courierRecordIdOf(body.memberId),
      'RecordCardMailed',
      'marketing-manager',
      { ...rest, mailedAt: mailedAt ?? this.clock.now().toISOString() },
    );
    return send(res, answer, true);
  }

  // TODO(#11): the answers' ticket links name the record's derived id,
  // which this route does not take; it takes the member id.
  @Get(':memberId')
  @ApiOperation({ summary: '会员的寄送记录 A member’s courier record' })
  byMember(@Req() req: Request, @Param('memberId') memberId: string) {
    if (memberId.trim() === '' || memberId.length > 64) {
      throw invalid('path.memberId', 'must be a member id');
    }
    return this.reads.ticket(req, courierRecordIdOf(memberId));
  }
}
