import { deciderSpec } from '../shared/testing/given-when-then';
import {
  CHARGING_PILE_ID,
  REPAIR_TICKET_ID,
  SUPPLIER_ID,
  command,
  ctx,
  events,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

describe('a fault at the operations team (decision D2)', () => {
  it('is a charging-pile problem and the supplier is sent', () => {
    const state = given(historyOf.AT_OPS_TEAM)
      .when(
        command('ClassifyFault', payloads.classifyPile),
        ctx('station-ops-team'),
      )
      .then([events.classifiedPile, events.supplierDispatched]);

    expect(state).toMatchObject({
      status: 'SUPPLIER_HANDLING',
      isChargingPileIssue: true,
      supplierId: SUPPLIER_ID,
      chargingPileId: CHARGING_PILE_ID,
    });
  });

  it('is not a charging-pile problem and operations repair on site', () => {
    const state = given(historyOf.AT_OPS_TEAM)
      .when(
        command('ClassifyFault', payloads.classifyNotPile),
        ctx('station-ops-team'),
      )
      .then([events.classifiedNotPile, events.repairStarted]);

    expect(state).toMatchObject({
      status: 'OPS_REPAIRING',
      isChargingPileIssue: false,
      repairTicketId: REPAIR_TICKET_ID,
    });
  });
});

describe('a charging-pile supplier on site (gap G-a)', () => {
  it('fixes the pile and handling is done by the supplier', () => {
    const state = given(historyOf.SUPPLIER_HANDLING)
      .when(
        command('CompleteSupplierHandling', payloads.supplierFixed),
        ctx('charging-pile-supplier'),
      )
      .then([events.supplierFixed]);

    expect(state).toMatchObject({
      status: 'HANDLING_DONE',
      handledBy: 'supplier',
      lastResult: payloads.supplierFixed.result,
    });
  });

  it('does not fix it and the ticket goes back to operations (gap G-e)', () => {
    const state = given(historyOf.SUPPLIER_HANDLING)
      .when(
        command('CompleteSupplierHandling', payloads.supplierNotFixed),
        ctx('charging-pile-supplier'),
      )
      .then([events.supplierNotFixed]);

    expect(state.status).toBe('AT_OPS_TEAM');
    expect(state.handledBy).toBeUndefined();
  });
});

describe('operations repairing on site', () => {
  it('fix the fault and handling is done by operations', () => {
    const state = given(historyOf.OPS_REPAIRING)
      .when(
        command('CompleteOpsRepair', payloads.opsFixed),
        ctx('station-ops-team'),
      )
      .then([events.opsFixed]);

    expect(state).toMatchObject({
      status: 'HANDLING_DONE',
      handledBy: 'ops-team',
    });
  });

  it('do not fix it and decide again at the operations team (gap G-e)', () => {
    const state = given(historyOf.OPS_REPAIRING)
      .when(
        command('CompleteOpsRepair', payloads.opsNotFixed),
        ctx('station-ops-team'),
      )
      .then([events.opsNotFixed]);

    expect(state.status).toBe('AT_OPS_TEAM');
  });
});

describe('a fault sent back to operations after a failed repair', () => {
  it('can be classified again, this time for the other branch', () => {
    given([...historyOf.SUPPLIER_HANDLING, events.supplierNotFixed])
      .when(
        command('ClassifyFault', payloads.classifyNotPile),
        ctx('station-ops-team'),
      )
      .then([events.classifiedNotPile, events.repairStarted]);
  });
});
