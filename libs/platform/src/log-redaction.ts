/** What a redacted value is replaced with in a log line. */
export const REDACTED = '[redacted]';

// Keys whose values never reach a log line: credentials and a reporter's
// phone number, wherever they sit in the logged object.
const SECRET_KEY =
  /^(authorization|password|phone|reporterphone|reporter_phone|token|accesstoken|signingkey|cookie)$/i;

// A bearer token or a bare JWT inside free text.
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// A mainland mobile number (11 digits from 13x to 19x) inside free text.
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

const MAX_DEPTH = 8;

/** Free text with tokens and mobile numbers masked. */
export function redactText(text: string): string {
  return text
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(MOBILE, REDACTED);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a log object with secrets and phone numbers masked at any
 * depth. Errors and other class instances are left to their serializers,
 * except that an error's message is masked too.
 */
export function redactForLog<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) {
    return value;
  }
  if (value instanceof Error) {
    value.message = redactText(value.message);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactForLog(item, depth + 1)) as T;
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && item !== undefined && item !== null
        ? REDACTED
        : redactForLog(item, depth + 1);
  }
  return copy as T;
}
