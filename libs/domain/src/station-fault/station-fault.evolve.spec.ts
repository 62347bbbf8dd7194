import { events as e, historyOf, payloads } from './station-fault.fixtures';
import { evolveStationFault } from './station-fault.evolve';
import { stationFaultProcess } from './station-fault.process';
import type { StationFaultState } from './station-fault.state';
import { foldEvents } from '../shared/testing/given-when-then';

describe('folding the events of a ticket', () => {
  it('does not change the state it is given', () => {
    const before = foldEvents(stationFaultProcess, historyOf.INSPECTING);
    const copy: StationFaultState = structuredClone(before);

    evolveStationFault(before, e.notCleared);

    expect(before).toEqual(copy);
  });

  it('keeps the caller’s details once the call is received', () => {
    const state = foldEvents(stationFaultProcess, [e.callReceived]);

    expect(state).toMatchObject({
      status: 'NEW',
      ticketNumber: 'SF-20260302-0001',
      callTime: e.callReceived.data.callTime,
      reporter: e.callReceived.data.reporter,
    });
  });

  it('keeps the last result and the final status for the centre', () => {
    const state = foldEvents(stationFaultProcess, historyOf.CLOSED);

    expect(state).toMatchObject({
      lastResult: e.resultReported.data.result,
      finalStatus: 'repaired-by-supplier',
      resultSummary: payloads.notify.resultSummary,
      handledBy: 'supplier',
    });
  });

  it('keeps the supplier but not a finished handling after a failed repair', () => {
    const state = foldEvents(stationFaultProcess, [
      ...historyOf.SUPPLIER_HANDLING,
      e.supplierNotFixed,
    ]);

    expect(state).toMatchObject({
      status: 'AT_OPS_TEAM',
      lastResult: e.supplierNotFixed.data.result,
    });
    expect(state.handledBy).toBeUndefined();
  });

  it('refuses an event type it does not know', () => {
    expect(() =>
      evolveStationFault(stationFaultProcess.initialState, {
        type: 'station-fault.ticket-reopened',
      } as never),
    ).toThrow(Error);
  });
});
