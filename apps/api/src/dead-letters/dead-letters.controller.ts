import {
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetters, type RoleQueueSet } from '@opsdesk/messaging';
import { ROLE_QUEUES } from '@opsdesk/runtime';
import type { Request } from 'express';
import { requireOperator } from '../auth/operator-access';
import { ApiError } from '../http/api-error';

function invalid(field: string, problem: string) {
  return new ApiError(400, 'INVALID_REQUEST', `Invalid ${field}`, {
    fields: [{ field, problems: [problem] }],
  });
}

/**
 * Jobs that failed for good, and their retry after a fix: for operators
 * only (`OPERATOR_ROLES`), since a job holds a ticket's whole command.
 */
@ApiTags('operations 运维')
@Controller('dead-letters')
export class DeadLettersController {
  private readonly letters: DeadLetters;

  constructor(@Inject(ROLE_QUEUES) queues: RoleQueueSet) {
    this.letters = new DeadLetters(queues);
  }

  @Get()
  @ApiOperation({ summary: '死信 Jobs that failed for good, newest first' })
  async list(
    @Req() req: Request,
    @Query('queue') queue: string | undefined,
    @Query('includeRejected') includeRejected: string | undefined,
    @Query(
      'limit',
      new DefaultValuePipe(100),
      new ParseIntPipe({
        exceptionFactory: () => invalid('query.limit', 'must be an integer'),
      }),
    )
    limit: number,
  ) {
    requireOperator(req);
    if (limit < 1 || limit > 1000) {
      throw invalid('query.limit', 'must be 1–1000');
    }
    if (![undefined, 'true', 'false'].includes(includeRejected)) {
      throw invalid('query.includeRejected', 'must be true or false');
    }
    const items = await this.letters.list({
      queue,
      includeRejected: includeRejected === 'true',
      limit,
    });
    return { items };
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: '重试死信 Retry a dead letter' })
  async retry(
    @Req() req: Request,
    @Param('queue') queue: string,
    @Param('jobId') jobId: string,
  ) {
    requireOperator(req);
    const retried = await this.letters.retry(queue, jobId);
    return { retried: { queue: retried.queue, jobId: retried.jobId } };
  }
}
