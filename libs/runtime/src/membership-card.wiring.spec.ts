import { courierRecordIdOf } from './membership-card.wiring';

describe('the id of a member’s courier record', () => {
  it('is the same for the member id typed with full-width digits or spaces', () => {
    expect(courierRecordIdOf(' M-３１００００-5521 ')).toBe(
      courierRecordIdOf('M-310000-5521'),
    );
    expect(courierRecordIdOf('M-310000-5522')).not.toBe(
      courierRecordIdOf('M-310000-5521'),
    );
  });
});
