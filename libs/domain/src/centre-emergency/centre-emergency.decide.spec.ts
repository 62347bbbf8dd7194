import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  CONFIG,
  ctx,
  events,
  HOLIDAY_DETECTED,
  historyOf,
  NOW,
  OTHER_TICKET_ID,
  payloads,
} from './centre-emergency.fixtures';
import { centreEmergencyProcess } from './centre-emergency.process';

const { given } = deciderSpec(centreEmergencyProcess, CONFIG);

describe('a fault logged', () => {
  it('without notice waits for the estimate, held by the CS manager', () => {
    const state = given([])
      .when(command('LogFault', payloads.log('app')), ctx('cs-phone-agent'))
      .then([events.logged('app')]);
    expect(state.status).toBe('UNANNOUNCED');
    expect(centreEmergencyProcess.custody(state)).toEqual({
      role: 'cs-manager-outsourcer',
    });
  });

  it('announced in advance goes to the emergency mechanism', () => {
    const state = given([])
      .when(
        command('LogFault', payloads.log('app', true)),
        ctx('cs-phone-agent'),
      )
      .then([events.logged('app', true)]);
    expect(state.status).toBe('PRE_ANNOUNCED');
  });
});

describe('the estimate (4.3)', () => {
  it('is reported to the HQ CS manager at once', () => {
    const state = given(historyOf('app').UNANNOUNCED)
      .when(
        command('ConfirmRepairEta', payloads.eta),
        ctx('cs-manager-outsourcer'),
      )
      .then([events.eta, events.hq]);
    expect(state.eta).toBe(payloads.eta.eta);
  });
});

describe('records during a back-office or hotline fault', () => {
  it('number the hand-written requests in order', () => {
    given([
      ...historyOf('backoffice-network-power').DEGRADED_OPERATION,
      events.handwritten,
    ])
      .when(
        command('RecordHandwrittenRequest', payloads.handwritten),
        ctx('cs-phone-agent'),
      )
      .then([
        {
          ...events.handwritten,
          data: { ...events.handwritten.data, entryId: 'H2' },
        },
      ]);
  });

  it('number the missed calls in order', () => {
    given([
      ...historyOf('hotline-400-or-udesk').ETA_CONFIRMED,
      events.missedCall,
    ])
      .when(
        command('RecordMissedCall', payloads.missedCall),
        ctx('cs-online-agent'),
      )
      .then([
        {
          ...events.missedCall,
          data: { ...events.missedCall.data, callId: 'M2' },
        },
      ]);
  });
});

describe('the shift leader’s off-day report (3.3)', () => {
  it('is accepted for a fault on a National Day holiday', () => {
    const holiday = {
      ...events.logged('app'),
      data: { ...events.logged('app').data, detectedAt: HOLIDAY_DETECTED },
    };
    given([holiday])
      .when(
        command('ReportToCsManagerOffDay', payloads.offDay),
        ctx('cs-shift-leader'),
      )
      .then([
        {
          type: 'centre-emergency.reported-to-cs-manager',
          schemaVersion: 1,
          data: { day: '2026-10-03', note: payloads.offDay.note },
        },
      ]);
  });
});

describe('after the fix', () => {
  it('a back-filled task keeps the ticket it names', () => {
    const history = [
      ...historyOf('backoffice-network-power').DEGRADED_OPERATION,
      events.handwritten,
      events.resolved,
    ];
    const state = given(history)
      .when(
        command('BackfillTask', {
          ...payloads.backfill,
          ticket: { processId: 'order-anomaly', ticketId: OTHER_TICKET_ID },
          target: { found: true, subsidiaryId: 'sh' },
        }),
        ctx('cs-phone-agent'),
      )
      .then([
        {
          type: 'centre-emergency.task-backfilled',
          schemaVersion: 1,
          data: {
            ...payloads.backfill,
            ticket: { processId: 'order-anomaly', ticketId: OTHER_TICKET_ID },
          },
        },
      ]);
    expect(state.handwritten).toEqual([
      {
        entryId: 'H1',
        backfilled: true,
        ticket: { processId: 'order-anomaly', ticketId: OTHER_TICKET_ID },
      },
    ]);
  });

  it('a back-office fault fixed before its managers were named may still name them, and then close', () => {
    const fixed = given(historyOf('backoffice-network-power').RECOVERING)
      .when(
        command('DesignateManagers', payloads.managers),
        ctx('cs-supervisor'),
      )
      .then([events.managers]);
    expect(fixed.status).toBe('RECOVERING');
    expect(centreEmergencyProcess.custody(fixed)).toEqual({
      role: 'cs-supervisor',
    });
    given([
      ...historyOf('backoffice-network-power').RECOVERING,
      events.managers,
    ])
      .when(command('CloseEmergency', payloads.close), ctx('cs-supervisor'))
      .then([events.closed]);
  });

  it('a hotline fixed before 天润 was told may still record the report, and then close', () => {
    const fixed = given(historyOf('hotline-400-or-udesk').RECOVERING)
      .when(command('ReportToTianrun', payloads.tianrun), ctx('cs-supervisor'))
      .then([events.tianrun]);
    expect(fixed.status).toBe('RECOVERING');
    given([...historyOf('hotline-400-or-udesk').RECOVERING, events.tianrun])
      .when(command('CloseEmergency', payloads.close), ctx('cs-supervisor'))
      .then([events.closed]);
  });

  it('a request written by hand during a network outage is entered after the fix, and owed as a task', () => {
    const state = given(historyOf('backoffice-network-power').RECOVERING)
      .when(
        command('RecordHandwrittenRequest', payloads.handwritten),
        ctx('cs-phone-agent'),
      )
      .then([events.handwritten]);
    expect(state.status).toBe('RECOVERING');
    expect(centreEmergencyProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('a call the hotline missed is entered from 天润’s list after the fix, and owed a call-back', () => {
    const state = given(historyOf('hotline-400-or-udesk').RECOVERING)
      .when(
        command('RecordMissedCall', payloads.missedCall),
        ctx('cs-online-agent'),
      )
      .then([events.missedCall]);
    expect(state.missedCalls).toEqual([{ callId: 'M1' }]);
    expect(centreEmergencyProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('the fix is stamped with the decision time', () => {
    given(historyOf('app').DEGRADED_OPERATION)
      .when(command('ResolveFault', payloads.resolve), ctx('tech-manager'))
      .then([
        {
          type: 'centre-emergency.fault-resolved',
          schemaVersion: 1,
          data: { cause: payloads.resolve.cause, resolvedAt: NOW },
        },
      ]);
  });
});

describe('linked tickets', () => {
  it('are listed with the number the look-up found, and leave when unlinked', () => {
    const linked = given(historyOf('app').ETA_CONFIRMED)
      .when(command('LinkTicket', payloads.link), ctx('hq-cs-manager'))
      .then([events.linked]);
    expect(linked.linkedTickets).toEqual([
      {
        processId: 'order-anomaly',
        ticketId: OTHER_TICKET_ID,
        ticketNumber: 'OA-20261010-0001',
      },
    ]);
    const unlinked = given([...historyOf('app').ETA_CONFIRMED, events.linked])
      .when(command('UnlinkTicket', payloads.unlink), ctx('cs-phone-agent'))
      .then([
        {
          type: 'centre-emergency.ticket-unlinked',
          schemaVersion: 1,
          data: payloads.unlink,
        },
      ]);
    expect(unlinked.linkedTickets).toEqual([]);
  });
});
