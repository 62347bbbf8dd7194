import { InvalidCommandDataError } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import { command, ctx, historyOf, NOW } from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

const automation = ctx('cs-phone-agent', {
  id: 'auto:cs-phone-agent',
  kind: 'automatic',
});

describe('a call-back that ended with the shift leader (user unreached)', () => {
  it('closes the ticket, naming the call-back and how it ended', () => {
    const state = given(historyOf.RESULT_NOTIFIED)
      .when(
        command('InformReporter', {
          contactOutcome: 'unreachable',
          note: '电话回访：三次未接通，已报值班长',
          callback: { callbackId: 'cb-1', outcome: 'unreached' },
        }),
        automation,
      )
      .then([
        {
          type: 'station-fault.reporter-informed',
          schemaVersion: 1,
          data: {
            contactOutcome: 'unreachable',
            note: '电话回访：三次未接通，已报值班长',
            callback: { callbackId: 'cb-1', outcome: 'unreached' },
          },
        },
        {
          type: 'station-fault.ticket-closed',
          schemaVersion: 1,
          data: { closedAt: NOW },
        },
      ]);
    expect(state).toMatchObject({
      status: 'CLOSED',
      contactOutcome: 'unreachable',
    });
  });

  it('is refused with an outcome a call-back cannot have', () => {
    given(historyOf.RESULT_NOTIFIED)
      .when(
        command('InformReporter', {
          contactOutcome: 'reached',
          callback: { callbackId: 'cb-1', outcome: 'not-needed' as never },
        }),
        automation,
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.callback.outcome',
            message:
              'must be one of: satisfied, unreached, complaint, dissatisfied',
          },
        ],
      });
  });
});
