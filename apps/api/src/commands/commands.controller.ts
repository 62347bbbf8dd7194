import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { PROCESS_CATALOG } from '@opsdesk/runtime';
import { ApiError } from '../http/api-error';
import { CommandGateway } from './command-gateway.service';
import { answerOf } from './outcome-presenter';

/** Where a `202` points: the command's outcome once a worker has run it. */
@ApiTags('commands 指令')
@Controller('commands')
export class CommandsController {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {}

  @Get(':commandId')
  @ApiOperation({ summary: 'Outcome of a command' })
  async status(@Param('commandId') commandId: string) {
    if (!/^[0-9a-f-]{36}$/.test(commandId)) {
      throw new ApiError(400, 'INVALID_REQUEST', 'commandId must be a UUID', {
        fields: [{ field: 'path.commandId', problems: ['must be a UUID'] }],
      });
    }
    const outcome = await this.gateway.status(commandId);
    if (!outcome) return { commandId, status: 'pending' };
    if (outcome.status === 'rejected') return outcome;
    return answerOf(outcome, this.processes);
  }
}
