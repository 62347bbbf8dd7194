import type { FieldChecks } from './field-checks';

/**
 * Money is counted in fen (分, 1/100 yuan) as a safe integer, so sums and
 * comparisons are exact; yuan appear only in labels.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A fen amount, or a problem on `field`; `positive` also refuses 0. */
export function checkFen(
  checks: FieldChecks,
  field: string,
  value: unknown,
  options: { positive?: boolean } = {},
): value is Fen {
  if (!isFen(value)) {
    checks.fail(field, 'must be a whole number of fen (分), 0 or more');
    return false;
  }
  if (options.positive && value === 0) {
    checks.fail(field, 'must be more than 0 fen');
    return false;
  }
  return true;
}

/** `¥12.30` from 1230 fen. */
export function yuanLabel(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
