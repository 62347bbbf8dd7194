import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { VehicleRepairCommand } from './vehicle-repair.commands';
import {
  VehicleRepairNotFleetAdminError,
  VehicleRepairPlateMismatchError,
  VehicleRepairWarrantyExpiredError,
} from './vehicle-repair.errors';
import {
  FLEET_ID,
  TICKET_ID,
  WARRANTY_ENDS_AT,
  command,
  ctx,
  historyOf,
  payloads,
} from './vehicle-repair.fixtures';
import { vehicleRepairProcess } from './vehicle-repair.process';
import { DEFAULT_VEHICLE_REPAIR_RULES } from './vehicle-repair.rules';
import type { VehicleRepairStatus } from './vehicle-repair.states';

const { given } = deciderSpec(
  vehicleRepairProcess,
  DEFAULT_VEHICLE_REPAIR_RULES,
);

type Open = Exclude<VehicleRepairStatus, 'NEW'>;

interface Case {
  command: VehicleRepairCommand;
  role: RoleId;
  inState: Open;
  wrongRole: RoleId;
  wrongState: Open;
  /** Every state the command is allowed in. */
  expected: VehicleRepairStatus[];
  /** Every role that may issue it somewhere. */
  allowed: RoleId[];
}

const DESK: RoleId = 'repair-shop-receptionist';
const TECH: RoleId = 'repair-technician';
const SALES: RoleId = 'repair-after-sales';
const AGENT: RoleId = 'cs-phone-agent';

const CASES: Case[] = [
  {
    command: command('DispatchRescue', payloads.rescue),
    role: DESK,
    inState: 'AWAITING_RESCUE',
    wrongRole: AGENT,
    wrongState: 'AWAITING_RECEPTION',
    expected: ['AWAITING_RESCUE'],
    allowed: [DESK],
  },
  {
    command: command('RecordTowedIn', {}),
    role: DESK,
    inState: 'RESCUE_DISPATCHED',
    wrongRole: TECH,
    wrongState: 'AWAITING_RESCUE',
    expected: ['RESCUE_DISPATCHED'],
    allowed: [DESK],
  },
  {
    command: command('ReceiveVehicle', payloads.receive),
    role: DESK,
    inState: 'AWAITING_RECEPTION',
    wrongRole: TECH,
    wrongState: 'RESCUE_DISPATCHED',
    expected: ['AWAITING_RECEPTION'],
    allowed: [DESK],
  },
  {
    command: command('DiagnoseFault', payloads.diagnose),
    role: TECH,
    inState: 'RECEIVED',
    wrongRole: DESK,
    wrongState: 'REPAIRING',
    expected: ['RECEIVED'],
    allowed: [TECH],
  },
  {
    command: command('EscalateToAssistantGm', payloads.toGm),
    role: SALES,
    inState: 'AFTER_SALES_SUPPORT',
    wrongRole: TECH,
    wrongState: 'ASSISTANT_GM_SUPPORT',
    expected: ['AFTER_SALES_SUPPORT'],
    allowed: [SALES],
  },
  {
    command: command('ResolveEscalation', payloads.resolve),
    role: 'repair-assistant-gm',
    inState: 'ASSISTANT_GM_SUPPORT',
    wrongRole: TECH,
    wrongState: 'REPAIRING',
    expected: ['AFTER_SALES_SUPPORT', 'ASSISTANT_GM_SUPPORT'],
    allowed: [SALES, 'repair-assistant-gm'],
  },
  {
    command: command('ApproveQuote', payloads.approve),
    role: 'fleet-admin',
    inState: 'QUOTE_AWAITING_FLEET',
    wrongRole: TECH,
    wrongState: 'RECEIVED',
    expected: ['QUOTE_AWAITING_MEMBER', 'QUOTE_AWAITING_FLEET'],
    allowed: [AGENT, DESK, 'fleet-admin'],
  },
  {
    command: command('RefuseQuote', payloads.refuse),
    role: AGENT,
    inState: 'QUOTE_AWAITING_MEMBER',
    wrongRole: SALES,
    wrongState: 'REPAIRING',
    expected: ['QUOTE_AWAITING_MEMBER', 'QUOTE_AWAITING_FLEET'],
    allowed: [AGENT, DESK, 'fleet-admin'],
  },
  {
    command: command('ReturnVehicleUnrepaired', {}),
    role: DESK,
    inState: 'AWAITING_RETURN_UNREPAIRED',
    wrongRole: AGENT,
    wrongState: 'QUOTE_AWAITING_MEMBER',
    expected: ['AWAITING_RETURN_UNREPAIRED'],
    allowed: [DESK],
  },
  {
    command: command('EscalateFault', payloads.escalate),
    role: TECH,
    inState: 'REPAIRING',
    wrongRole: 'repair-quality-inspector',
    wrongState: 'AWAITING_QUALITY_CHECK',
    expected: ['REPAIRING'],
    allowed: [TECH],
  },
  {
    command: command('CompleteRepair', payloads.repair),
    role: TECH,
    inState: 'REPAIRING',
    wrongRole: DESK,
    wrongState: 'QUOTE_AWAITING_MEMBER',
    expected: ['REPAIRING'],
    allowed: [TECH],
  },
  {
    command: command('RecordQualityCheck', payloads.qcPassed),
    role: 'repair-quality-inspector',
    inState: 'AWAITING_QUALITY_CHECK',
    wrongRole: TECH,
    wrongState: 'REPAIRING',
    expected: ['AWAITING_QUALITY_CHECK'],
    allowed: ['repair-quality-inspector'],
  },
  {
    command: command('NotifyOwnerToCollect', payloads.notify),
    role: DESK,
    inState: 'READY_FOR_DELIVERY',
    wrongRole: 'repair-quality-inspector',
    wrongState: 'AWAITING_QUALITY_CHECK',
    expected: ['READY_FOR_DELIVERY'],
    allowed: [DESK],
  },
  {
    command: command('RecordVehicleCollected', payloads.collected),
    role: DESK,
    inState: 'AWAITING_COLLECTION',
    wrongRole: AGENT,
    wrongState: 'READY_FOR_DELIVERY',
    expected: ['AWAITING_COLLECTION'],
    allowed: [DESK],
  },
  {
    command: command('FileWarrantyClaim', payloads.claim),
    role: AGENT,
    inState: 'UNDER_WARRANTY',
    wrongRole: TECH,
    wrongState: 'AWAITING_SURVEY',
    expected: ['UNDER_WARRANTY'],
    allowed: [AGENT, DESK],
  },
  {
    command: command('CompleteWarrantyFollowUp', payloads.followUp),
    role: AGENT,
    inState: 'UNDER_WARRANTY',
    wrongRole: DESK,
    wrongState: 'AWAITING_COLLECTION',
    expected: ['UNDER_WARRANTY'],
    allowed: [AGENT],
  },
  {
    command: command('RecordSatisfactionSurvey', payloads.survey),
    role: AGENT,
    inState: 'AWAITING_SURVEY',
    wrongRole: 'fleet-admin',
    wrongState: 'UNDER_WARRANTY',
    expected: ['AWAITING_SURVEY'],
    allowed: [AGENT],
  },
  {
    command: command('SubmitAnalysisReport', payloads.analysis),
    role: SALES,
    inState: 'AWAITING_ANALYSIS_REPORT',
    wrongRole: 'repair-assistant-gm',
    wrongState: 'AWAITING_SURVEY',
    expected: ['AWAITING_ANALYSIS_REPORT'],
    allowed: [SALES],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a case that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary, so the id leaks nothing', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.role, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to a role that never issues it, naming the permission', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, {
        role: c.wrongRole,
        allowed: c.allowed,
        permission: `vehicle-repair:${c.command.type}`,
      });
  });

  it('in a state that does not allow it, naming the states that do', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
        command: c.command.type,
      });
  });
});

describe('a quote put to the wrong payer', () => {
  it('is refused to the fleet administrator when the member pays', () => {
    given(historyOf.QUOTE_AWAITING_MEMBER)
      .when(command('ApproveQuote', {}), ctx('fleet-admin'))
      .thenThrows(RoleNotPermittedError, {
        role: 'fleet-admin',
        allowed: [AGENT, DESK],
      });
  });

  it('is refused to the agent when the fleet pays', () => {
    given(historyOf.QUOTE_AWAITING_FLEET)
      .when(command('RefuseQuote', payloads.refuse), ctx(AGENT))
      .thenThrows(RoleNotPermittedError, {
        role: AGENT,
        allowed: ['fleet-admin'],
      });
  });
});

describe('a fleet’s quote decided by someone not of that fleet', () => {
  it.each([
    ['the administrator of another fleet', { org: 'FLEET-SH-99' }],
    ['an administrator of no fleet', { org: undefined }],
  ])('is refused to %s, naming the fleet', (_, overrides) => {
    for (const decision of [
      command('ApproveQuote', payloads.approve),
      command('RefuseQuote', payloads.refuse),
    ]) {
      given(historyOf.QUOTE_AWAITING_FLEET)
        .when(decision, ctx('fleet-admin', overrides))
        .thenThrows(VehicleRepairNotFleetAdminError, {
          fleetId: FLEET_ID,
          actorOrg: overrides.org,
          permission: `vehicle-repair:${decision.type}`,
        });
    }
  });

  it('answers 403 with the fleet and the administrator’s org in the details', () => {
    const error = given(historyOf.QUOTE_AWAITING_FLEET)
      .when(
        command('ApproveQuote', payloads.approve),
        ctx('fleet-admin', { org: 'FLEET-SH-99' }),
      )
      .thenThrows(VehicleRepairNotFleetAdminError);
    expect({ code: error.code, status: error.httpStatus }).toEqual({
      code: 'NOT_FLEET_ADMIN',
      status: 403,
    });
    expect(error.details()).toEqual({
      ticketId: TICKET_ID,
      fleetId: FLEET_ID,
      actorOrg: 'FLEET-SH-99',
      permission: 'vehicle-repair:ApproveQuote',
      requires: 'org-of-the-fleet',
    });
  });
});

describe('a resolution by the wrong level of support', () => {
  it('is refused to after-sales once the assistant GM holds the case', () => {
    given(historyOf.ASSISTANT_GM_SUPPORT)
      .when(command('ResolveEscalation', payloads.resolve), ctx(SALES))
      .thenThrows(RoleNotPermittedError, { allowed: ['repair-assistant-gm'] });
  });
});

describe('an intake of a case that exists', () => {
  it('is refused as already existing', () => {
    given(historyOf.AWAITING_RECEPTION)
      .when(command('ReportVehicleFault', payloads.report), ctx(AGENT))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('is refused to the shop', () => {
    given([])
      .when(command('ReportVehicleFault', payloads.report), ctx(DESK))
      .thenThrows(RoleNotPermittedError, { allowed: [AGENT] });
  });
});

describe('a command the process does not have', () => {
  it('is refused as invalid data naming the type', () => {
    given(historyOf.REPAIRING)
      .when(
        {
          type: 'SettleRepairOrder',
          ticketId: TICKET_ID,
          payload: {},
        } as unknown as VehicleRepairCommand,
        ctx(TECH),
      )
      .thenThrows(InvalidCommandDataError, { command: 'SettleRepairOrder' });
  });
});

function fieldsOf(error: InvalidCommandDataError): string[] {
  return error.fields.map((f) => f.field);
}

function refusedFields(
  status: Open | 'NEW',
  cmd: VehicleRepairCommand,
  role: RoleId,
): string[] {
  const history = status === 'NEW' ? [] : historyOf[status];
  return fieldsOf(
    given(history).when(cmd, ctx(role)).thenThrows(InvalidCommandDataError),
  );
}

describe('invalid data', () => {
  it('lists every failing field of a report at once', () => {
    expect(
      refusedFields(
        'NEW',
        command('ReportVehicleFault', {
          ticketNumber: '',
          memberId: ' ',
          plate: 7,
          caller: { phone: 'call me', name: 3 },
          description: '',
          occurredAt: '2026-02-30T10:00:00Z',
          location: undefined,
          emergencyMeasures: '',
          canMove: 'no',
          payer: 'company',
        } as never),
        AGENT,
      ),
    ).toEqual([
      'payload.ticketNumber',
      'payload.memberId',
      'payload.plate',
      'payload.description',
      'payload.location',
      'payload.emergencyMeasures',
      'payload.caller.phone',
      'payload.caller.name',
      'payload.occurredAt',
      'payload.canMove',
      'payload.payer',
    ]);
  });

  it.each([
    ['a fleet without its id', { payer: 'fleet' as const }],
    ['a member’s repair naming a fleet', { fleetId: 'FLEET-SH-07' }],
  ])('refuses %s', (_, change) => {
    expect(
      refusedFields(
        'NEW',
        command('ReportVehicleFault', { ...payloads.report, ...change }),
        AGENT,
      ),
    ).toEqual(['payload.fleetId']);
  });

  it('refuses a fault that happens after the call', () => {
    expect(
      refusedFields(
        'NEW',
        command('ReportVehicleFault', {
          ...payloads.report,
          occurredAt: '2026-03-02T06:00:01Z',
        }),
        AGENT,
      ),
    ).toEqual(['payload.occurredAt']);
  });

  it('refuses a payload that is not an object', () => {
    expect(
      refusedFields(
        'AWAITING_RESCUE',
        command('DispatchRescue', null as never),
        DESK,
      ),
    ).toEqual(['payload']);
  });

  it('refuses a rescue without a vehicle or with a bad arrival time', () => {
    expect(
      refusedFields(
        'AWAITING_RESCUE',
        command('DispatchRescue', {
          rescueVehicle: '',
          expectedArrivalAt: 'soon',
        }),
        DESK,
      ),
    ).toEqual(['payload.rescueVehicle', 'payload.expectedArrivalAt']);
  });

  it('refuses a reception without the vehicle’s facts', () => {
    expect(
      refusedFields(
        'AWAITING_RECEPTION',
        command('ReceiveVehicle', { mileageKm: -3 } as never),
        DESK,
      ),
    ).toEqual([
      'payload.model',
      'payload.plate',
      'payload.symptoms',
      'payload.usage',
      'payload.mileageKm',
    ]);
  });

  it.each([
    [
      'no quote, an unknown class',
      { diagnosis: '', repairPlan: 'x', quoteFen: 0, faultClass: 'odd' },
      ['payload.diagnosis', 'payload.quoteFen', 'payload.faultClass'],
    ],
    [
      'a major fault without a reason to escalate',
      { ...payloads.diagnoseMajor, escalationReason: undefined },
      ['payload.escalationReason'],
    ],
    [
      'an ordinary fault with a reason to escalate',
      { ...payloads.diagnose, escalationReason: '以防万一' },
      ['payload.escalationReason'],
    ],
    [
      'a quote in yuan with decimals',
      { ...payloads.diagnose, quoteFen: 860.5 },
      ['payload.quoteFen'],
    ],
  ])('refuses a diagnosis with %s', (_, payload, fields) => {
    expect(
      refusedFields(
        'RECEIVED',
        command('DiagnoseFault', payload as never),
        TECH,
      ),
    ).toEqual(fields);
  });

  it.each([
    ['EscalateToAssistantGm', 'AFTER_SALES_SUPPORT', SALES, ['payload.reason']],
    ['ResolveEscalation', 'AFTER_SALES_SUPPORT', SALES, ['payload.guidance']],
    ['RefuseQuote', 'QUOTE_AWAITING_MEMBER', AGENT, ['payload.reason']],
    ['CompleteRepair', 'REPAIRING', TECH, ['payload.workDone']],
    ['NotifyOwnerToCollect', 'READY_FOR_DELIVERY', DESK, ['payload.channel']],
    [
      'RecordVehicleCollected',
      'AWAITING_COLLECTION',
      DESK,
      ['payload.collectedBy'],
    ],
    ['FileWarrantyClaim', 'UNDER_WARRANTY', AGENT, ['payload.description']],
    [
      'CompleteWarrantyFollowUp',
      'UNDER_WARRANTY',
      AGENT,
      ['payload.contactOutcome'],
    ],
    [
      'RecordSatisfactionSurvey',
      'AWAITING_SURVEY',
      AGENT,
      ['payload.answered', 'payload.channel'],
    ],
    [
      'SubmitAnalysisReport',
      'AWAITING_ANALYSIS_REPORT',
      SALES,
      ['payload.rootCause', 'payload.report'],
    ],
    [
      'RecordQualityCheck',
      'AWAITING_QUALITY_CHECK',
      'repair-quality-inspector',
      ['payload.passed'],
    ],
  ] as const)(
    'refuses %s with an empty payload, naming its fields',
    (type, status, role, fields) => {
      expect(refusedFields(status, command(type, {} as never), role)).toEqual(
        fields,
      );
    },
  );

  it.each([
    [{ faultClass: 'ordinary', reason: '更难' }, ['payload.faultClass']],
    [{ faultClass: 'major', reason: '' }, ['payload.reason']],
  ])('refuses an escalation while repairing %j', (payload, fields) => {
    expect(
      refusedFields(
        'REPAIRING',
        command('EscalateFault', payload as never),
        TECH,
      ),
    ).toEqual(fields);
  });

  it('refuses a score for a survey the member did not answer', () => {
    expect(
      refusedFields(
        'AWAITING_SURVEY',
        command('RecordSatisfactionSurvey', {
          answered: false,
          score: 3,
          channel: 'phone',
        } as never),
        AGENT,
      ),
    ).toEqual(['payload.score']);
  });

  it('refuses a failed quality check without findings', () => {
    expect(
      refusedFields(
        'AWAITING_QUALITY_CHECK',
        command('RecordQualityCheck', { passed: false } as never),
        'repair-quality-inspector',
      ),
    ).toEqual(['payload.findings']);
  });

  it.each([
    [
      'findings on a passed check',
      { passed: true, findings: '左前轮异响' },
      'payload.findings',
    ],
    [
      'a note on a failed check',
      { passed: false, findings: '制动偏软', note: '复检' },
      'payload.note',
    ],
  ])('refuses %s, so nothing is dropped unseen', (_, payload, field) => {
    const error = given(historyOf.AWAITING_QUALITY_CHECK)
      .when(
        command('RecordQualityCheck', payload as never),
        ctx('repair-quality-inspector'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields.map((f) => f.field)).toEqual([field]);
  });

  it('refuses parts that are not a list of names', () => {
    expect(
      refusedFields(
        'REPAIRING',
        command('CompleteRepair', {
          workDone: '更换',
          partsReplaced: ['制动分泵', ''],
        }),
        TECH,
      ),
    ).toEqual(['payload.partsReplaced']);
  });

  it.each([0, 6, 4.5, '5'])('refuses a survey score of %j', (score) => {
    expect(
      refusedFields(
        'AWAITING_SURVEY',
        command('RecordSatisfactionSurvey', {
          ...payloads.survey,
          score: score as number,
        }),
        AGENT,
      ),
    ).toEqual(['payload.score']);
  });
});

describe('the process’s own rules', () => {
  it('refuses to receive a car other than the one reported', () => {
    given(historyOf.AWAITING_RECEPTION)
      .when(
        command('ReceiveVehicle', { ...payloads.receive, plate: '沪B·X99999' }),
        ctx(DESK),
      )
      .thenThrows(VehicleRepairPlateMismatchError, {
        code: 'VEHICLE_PLATE_MISMATCH',
        ticketId: TICKET_ID,
        reportedPlate: '沪A·D12345',
        receivedPlate: '沪B·X99999',
      });
  });

  it('refuses a warranty claim once the period has ended', () => {
    given(historyOf.UNDER_WARRANTY)
      .when(
        command('FileWarrantyClaim', payloads.claim),
        ctx(AGENT, {}, WARRANTY_ENDS_AT),
      )
      .thenThrows(VehicleRepairWarrantyExpiredError, {
        code: 'WARRANTY_EXPIRED',
        ticketId: TICKET_ID,
        warrantyEndsAt: WARRANTY_ENDS_AT,
        claimedAt: WARRANTY_ENDS_AT,
      });
  });

  it('keeps a major fault open after its survey until the report', () => {
    const waiting = given(historyOf.AWAITING_ANALYSIS_REPORT);
    expect(vehicleRepairProcess.isTerminal(waiting.state)).toBe(false);
    waiting
      .when(command('RecordSatisfactionSurvey', payloads.survey), ctx(AGENT))
      .thenThrows(TicketNotInStateError, {
        state: 'AWAITING_ANALYSIS_REPORT',
        expected: ['AWAITING_SURVEY'],
      });
  });
});
