import { InvalidCommandDataError, type RoleId } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { StationFaultCommandType } from './station-fault.commands';
import { TICKET_ID, ctx, historyOf, payloads } from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';
import type { StationFaultStatus } from './station-fault.states';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

interface DataCase {
  type: StationFaultCommandType;
  inState: StationFaultStatus;
  role: RoleId;
  /** What is wrong, the payload, and every field that must be reported. */
  invalid: [string, Record<string, unknown>, string[]][];
}

const report = payloads.report;
const reporter = report.reporter;
const station = report.station;

function rejectedFields(c: DataCase, payload: unknown): string[] {
  const error = given(historyOf[c.inState])
    .when({ type: c.type, ticketId: TICKET_ID, payload } as never, ctx(c.role))
    .thenThrows(InvalidCommandDataError, {
      code: 'INVALID_COMMAND_DATA',
      command: c.type,
    });
  return error.fields.map((problem) => problem.field);
}

const CASES: DataCase[] = [
  {
    type: 'ReportStationFault',
    inState: 'NEW',
    role: 'cs-phone-agent',
    invalid: [
      [
        'nothing at all',
        {},
        [
          'payload.ticketNumber',
          'payload.reporter',
          'payload.callTime',
          'payload.station',
          'payload.faultDescription',
          'payload.suspectedChargingPile',
        ],
      ],
      [
        'a blank ticket number',
        { ...report, ticketNumber: '  ' },
        ['payload.ticketNumber'],
      ],
      [
        'an unknown reporter type',
        { ...report, reporter: { ...reporter, type: 'tenant' } },
        ['payload.reporter.type'],
      ],
      [
        'a reporter without a phone',
        { ...report, reporter: { type: 'user' } },
        ['payload.reporter.phone'],
      ],
      [
        'a reporter name that is not a string',
        { ...report, reporter: { ...reporter, name: 42 } },
        ['payload.reporter.name'],
      ],
      [
        'a phone number of four digits',
        { ...report, reporter: { ...reporter, phone: '12-34' } },
        ['payload.reporter.phone'],
      ],
      [
        'a phone number of 21 digits',
        {
          ...report,
          reporter: { ...reporter, phone: '+861380013800012345678' },
        },
        ['payload.reporter.phone'],
      ],
      [
        'a phone number with letters',
        { ...report, reporter: { ...reporter, phone: '138 0013 800X' } },
        ['payload.reporter.phone'],
      ],
      [
        'a phone number ending in a hyphen',
        { ...report, reporter: { ...reporter, phone: '021-6488-' } },
        ['payload.reporter.phone'],
      ],
      [
        'a call time that is not an instant',
        { ...report, callTime: '今天上午' },
        ['payload.callTime'],
      ],
      [
        'a call time on a day that does not exist',
        { ...report, callTime: '2026-02-30T09:00:00Z' },
        ['payload.callTime'],
      ],
      [
        'a call time without a zone',
        { ...report, callTime: '2026-03-02T09:00:00' },
        ['payload.callTime'],
      ],
      [
        'a call time after the decision time',
        { ...report, callTime: '2026-03-02T02:00:00.001Z' },
        ['payload.callTime'],
      ],
      [
        'a call time in 1900 (more than a year before the decision)',
        { ...report, callTime: '1900-03-02T10:00:00+08:00' },
        ['payload.callTime'],
      ],
      [
        'a blank fault description',
        { ...report, faultDescription: '\u3000' },
        ['payload.faultDescription'],
      ],
      [
        'a suspected pile that is not a boolean',
        { ...report, suspectedChargingPile: 'yes' },
        ['payload.suspectedChargingPile'],
      ],
      [
        'a charging pile id without a suspected pile',
        { ...report, suspectedChargingPile: false },
        ['payload.chargingPileId'],
      ],
      [
        'a blank charging pile id for a suspected pile',
        { ...report, chargingPileId: '' },
        ['payload.chargingPileId'],
      ],
      [
        'a station that is not an object',
        { ...report, station: 'MH-0042' },
        ['payload.station'],
      ],
      [
        'a station with every field blank',
        {
          ...report,
          station: {
            id: '',
            name: ' ',
            address: '',
            district: '',
            street: '',
            regionId: '',
          },
        },
        [
          'payload.station.id',
          'payload.station.name',
          'payload.station.address',
          'payload.station.district',
          'payload.station.street',
          'payload.station.regionId',
        ],
      ],
      ...['id', 'name', 'address', 'district', 'street', 'regionId'].map(
        (field): [string, Record<string, unknown>, string[]] => [
          `a station without ${field}`,
          { ...report, station: { ...station, [field]: undefined } },
          [`payload.station.${field}`],
        ],
      ),
    ],
  },
  {
    type: 'CreateFaultTask',
    inState: 'RECORDED',
    role: 'cs-phone-agent',
    invalid: [['a note that is not a string', { note: 7 }, ['payload.note']]],
  },
  {
    type: 'DispatchToRegion',
    inState: 'AWAITING_DISPATCH',
    role: 'dispatch-manager',
    invalid: [
      [
        'nothing at all',
        {},
        ['payload.regionalPlatformId', 'payload.decision'],
      ],
      [
        'a blank regional platform',
        { ...payloads.dispatch, regionalPlatformId: '' },
        ['payload.regionalPlatformId'],
      ],
      [
        'a decision with nothing in it',
        { ...payloads.dispatch, decision: {} },
        [
          'payload.decision.mode',
          'payload.decision.ruleVersion',
          'payload.decision.inputs',
        ],
      ],
      [
        'a decision of an unknown mode',
        {
          ...payloads.dispatch,
          decision: { ...payloads.dispatch.decision, mode: 'guess' },
        },
        ['payload.decision.mode'],
      ],
      [
        'a note that is not a string',
        { ...payloads.dispatch, note: false },
        ['payload.note'],
      ],
    ],
  },
  {
    type: 'AssignInspection',
    inState: 'AT_REGIONAL_PLATFORM',
    role: 'regional-platform',
    invalid: [
      ['nothing at all', {}, ['payload.inspectorId', 'payload.decision']],
      [
        'a blank inspector',
        { ...payloads.assignInspection, inspectorId: ' ' },
        ['payload.inspectorId'],
      ],
      [
        'decision inputs that are a list',
        {
          ...payloads.assignInspection,
          decision: { ...payloads.assignInspection.decision, inputs: [] },
        },
        ['payload.decision.inputs'],
      ],
    ],
  },
  {
    type: 'ReportInspectionResult',
    inState: 'INSPECTING',
    role: 'regional-inspector',
    invalid: [
      ['no outcome', {}, ['payload.cleared']],
      [
        'an outcome that is not a boolean',
        { cleared: 'yes' },
        ['payload.cleared'],
      ],
      ['cleared without a note', { cleared: true }, ['payload.resolutionNote']],
      [
        'not cleared without findings or a reason, but with a note',
        { cleared: false, resolutionNote: '看过了' },
        [
          'payload.findings',
          'payload.reasonNotFixed',
          'payload.resolutionNote',
        ],
      ],
      [
        'not cleared without a reason',
        { ...payloads.notCleared, reasonNotFixed: '' },
        ['payload.reasonNotFixed'],
      ],
    ],
  },
  {
    type: 'ReportUnresolvedToDispatch',
    inState: 'UNRESOLVED_AT_PLATFORM',
    role: 'regional-platform',
    invalid: [['a note that is not a string', { note: 1 }, ['payload.note']]],
  },
  {
    type: 'EscalateToStationManager',
    inState: 'UNRESOLVED_AT_DISPATCH',
    role: 'dispatch-manager',
    invalid: [['a note that is not a string', { note: {} }, ['payload.note']]],
  },
  {
    type: 'AssignOpsTask',
    inState: 'AT_STATION_MANAGER',
    role: 'station-manager',
    invalid: [
      ['no operations team', {}, ['payload.opsTeamId']],
      ['a blank operations team', { opsTeamId: '' }, ['payload.opsTeamId']],
    ],
  },
  {
    type: 'ClassifyFault',
    inState: 'AT_OPS_TEAM',
    role: 'station-ops-team',
    invalid: [
      ['no classification', {}, ['payload.isChargingPileIssue']],
      [
        'a pile problem without supplier or pile',
        { isChargingPileIssue: true },
        ['payload.supplierId', 'payload.chargingPileId'],
      ],
      [
        'a pile problem without a pile',
        { ...payloads.classifyPile, chargingPileId: ' ' },
        ['payload.chargingPileId'],
      ],
      [
        'not a pile problem without a repair ticket',
        { isChargingPileIssue: false },
        ['payload.repairTicketId'],
      ],
    ],
  },
  {
    type: 'CompleteSupplierHandling',
    inState: 'SUPPLIER_HANDLING',
    role: 'charging-pile-supplier',
    invalid: [
      ['nothing at all', {}, ['payload.outcome', 'payload.result']],
      [
        'an unknown outcome',
        { outcome: 'partly', result: '换了保险丝' },
        ['payload.outcome'],
      ],
      ['a blank result', { outcome: 'fixed', result: '' }, ['payload.result']],
    ],
  },
  {
    type: 'CompleteOpsRepair',
    inState: 'OPS_REPAIRING',
    role: 'station-ops-team',
    invalid: [
      ['nothing at all', {}, ['payload.outcome', 'payload.result']],
      ['no outcome', { result: '已更换' }, ['payload.outcome']],
      ['no result', { outcome: 'not-fixed' }, ['payload.result']],
    ],
  },
  {
    type: 'ReportResultToStationManager',
    inState: 'HANDLING_DONE',
    role: 'station-ops-team',
    invalid: [
      ['no result', {}, ['payload.result']],
      ['a blank result', { result: ' ' }, ['payload.result']],
    ],
  },
  {
    type: 'NotifyCustomerService',
    inState: 'RESULT_AT_STATION_MANAGER',
    role: 'station-manager',
    invalid: [
      ['no summary', {}, ['payload.resultSummary']],
      ['a blank summary', { resultSummary: '' }, ['payload.resultSummary']],
    ],
  },
  {
    type: 'InformReporter',
    inState: 'RESULT_NOTIFIED',
    role: 'cs-phone-agent',
    invalid: [
      ['no contact outcome', {}, ['payload.contactOutcome']],
      [
        'an unknown contact outcome',
        { contactOutcome: 'voicemail' },
        ['payload.contactOutcome'],
      ],
      [
        'a note that is not a string',
        { contactOutcome: 'reached', note: 3 },
        ['payload.note'],
      ],
    ],
  },
];

describe.each(CASES)('$type with invalid data', (c) => {
  it.each(c.invalid)(
    'with %s lists the failing fields',
    (_, payload, fields) => {
      expect(rejectedFields(c, payload)).toEqual(fields);
    },
  );
});

describe('a phone number in an accepted form', () => {
  it.each([
    '021-6488 1234',
    '+86 138 0013 8000',
    '13800138000',
    '95519',
    '+8613800138000123456',
  ])('%s is accepted', (phone) => {
    const decided = stationFaultProcess.decide(
      {
        type: 'ReportStationFault',
        ticketId: TICKET_ID,
        payload: { ...report, reporter: { ...reporter, phone } },
      },
      stationFaultProcess.initialState,
      ctx('cs-phone-agent'),
      defaultStationFaultConfig,
    );
    expect(decided[0].data).toMatchObject({ reporter: { phone } });
  });
});
