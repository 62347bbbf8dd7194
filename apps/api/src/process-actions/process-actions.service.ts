import { Inject, Injectable } from '@nestjs/common';
import type { Actor, RoleId } from '@opsdesk/domain';
import type { ProcessCatalog } from '@opsdesk/messaging';
import { PROCESS_CATALOG } from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import { actingActor } from '../auth/acting-actor';
import { CommandGateway } from '../commands/command-gateway.service';
import { present } from '../commands/outcome-presenter';
import { idempotencyKeyOf } from '../http/request-actor';

export type ProcessAnswer = ReturnType<typeof present>;

/**
 * The actor of a command, only ever from the verified token (every route
 * but the public ones is authenticated, so there is no other source).
 */
export function actorFor(
  request: Request,
  defaultRole: RoleId,
  processId: string,
  command: string,
): Actor {
  return actingActor(request, defaultRole, processId, command);
}

/**
 * One process's action endpoints: the outcome's status (201 when the
 * command came without a ticket, i.e. opened one) and its body.
 */
export interface ProcessSteps {
  run(
    request: Request,
    response: Response,
    ticketId: string | undefined,
    type: string,
    defaultRole: RoleId,
    payload: object,
  ): Promise<ProcessAnswer['body']>;
}

/** The shared steps of every action endpoint of a process. */
@Injectable()
export class ProcessActions {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {}

  async act(
    request: Request,
    processId: string,
    ticketId: string | undefined,
    type: string,
    defaultRole: RoleId,
    payload: Record<string, unknown>,
    actor: Actor = actorFor(request, defaultRole, processId, type),
  ): Promise<ProcessAnswer> {
    const key = idempotencyKeyOf(request);

    const result = await this.gateway.issue({
      processId,
      ticketId,
      type,
      payload,
      actor,
      idempotency: key ? { key, request: request.body as unknown } : undefined,
    });

    return present(result, this.processes, processId);
  }

  /** The action endpoints of one process: act, then answer the request. */
  stepsOf(processId: string): ProcessSteps {
    return {
      run: async (request, response, ticketId, type, role, payload) => {
        const answer = await this.act(
          request,
          processId,
          ticketId,
          type,
          role,
          {
            ...payload,
          },
        );
        return send(response, answer, ticketId === undefined);
      },
    };
  }
}

/**
 * The system's hand, for work a timer would do anyway (the decider runs
 * only what is due by the clock): recorded as automatic, with the person
 * who asked for it in the actor id.
 */
export function systemActorFor(
  request: Request,
  processId: string,
  command: string,
): Actor {
  const caller = actingActor(request, 'cs-supervisor', processId, command);
  return {
    id: `system:run-by:${caller.id}`,
    role: 'system',
    kind: 'automatic',
    ...(caller.subsidiary !== undefined && { subsidiary: caller.subsidiary }),
  };
}

/** Sets the status (201 for a created ticket) and returns the body. */
export function send(
  response: Response,
  answer: ProcessAnswer,
  created = false,
) {
  response.status(created && answer.status === 200 ? 201 : answer.status);
  return answer.body;
}
