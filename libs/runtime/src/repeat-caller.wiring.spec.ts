import { ConfigError } from '@opsdesk/platform';
import {
  callerKeysOf,
  normalisedPhone,
  repeatCallMatchKey,
  repeatCallRulesFrom,
} from './repeat-caller.wiring';

const KEY = 'k'.repeat(32);

describe('the repeat-call rules from the environment', () => {
  it('default to three calls within 72 hours', () => {
    expect(repeatCallRulesFrom({})).toEqual({ windowHours: 72, threshold: 3 });
  });

  it('read REPEAT_CALL_WINDOW_HOURS and REPEAT_CALL_THRESHOLD', () => {
    expect(
      repeatCallRulesFrom({
        REPEAT_CALL_WINDOW_HOURS: '24',
        REPEAT_CALL_THRESHOLD: '2',
      }),
    ).toEqual({ windowHours: 24, threshold: 2 });
  });

  it.each([
    ['REPEAT_CALL_WINDOW_HOURS', '0'],
    ['REPEAT_CALL_WINDOW_HOURS', '1.5'],
    ['REPEAT_CALL_WINDOW_HOURS', 'three days'],
    ['REPEAT_CALL_THRESHOLD', '1'],
    ['REPEAT_CALL_THRESHOLD', '-3'],
  ])('refuse %s=%s as a configuration error', (name, value) => {
    expect(() => repeatCallRulesFrom({ [name]: value })).toThrow(ConfigError);
  });

  it('refuse a match key shorter than 32 characters', () => {
    expect(() =>
      repeatCallMatchKey({ REPEAT_CALL_MATCH_KEY: 'short' }),
    ).toThrow(ConfigError);
    expect(repeatCallMatchKey({ REPEAT_CALL_MATCH_KEY: KEY })).toBe(KEY);
  });
});

describe('the caller keys', () => {
  it('treat one number written several ways as one caller', () => {
    const forms = [
      '13800138000',
      '+86 138-0013-8000',
      '0086 13800138000',
      '１３８００１３８０００',
    ];
    expect(new Set(forms.map(normalisedPhone))).toEqual(
      new Set(['13800138000']),
    );
    const keys = forms.map(
      (phone) => callerKeysOf({ caller: { phone } }, KEY)[0],
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('hold neither the phone nor the member id', () => {
    const keys = callerKeysOf(
      { caller: { phone: '13800138000' }, memberId: 'M-310000-5521' },
      KEY,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^phone:[0-9a-f]{32}$/);
    expect(keys[1]).toMatch(/^member:[0-9a-f]{32}$/);
    expect(keys.join()).not.toContain('13800138000');
    expect(keys.join()).not.toContain('5521');
  });

  it('differ under another key, and between different callers', () => {
    const payload = { caller: { phone: '13800138000' } };
    expect(callerKeysOf(payload, KEY)).not.toEqual(
      callerKeysOf(payload, 'x'.repeat(32)),
    );
    expect(callerKeysOf(payload, KEY)).not.toEqual(
      callerKeysOf({ caller: { phone: '13800138001' } }, KEY),
    );
  });

  it('leave out what is malformed, for the decider to refuse', () => {
    expect(callerKeysOf({ caller: { phone: 7 }, memberId: ' ' }, KEY)).toEqual(
      [],
    );
    expect(callerKeysOf({}, KEY)).toEqual([]);
  });
});
