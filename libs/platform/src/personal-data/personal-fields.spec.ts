import { openFields, sealFields, withoutFields } from './personal-fields';
import { isSealed, newDataKey, openText, sealText } from './sealed-text';

const PATHS = ['reporter.name', 'reporter.phone'];
const data = {
  ticketNumber: 'SF-20261204-0042',
  reporter: { type: 'user', name: '李女士', phone: '139 1234 5678' },
};

describe('personal fields sealed with a ticket key', () => {
  const key = newDataKey();
  const sealed = sealFields(data, PATHS, key, 'ticket-1');

  it('hide the name and the phone and keep everything else', () => {
    const reporter = sealed.reporter as Record<string, string>;
    expect(sealed.ticketNumber).toBe(data.ticketNumber);
    expect(reporter.type).toBe('user');
    expect(isSealed(reporter.name)).toBe(true);
    expect(isSealed(reporter.phone)).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/1234|李女士/);
  });

  it('seal to the same text twice, so a retried append is identical', () => {
    expect(sealFields(data, PATHS, key, 'ticket-1')).toEqual(sealed);
  });

  it('open with the key to the original data', () => {
    expect(openFields(sealed, PATHS, key, 'ticket-1')).toEqual(data);
  });

  it('leave the fields out once the key is gone', () => {
    expect(openFields(sealed, PATHS, null, 'ticket-1')).toEqual({
      ticketNumber: data.ticketNumber,
      reporter: { type: 'user' },
    });
  });

  it('do not open with another key or under another ticket', () => {
    expect(openFields(sealed, PATHS, newDataKey(), 'ticket-1')).toEqual(
      withoutFields(data, PATHS),
    );
    expect(openFields(sealed, PATHS, key, 'ticket-2')).toEqual(
      withoutFields(data, PATHS),
    );
  });

  it('leave the data given untouched', () => {
    expect(data.reporter.phone).toBe('139 1234 5678');
  });
});

describe('a sealed value with altered bytes', () => {
  it('does not open', () => {
    const key = newDataKey();
    const sealed = sealText('13800138000', key, 'c');
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(openText(altered, key, 'c')).toBeUndefined();
    expect(openText('pd1.garbage', key, 'c')).toBeUndefined();
  });
});
