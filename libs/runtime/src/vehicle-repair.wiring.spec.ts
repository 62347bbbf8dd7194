import { ConfigError } from '@opsdesk/platform';
import { vehicleRepairRulesFrom } from './vehicle-repair.wiring';

describe('the vehicle-repair warranty setting', () => {
  it('is 30 days when unset or empty', () => {
    expect(vehicleRepairRulesFrom({})).toEqual({ warrantyDays: 30 });
    expect(
      vehicleRepairRulesFrom({ VEHICLE_REPAIR_WARRANTY_DAYS: '' }),
    ).toEqual({ warrantyDays: 30 });
  });

  it('takes a whole number of days', () => {
    expect(
      vehicleRepairRulesFrom({ VEHICLE_REPAIR_WARRANTY_DAYS: '100' }),
    ).toEqual({ warrantyDays: 100 });
  });

  it.each(['0', '-5', '7.5', 'thirty', '3651'])(
    'refuses %s at start-up',
    (value) => {
      expect(() =>
        vehicleRepairRulesFrom({ VEHICLE_REPAIR_WARRANTY_DAYS: value }),
      ).toThrow(ConfigError);
    },
  );
});
