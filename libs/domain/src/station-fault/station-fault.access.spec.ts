import {
  NotAssigneeError,
  StationNotFoundError,
  TicketNotFoundError,
  type Actor,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { StationFaultCommand } from './station-fault.commands';
import type { StationFaultEvent } from './station-fault.events';
import {
  INSPECTOR_ID,
  NOW,
  OPS_TEAM_ID,
  SUPPLIER_ID,
  TICKET_ID,
  command,
  ctx,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';
import type { StationFaultStatus } from './station-fault.states';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

/** The events a command appends for an actor on a ticket in a history. */
function decide(
  cmd: StationFaultCommand,
  history: StationFaultEvent[],
  actor: Actor,
): StationFaultEvent[] {
  return stationFaultProcess.decide(
    cmd,
    given(history).state,
    { now: NOW, actor },
    defaultStationFaultConfig,
  );
}

const station = { ...payloads.report.station, subsidiaryId: 'sh' };

/** The history of a state, for a station of the `sh` subsidiary. */
function ownedBySh(status: StationFaultStatus): StationFaultEvent[] {
  return historyOf[status].map((event) =>
    event.type === 'station-fault.fault-recorded'
      ? { ...event, data: { ...event.data, station } }
      : event,
  );
}

const inSh = (actor: Actor) => ({ ...actor, subsidiary: 'sh' });

describe('a ticket of one subsidiary', () => {
  const createTask = command('CreateFaultTask', payloads.createTask);

  it('is found by a person of that subsidiary', () => {
    const decided = decide(
      createTask,
      ownedBySh('RECORDED'),
      ctx('cs-phone-agent', { subsidiary: 'sh' }).actor,
    );
    expect(decided.map((e) => e.type)).toEqual(['station-fault.task-created']);
  });

  it('is not found by a person of another subsidiary, as if it did not exist', () => {
    given(ownedBySh('RECORDED'))
      .when(createTask, ctx('cs-phone-agent', { subsidiary: 'jq' }))
      .thenThrows(TicketNotFoundError, {
        httpStatus: 404,
        ticketId: TICKET_ID,
      });
  });

  it('is not found by a person who names no subsidiary', () => {
    given(ownedBySh('RECORDED'))
      .when(createTask, ctx('cs-phone-agent'))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('is found by headquarters whatever its own subsidiary', () => {
    const decided = decide(
      createTask,
      ownedBySh('RECORDED'),
      ctx('cs-phone-agent', { subsidiary: 'hq', headquarters: true }).actor,
    );
    expect(decided).toHaveLength(1);
  });

  it('is still reached by automatic work, which runs for every subsidiary', () => {
    const decided = decide(
      command('DispatchToRegion', payloads.dispatch),
      ownedBySh('AWAITING_DISPATCH'),
      ctx('dispatch-manager', {
        id: 'auto:dispatch-manager',
        kind: 'automatic',
      }).actor,
    );
    expect(decided).toHaveLength(1);
  });
});

describe('a ticket written before tickets named their subsidiary', () => {
  it('is seen by headquarters only', () => {
    given(historyOf.RECORDED)
      .when(
        command('CreateFaultTask', {}),
        ctx('cs-phone-agent', { subsidiary: 'sh' }),
      )
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });
});

describe('an intake at a station of another subsidiary', () => {
  const report = command('ReportStationFault', {
    ...payloads.report,
    station,
  });

  it('is refused as an unknown station', () => {
    given([])
      .when(report, ctx('cs-phone-agent', { subsidiary: 'jq' }))
      .thenThrows(StationNotFoundError, {
        httpStatus: 404,
        stationId: station.id,
      });
  });

  it('records the subsidiary on the station snapshot when the agent may see it', () => {
    const decided = decide(
      report,
      [],
      ctx('cs-phone-agent', { subsidiary: 'sh' }).actor,
    );
    expect(decided[1].data).toMatchObject({ station: { subsidiaryId: 'sh' } });
  });
});

describe('an assigned step taken by someone else in the role', () => {
  const cases = [
    {
      step: 'the inspector’s visit',
      status: 'INSPECTION_ASSIGNED' as const,
      command: command('StartInspection', {}),
      actor: ctx('regional-inspector', { id: 'inspector-liu-yang' }).actor,
      assigneeId: INSPECTOR_ID,
      permission: 'station-fault:StartInspection',
    },
    {
      step: 'operations’ classification',
      status: 'AT_OPS_TEAM' as const,
      command: command('ClassifyFault', payloads.classifyNotPile),
      actor: ctx('station-ops-team', { org: 'ops-team-songjiang-2' }).actor,
      assigneeId: OPS_TEAM_ID,
      permission: 'station-fault:ClassifyFault',
    },
    {
      step: 'operations’ own repair',
      status: 'OPS_REPAIRING' as const,
      command: command('CompleteOpsRepair', payloads.opsFixed),
      actor: ctx('station-ops-team', { org: 'ops-team-songjiang-2' }).actor,
      assigneeId: OPS_TEAM_ID,
      permission: 'station-fault:CompleteOpsRepair',
    },
    {
      step: 'the supplier’s repair',
      status: 'SUPPLIER_HANDLING' as const,
      command: command('CompleteSupplierHandling', payloads.supplierFixed),
      actor: ctx('charging-pile-supplier', { org: 'supplier-other' }).actor,
      assigneeId: SUPPLIER_ID,
      permission: 'station-fault:CompleteSupplierHandling',
    },
    {
      step: 'the result operations report',
      status: 'HANDLING_DONE' as const,
      command: command(
        'ReportResultToStationManager',
        payloads.resultToManager,
      ),
      actor: ctx('station-ops-team', { org: undefined }).actor,
      assigneeId: OPS_TEAM_ID,
      permission: 'station-fault:ReportResultToStationManager',
    },
  ];

  describe.each(cases)('$step', (c) => {
    it('is refused with 403 naming the permission and the assignee', () => {
      const error = given(ownedBySh(c.status))
        .when(c.command, { now: NOW, actor: inSh(c.actor) })
        .thenThrows(NotAssigneeError, {
          httpStatus: 403,
          assigneeId: c.assigneeId,
          actorId: c.actor.id,
        });
      expect(error.details()).toMatchObject({
        permission: c.permission,
        requires: 'assignee-or-lead',
      });
    });

    const lead = { ...c.actor, lead: true };
    const byId = { ...c.actor, id: c.assigneeId, org: undefined };
    const byOrg = { ...c.actor, id: 'someone', org: c.assigneeId };
    const decided = (actor: typeof c.actor) =>
      decide(c.command, ownedBySh(c.status), inSh(actor));

    it('is decided for the assignee by the org they work for, and its lead', () => {
      expect(decided(byOrg).length).toBeGreaterThan(0);
      expect(decided({ ...byOrg, lead: true }).length).toBeGreaterThan(0);
    });

    if (c.actor.role === 'charging-pile-supplier') {
      // A supplier is a firm outside the operator: only the firm counts.
      it('is refused for the lead of the role at another firm', () => {
        expect(() => decided(lead)).toThrow(NotAssigneeError);
      });

      it('is refused for a person whose id spells the assigned firm’s', () => {
        expect(() => decided(byId)).toThrow(NotAssigneeError);
      });
    } else {
      it('is decided for the lead of the role', () => {
        expect(decided(lead).length).toBeGreaterThan(0);
      });

      it('is decided for the assignee by person id', () => {
        expect(decided(byId).length).toBeGreaterThan(0);
      });
    }
  });
});
