import type { Custody } from '../shared';
import {
  INSPECTOR_ID,
  OPS_TEAM_ID,
  SUPPLIER_ID,
  events as e,
  historyOf,
  resultNotified,
} from './station-fault.fixtures';
import type { StationFaultEvent } from './station-fault.events';
import { stationFaultProcess } from './station-fault.process';

/** The custody after each event, folding from the initial state. */
function custodyAfterEach(events: StationFaultEvent[]): Custody[] {
  let state = stationFaultProcess.initialState;
  return events.map((event) => {
    state = stationFaultProcess.evolve(state, event);
    return stationFaultProcess.custody(state);
  });
}

const agent: Custody = { role: 'cs-phone-agent' };
const dispatch: Custody = { role: 'dispatch-manager' };
const platform: Custody = { role: 'regional-platform' };
const inspector: Custody = {
  role: 'regional-inspector',
  assigneeId: INSPECTOR_ID,
};
const manager: Custody = { role: 'station-manager' };
const ops: Custody = { role: 'station-ops-team', assigneeId: OPS_TEAM_ID };
const supplier: Custody = {
  role: 'charging-pile-supplier',
  assigneeId: SUPPLIER_ID,
};
const nobody: Custody = { role: null };

describe('a fault cleared on the first visit, told to the reporter', () => {
  it('passes from the agent to dispatch, platform, inspector and back', () => {
    const scenario = [
      ...historyOf.RESOLVED_BY_INSPECTION,
      resultNotified('cleared-by-inspector'),
      e.reporterInformed,
      e.ticketClosed,
    ];

    expect(custodyAfterEach(scenario)).toEqual([
      nobody, // call-received: not a ticket until fault-recorded lands
      agent, // fault-recorded
      dispatch, // task-created
      platform, // dispatched-to-region
      inspector, // inspection-assigned
      inspector, // inspector-arrived
      platform, // fault-cleared-by-inspector: the platform tells the centre
      agent, // result-notified-to-customer-service
      agent, // reporter-informed (same append as ticket-closed)
      nobody, // ticket-closed
    ]);
  });
});

describe('a fault escalated through both repair loops', () => {
  it('passes through every holder in the order of the events', () => {
    const scenario = [
      ...historyOf.AT_OPS_TEAM,
      e.classifiedPile,
      e.supplierDispatched,
      e.supplierNotFixed,
      e.classifiedNotPile,
      e.repairStarted,
      e.opsNotFixed,
      e.classifiedPile,
      e.supplierDispatched,
      e.supplierFixed,
      e.resultReported,
      resultNotified('repaired-by-supplier'),
      e.reporterInformed,
      e.ticketClosed,
    ];

    expect(custodyAfterEach(scenario)).toEqual([
      nobody,
      agent,
      dispatch,
      platform,
      inspector,
      inspector,
      platform, // fault-not-cleared
      dispatch, // unresolved-reported-to-dispatch
      manager, // escalated-to-station-manager
      ops, // ops-task-assigned
      ops, // fault-classified (pile)
      supplier, // supplier-dispatched
      ops, // supplier-handling-completed, not fixed
      ops, // fault-classified (not pile)
      ops, // on-site-repair-started
      ops, // ops-repair-completed, not fixed
      ops, // fault-classified (pile)
      supplier, // supplier-dispatched
      ops, // supplier-handling-completed, fixed: HANDLING_DONE
      manager, // result-reported-to-station-manager
      agent, // result-notified-to-customer-service
      agent,
      nobody,
    ]);
  });
});

describe('a ticket before its first event', () => {
  it('is held by nobody until its intake is recorded', () => {
    expect(
      stationFaultProcess.custody(stationFaultProcess.initialState),
    ).toEqual(nobody);
  });
});
