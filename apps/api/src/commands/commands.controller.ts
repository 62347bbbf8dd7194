import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@opsdesk/event-store';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { EVENT_STORE, PROCESS_CATALOG } from '@opsdesk/runtime';
import type { Request } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { ticketAccess } from '../auth/ticket-visibility';
import { ApiError } from '../http/api-error';
import { CommandGateway } from './command-gateway.service';
import { answerOf } from './outcome-presenter';

/** Where a `202` points: the command's outcome once a worker has run it. */
@ApiTags('commands 指令')
@ApiBearerAuth()
@Controller('commands')
export class CommandsController {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':commandId')
  @ApiOperation({ summary: 'Outcome of a command' })
  async status(@Param('commandId') commandId: string, @Req() req: Request) {
    if (!/^[0-9a-f-]{36}$/.test(commandId)) {
      throw new ApiError(400, 'INVALID_REQUEST', 'commandId must be a UUID', {
        fields: [{ field: 'path.commandId', problems: ['must be a UUID'] }],
      });
    }
    const principal = requirePrincipal(req);
    const pending = { commandId, status: 'pending' };
    const outcome = await this.gateway.status(commandId);
    if (!outcome) return pending;
    // A command on another subsidiary's ticket reads like one not yet
    // run, so command ids leak nothing either.
    const access = await ticketAccess(
      this.store,
      this.processes,
      outcome.processId,
      outcome.ticketId,
      principal,
    );
    if (access.kind === 'hidden') return pending;
    if (outcome.status === 'rejected') return outcome;
    return answerOf(outcome, this.processes);
  }
}
