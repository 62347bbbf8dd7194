import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
} from 'node:crypto';

const PREFIX = 'pd1.';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A fresh data key for one subject (a ticket). */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Whether a stored value is sealed personal data. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/**
 * `pd1.<iv>.<ciphertext and tag>` (base64url): AES-256-GCM bound to
 * `context` (the subject and the field). The IV is derived from the key,
 * the context and the text, so sealing the same field twice gives the
 * same value: a retried append stores exactly what the first one did.
 */
export function sealText(text: string, key: Buffer, context: string): string {
  const iv = createHmac('sha256', key)
    .update(context)
    .update('\u0000')
    .update(text)
    .digest()
    .subarray(0, IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([
    cipher.update(text, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${PREFIX}${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The text, or undefined when the value does not open with this key. */
export function openText(
  sealed: string,
  key: Buffer,
  context: string,
): string | undefined {
  if (!isSealed(sealed)) return undefined;
  const [ivPart, bodyPart] = sealed.slice(PREFIX.length).split('.');
  if (!ivPart || !bodyPart) return undefined;
  try {
    const iv = Buffer.from(ivPart, 'base64url');
    const body = Buffer.from(bodyPart, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return undefined;
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // A wrong key or altered bytes: GCM refuses, and so do we.
    return undefined;
  }
}
