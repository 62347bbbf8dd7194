import { deciderSpec } from '../shared/testing/given-when-then';
import { categoriseFault } from './station-fault.category';
import {
  command,
  ctx,
  events,
  historyOf,
  payloads,
} from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

describe('the fault category rule fault-category/v1', () => {
  it.each([
    ['2号充电桩无法充电，屏幕黑屏', false, 'charging-pile'],
    ['充电枪头破损', false, 'charging-pile'],
    ['网点出口道闸无法抬杆', false, 'barrier-gate'],
    ['网点照明灯不亮，夜间取车困难', false, 'lighting'],
    ['3号车位地锁无法降下', false, 'parking-space'],
    ['车位被社会车辆占用', false, 'parking-space'],
    ['网点指示牌被撞倒', false, 'other'],
    ['指示牌被撞倒', true, 'charging-pile'],
    // A gate at a charging bay is still a pile problem: the order decides.
    ['充电车位道闸故障', false, 'charging-pile'],
    // Full-width text compares after NFKC.
    ['ＬＥＤ灯箱不亮', false, 'lighting'],
  ])('files "%s" (pile suspected: %s) under %s', (text, pile, expected) => {
    expect(categoriseFault(text, pile)).toBe(expected);
  });
});

describe('a phone agent records a fault about a blocked gate (4.1)', () => {
  it('records the category the rule gives on fault-recorded', () => {
    const report = {
      ...payloads.report,
      faultDescription: '出口道闸无法抬杆，车辆无法驶出',
      suspectedChargingPile: false,
      chargingPileId: undefined,
    };

    const state = given([])
      .when(command('ReportStationFault', report), ctx('cs-phone-agent'))
      .then([
        events.callReceived,
        {
          ...events.faultRecorded,
          data: {
            station: report.station,
            faultDescription: report.faultDescription,
            suspectedChargingPile: false,
            category: 'barrier-gate',
          },
        },
      ]);

    expect(state.category).toBe('barrier-gate');
  });
});

describe('a fault recorded before categories existed', () => {
  it('folds to the category the rule gives its description', () => {
    const { category: _recorded, ...legacy } = events.faultRecorded.data;
    const state = given([
      events.callReceived,
      { ...events.faultRecorded, data: legacy },
    ]).state;

    expect(state.category).toBe('charging-pile');
  });

  it('keeps a recorded category even where the rule would differ', () => {
    const state = given([
      events.callReceived,
      {
        ...events.faultRecorded,
        data: { ...events.faultRecorded.data, category: 'other' as const },
      },
    ]).state;

    expect(state.category).toBe('other');
    expect(given(historyOf.RECORDED).state.category).toBe('charging-pile');
  });
});
