import {
  vehicleRepairProcess,
  type VehicleRepairEvent,
  type VehicleRepairState,
} from '@opsdesk/domain';
import {
  vehicleRepairReadModel,
  vehicleRepairSummary,
} from './vehicle-repair.read-model';

const reported: VehicleRepairEvent = {
  type: 'vehicle-repair.reported',
  schemaVersion: 1,
  data: {
    ticketNumber: 'VR-20260302-0001',
    subsidiaryId: 'sh',
    memberId: 'M-310000-5521',
    plate: '沪A·D12345',
    caller: { phone: '13800138000' },
    description: '制动踏板发软',
    occurredAt: '2026-03-02T05:30:00.000Z',
    location: '张杨路500号',
    emergencyMeasures: '已靠边停车',
    canMove: false,
    payer: 'fleet',
    fleetId: 'FLEET-SH-07',
  },
};

function fold(events: VehicleRepairEvent[]): VehicleRepairState {
  return events.reduce(
    (state, event) => vehicleRepairProcess.evolve(state, event),
    vehicleRepairProcess.initialState,
  );
}

describe('the vehicle-repair timeline lines', () => {
  it('say in Chinese whether the car moves, who pays and when, in Shanghai time', () => {
    expect(vehicleRepairSummary(reported)).toBe(
      '沪A·D12345（无法行驶，车队付费）：制动踏板发软，2026/03/02 13:30:00 于 张杨路500号',
    );
  });

  it('show a quote in yuan and whose turn it is', () => {
    expect(
      vehicleRepairSummary({
        type: 'vehicle-repair.quote-issued',
        schemaVersion: 1,
        data: { quoteFen: 86050, awaiting: 'fleet' },
      }),
    ).toBe('报价 ¥860.50，待车队确认');
  });
});

describe('the vehicle-repair reporting row', () => {
  it('counts no money for a quote that was never approved', () => {
    const state = fold([
      reported,
      {
        type: 'vehicle-repair.quote-issued',
        schemaVersion: 1,
        data: { quoteFen: 86000, awaiting: 'fleet' },
      },
      {
        type: 'vehicle-repair.quote-refused',
        schemaVersion: 1,
        data: { refusedBy: 'fleet', reason: '费用过高' },
      },
    ]);
    expect(vehicleRepairReadModel.report(state)).toMatchObject({
      outcome: null,
      amountFen: null,
      facts: { payer: 'fleet', rescued: false },
    });
  });

  it('counts the approved quote', () => {
    const state = fold([
      reported,
      {
        type: 'vehicle-repair.quote-issued',
        schemaVersion: 1,
        data: { quoteFen: 86000, awaiting: 'fleet' },
      },
      {
        type: 'vehicle-repair.quote-approved',
        schemaVersion: 1,
        data: { approvedBy: 'fleet', quoteFen: 86000 },
      },
    ]);
    expect(vehicleRepairReadModel.report(state).amountFen).toBe(86000);
  });
});
