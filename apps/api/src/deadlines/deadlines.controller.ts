import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  checkDeadlinePolicyDraft,
  DEADLINE_POLICY_PROCESS_ID,
  DEADLINE_STEPS,
  FieldChecks,
  isPolicyName,
  isRoleId,
  versionInForce,
  type DeadlinePolicyDraft,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import {
  DeadlineAlerts,
  DeadlinePolicies,
  whatIfOverPeriod,
  type ProcessCatalog,
} from '@opsdesk/messaging';
import { ChinaWorkingCalendar, type Clock } from '@opsdesk/platform';
import {
  CLOCK,
  deadlineSettings,
  EVENT_STORE,
  PG_POOL,
  PROCESS_CATALOG,
} from '@opsdesk/runtime';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { requirePrincipal } from '../auth/acting-actor';
import { ApiError } from '../http/api-error';
import {
  ProcessActions,
  send,
} from '../process-actions/process-actions.service';
import { invalid, notFound, pageOf } from '../process-actions/process-reader';
import { PublishDeadlinePolicyDto, WhatIfDto } from './deadline-policy.dto';
import { visibleAlerts } from './visible-alerts';

const MAX_WHAT_IF_DAYS = 92;

function policyName(name: string): string {
  if (!isPolicyName(name)) {
    throw invalid('path.name', 'a-z, 0-9 and -, 1 to 40 characters');
  }
  return name;
}

/** Deadline policies (时限规则), their what-if replays and the alerts they raise. */
@ApiTags('deadlines 时限')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller()
export class DeadlinesController {
  private readonly alerts: DeadlineAlerts;
  private readonly calendar = new ChinaWorkingCalendar();
  private readonly inForce = deadlineSettings().policy;

  constructor(
    private readonly actions: ProcessActions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROCESS_CATALOG) private readonly processes: ProcessCatalog,
  ) {
    this.alerts = new DeadlineAlerts(pool);
  }

  @Get('deadline-policies/:name')
  @ApiOperation({ summary: '时限规则的各版本 Versions of a policy' })
  async policy(@Param('name') name: string) {
    const versions = await new DeadlinePolicies(
      this.store,
      policyName(name),
    ).versions();
    if (versions.length === 0) {
      throw new ApiError(404, 'POLICY_NOT_FOUND', `No policy ${name}`, {
        policy: name,
      });
    }
    const now = this.clock.now().toISOString();
    return {
      policy: name,
      governsSteps: name === this.inForce,
      versionInForce: versionInForce(versions, now)?.version ?? null,
      versions,
    };
  }

  @Post('deadline-policies/:name/versions')
  @ApiOperation({ summary: '发布新版本（生效时间不早于发布） (cs-supervisor)' })
  async publish(
    @Param('name') name: string,
    @Body() body: PublishDeadlinePolicyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.actions.act(
      req,
      DEADLINE_POLICY_PROCESS_ID,
      policyName(name),
      'PublishDeadlinePolicy',
      'cs-supervisor',
      { ...body },
    );
    return send(res, answer, true);
  }

  @Post('deadline-policies/:name/what-if')
  @ApiOperation({
    summary: '假设分析：按拟议规则重放一段时间 What-if over a period',
  })
  async whatIf(@Param('name') name: string, @Body() body: WhatIfDto) {
    const from = Date.parse(body.from);
    const to = Date.parse(body.to);
    if (!(from < to)) throw invalid('to', 'must be after from');
    if (to - from > MAX_WHAT_IF_DAYS * 24 * 3600 * 1000) {
      throw invalid('to', `at most ${MAX_WHAT_IF_DAYS} days after from`);
    }
    const policy = await this.proposal(policyName(name), body);
    return whatIfOverPeriod(
      this.store,
      { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      policy,
      this.calendar,
    );
  }

  @Get('deadline-alerts')
  @ApiOperation({ summary: '时限预警与超时提醒 A role’s deadline alerts' })
  async roleAlerts(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
  ) {
    const role = query.role;
    if (typeof role !== 'string' || !isRoleId(role)) {
      throw invalid('query.role', 'must be a role id');
    }
    const { limit } = pageOf(query.limit, 0);
    // TODO(#7): filtered after the limit, so a page may hold fewer than
    // `limit` alerts when other subsidiaries' rows were among them; a
    // subsidiary column on the alerts would filter in the query.
    const items = await visibleAlerts(
      await this.alerts.forRole(role, limit),
      requirePrincipal(req),
      this.store,
      this.processes,
    );
    return { role, items };
  }

  @Get('deadline-alerts/tickets/:ticketId')
  @ApiOperation({ summary: '一张工单的时限提醒 Alerts of a ticket' })
  async ticketAlerts(@Param('ticketId') ticketId: string, @Req() req: Request) {
    if (!/^[0-9a-f-]{36}$/.test(ticketId)) {
      throw invalid('path.ticketId', 'must be a UUID');
    }
    const alerts = await this.alerts.forTicket(ticketId);
    const items = await visibleAlerts(
      alerts,
      requirePrincipal(req),
      this.store,
      this.processes,
    );
    // Another subsidiary's ticket answers as one that does not exist.
    if (alerts.length > 0 && items.length === 0) {
      throw notFound(ticketId);
    }
    return { ticketId, items };
  }

  private async proposal(
    name: string,
    body: WhatIfDto,
  ): Promise<DeadlinePolicyDraft> {
    if ((body.policy === undefined) === (body.version === undefined)) {
      throw invalid('policy', 'give either policy or version');
    }
    if (body.version !== undefined) {
      const versions = await new DeadlinePolicies(this.store, name).versions();
      const found = versions.find((v) => v.version === body.version);
      if (!found)
        throw invalid('version', `no version ${body.version} of ${name}`);
      return found;
    }
    const checks = new FieldChecks();
    checkDeadlinePolicyDraft(checks, 'policy', body.policy, DEADLINE_STEPS);
    if (checks.problems.length > 0) {
      throw new ApiError(400, 'INVALID_REQUEST', 'Invalid policy', {
        fields: checks.problems.map(({ field, message }) => ({
          field,
          problems: [message],
        })),
      });
    }
    return body.policy as unknown as DeadlinePolicyDraft;
  }
}
