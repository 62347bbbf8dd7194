import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SHOP_BOOK_PROCESS_ID, SHOP_BOOK_STATES } from '@opsdesk/domain';
import { shopBookIdOf } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import {
  ProcessActions,
  send,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import { ConfigureShopDto } from './dto/shop-book.dto';
import { SHOP_CODE } from './shop-code';

/**
 * 维修站接待与维修 (issue #13): the shops' appointment books (预约登记簿),
 * each shop's bays and parts that visits are booked against.
 */
@ApiTags('repair-orders 维修站')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('repair-orders')
export class RepairShopBooksController {
  private readonly bookReads: ProcessReads;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
  ) {
    this.bookReads = new ProcessReads(
      queries.of(SHOP_BOOK_PROCESS_ID),
      SHOP_BOOK_STATES,
    );
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
}
