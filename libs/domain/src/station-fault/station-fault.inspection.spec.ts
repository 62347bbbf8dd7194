import { InvalidCommandDataError, NotAssigneeError } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  INSPECTOR_ID,
  TICKET_ID,
  command,
  ctx,
  events,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

describe('a task at the regional platform (4.4)', () => {
  it('is assigned to an inspector as a 查看网点 task, the first visit', () => {
    const state = given(historyOf.AT_REGIONAL_PLATFORM)
      .when(
        command('AssignInspection', payloads.assignInspection),
        ctx('regional-platform'),
      )
      .then([events.inspectionAssigned]);

    expect(state).toMatchObject({
      status: 'INSPECTION_ASSIGNED',
      inspectorId: INSPECTOR_ID,
      inspectionVisits: 1,
    });
  });
});

describe('an inspection assigned to an inspector (4.5)', () => {
  it('starts when the assigned inspector arrives, at the decision time', () => {
    const state = given(historyOf.INSPECTION_ASSIGNED)
      .when(command('StartInspection', {}), ctx('regional-inspector'))
      .then([events.inspectorArrived]);

    expect(state.status).toBe('INSPECTING');
  });

  it('can be started by automatic work under the inspector role', () => {
    given(historyOf.INSPECTION_ASSIGNED)
      .when(
        command('StartInspection', {}),
        ctx('regional-inspector', {
          id: 'auto:regional-inspector',
          kind: 'automatic',
        }),
      )
      .then([events.inspectorArrived]);
  });

  it('refuses another inspector as not the assignee', () => {
    given(historyOf.INSPECTION_ASSIGNED)
      .when(
        command('StartInspection', {}),
        ctx('regional-inspector', { id: 'inspector-liu-yang' }),
      )
      .thenThrows(NotAssigneeError, {
        code: 'NOT_ASSIGNEE',
        httpStatus: 403,
        ticketId: TICKET_ID,
        actorId: 'inspector-liu-yang',
        assigneeId: INSPECTOR_ID,
        command: 'StartInspection',
      });
  });
});

describe('an inspector on site (decision D1)', () => {
  it('clears the fault and the ticket is RESOLVED_BY_INSPECTION (4.6)', () => {
    const state = given(historyOf.INSPECTING)
      .when(
        command('ReportInspectionResult', payloads.cleared),
        ctx('regional-inspector'),
      )
      .then([events.cleared]);

    expect(state).toMatchObject({
      status: 'RESOLVED_BY_INSPECTION',
      lastResult: payloads.cleared.resolutionNote,
    });
  });

  it('does not clear it and the ticket goes back to the platform (4.7)', () => {
    const state = given(historyOf.INSPECTING)
      .when(
        command('ReportInspectionResult', payloads.notCleared),
        ctx('regional-inspector'),
      )
      .then([events.notCleared]);

    expect(state.status).toBe('UNRESOLVED_AT_PLATFORM');
  });

  it('refuses a result from an inspector the ticket is not assigned to', () => {
    given(historyOf.INSPECTING)
      .when(
        command('ReportInspectionResult', payloads.cleared),
        ctx('regional-inspector', { id: 'inspector-liu-yang' }),
      )
      .thenThrows(NotAssigneeError, {
        code: 'NOT_ASSIGNEE',
        ticketId: TICKET_ID,
        actorId: 'inspector-liu-yang',
        assigneeId: INSPECTOR_ID,
      });
  });

  it('takes a result reported by automatic work under the role', () => {
    given(historyOf.INSPECTING)
      .when(
        command('ReportInspectionResult', payloads.cleared),
        ctx('regional-inspector', {
          id: 'auto:regional-inspector',
          kind: 'automatic',
        }),
      )
      .then([events.cleared]);
  });
});

describe('an inspection result that mixes both outcomes', () => {
  it('refuses findings and a reason with a cleared fault, naming both', () => {
    const error = given(historyOf.INSPECTING)
      .when(
        command('ReportInspectionResult', {
          ...payloads.cleared,
          findings: '线缆老化',
          reasonNotFixed: '缺备件',
        } as never),
        ctx('regional-inspector'),
      )
      .thenThrows(InvalidCommandDataError, { code: 'INVALID_COMMAND_DATA' });
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.findings',
      'payload.reasonNotFixed',
    ]);
  });

  it('refuses a resolution note with a fault not cleared, naming it', () => {
    const error = given(historyOf.INSPECTING)
      .when(
        command('ReportInspectionResult', {
          ...payloads.notCleared,
          resolutionNote: '已重启',
        } as never),
        ctx('regional-inspector'),
      )
      .thenThrows(InvalidCommandDataError, { code: 'INVALID_COMMAND_DATA' });
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.resolutionNote',
    ]);
  });
});
