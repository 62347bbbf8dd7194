import { DEFAULT_INVOICE_RULES } from '@opsdesk/domain';
import { ConfigError } from '@opsdesk/platform';
import {
  eInvoiceNumberOf,
  invoiceRulesFrom,
  violationDueTime,
} from './money-processes.wiring';

describe('the invoice rules from the environment', () => {
  it('default to the manual’s numbers', () => {
    expect(invoiceRulesFrom({})).toEqual(DEFAULT_INVOICE_RULES);
  });

  it('take the numbers the business confirms', () => {
    expect(
      invoiceRulesFrom({
        INVOICE_E_INVOICE_ABOVE_FEN: '0',
        INVOICE_MAX_ORDER_AGE_DAYS: '180',
        INVOICE_REISSUE_LIMIT_DAYS: '15',
      }),
    ).toEqual({
      eInvoiceAboveFen: 0,
      maxOrderAgeDays: 180,
      reissueLimitDays: 15,
    });
  });

  it('refuse a number that is not a whole one', () => {
    expect(() =>
      invoiceRulesFrom({ INVOICE_MAX_ORDER_AGE_DAYS: 'ninety' }),
    ).toThrow(ConfigError);
  });
});

describe('the hour a violation day’s step falls due', () => {
  it('is 09:00 unless configured', () => {
    expect(violationDueTime({})).toBe('09:00');
    expect(violationDueTime({ VIOLATION_DUE_TIME: '10:30' })).toBe('10:30');
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => violationDueTime({ VIOLATION_DUE_TIME: '9am' })).toThrow(
      ConfigError,
    );
  });
});

describe('the number of a system-issued e-invoice', () => {
  it('follows the case’s ticket number', () => {
    expect(eInvoiceNumberOf('IV-20260302-0001')).toBe('EI-20260302-0001');
  });
});
