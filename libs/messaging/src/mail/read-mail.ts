import { createHash } from 'node:crypto';
import { decodeEncodedWords } from './encoded-words';
import type { InboundMail } from './inbound-mail';
import { MailParseError } from './mail-parse.error';
import { plainTextOf } from './mime-text';
import { header, splitMessage } from './rfc822-message';

// The same shape the domain accepts for a sender.
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** Long enough for any real question; a huge body is cut, not refused. */
export const MAX_BODY_CHARS = 50_000;

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
}

/**
 * The first mailbox of a From header: `刘女士 <liu@example.com>`,
 * `"=?UTF-8?B?…?=" <liu@example.com>`, `liu@example.com (Liu)` or a bare
 * address.
 */
export function senderOf(value: string): InboundMail['from'] {
  const angle = /<([^<>]*)>/.exec(value);
  if (angle) {
    const address = angle[1].trim();
    const name = decodeEncodedWords(
      unquote(value.slice(0, angle.index).trim()),
    );
    if (!ADDRESS.test(address)) {
      throw new MailParseError('the From header holds no address');
    }
    return name ? { address, name } : { address };
  }
  const comment = /\(([^()]*)\)/.exec(value);
  const address = value.replace(/\([^()]*\)/g, '').trim();
  if (!ADDRESS.test(address)) {
    throw new MailParseError('the From header holds no address');
  }
  const name = comment ? decodeEncodedWords(comment[1].trim()) : '';
  return name ? { address, name } : { address };
}

function instantOf(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const parsed = Date.parse(date.replace(/\s*\([^()]*\)\s*$/, ''));
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/**
 * A raw RFC 822 mail as the case needs it. Throws `MailParseError` for a
 * mail without a usable sender, or in a charset or encoding it cannot
 * read. A mail without a Message-ID is named by a digest of its bytes, so
 * reading the same file twice still opens one case.
 */
export function readMail(raw: Buffer, receivedAt: string): InboundMail {
  const message = splitMessage(raw);
  const from = header(message, 'from');
  if (!from) throw new MailParseError('the mail has no From header');

  const messageId =
    header(message, 'message-id')?.trim() ||
    `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  // Counted in code points, so a cut never splits a character.
  const body = [...plainTextOf(message)];
  const sentAt = instantOf(header(message, 'date'));
  return {
    messageId,
    from: senderOf(from),
    subject: decodeEncodedWords(header(message, 'subject') ?? ''),
    body:
      body.length > MAX_BODY_CHARS
        ? `${body.slice(0, MAX_BODY_CHARS).join('')}\n…（邮件过长，已截断）`
        : body.join(''),
    ...(sentAt ? { sentAt } : {}),
    receivedAt,
  };
}
