import { decodeCharset } from './charsets';
import { MailParseError } from './mail-parse.error';
import {
  contentType,
  header,
  splitMessage,
  type MessagePart,
} from './rfc822-message';

function quotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

function decodedBody(part: MessagePart): Buffer {
  const encoding = (header(part, 'content-transfer-encoding') ?? '7bit')
    .trim()
    .toLowerCase();
  switch (encoding) {
    case '7bit':
    case '8bit':
    case 'binary':
      return part.body;
    case 'base64':
      return Buffer.from(part.body.toString('latin1'), 'base64');
    case 'quoted-printable':
      return quotedPrintable(part.body);
    default:
      throw new MailParseError(`unknown transfer encoding ${encoding}`);
  }
}

function partsOf(part: MessagePart, boundary: string): MessagePart[] {
  const delimiter = `--${boundary}`;
  const text = part.body.toString('latin1');
  const pieces = text.split(new RegExp(`\\r?\\n?${escape(delimiter)}`));
  // Before the first delimiter is the preamble; after "--" the epilogue.
  return pieces
    .slice(1)
    .filter((piece) => !piece.startsWith('--'))
    .map((piece) =>
      splitMessage(Buffer.from(piece.replace(/^[ \t]*\r?\n/, ''), 'latin1')),
    );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first part of `type` in the tree, depth first. */
function findPart(part: MessagePart, type: string): MessagePart | undefined {
  const { type: own, params } = contentType(part);
  if (own.startsWith('multipart/')) {
    if (!params.boundary)
      throw new MailParseError('multipart without boundary');
    for (const child of partsOf(part, params.boundary)) {
      const found = findPart(child, type);
      if (found) return found;
    }
    return undefined;
  }
  return own === type ? part : undefined;
}

function textOf(part: MessagePart): string {
  return decodeCharset(decodedBody(part), contentType(part).params.charset);
}

/**
 * The plain-text body of a message: its text/plain part, or the text of
 * its HTML part with the tags dropped when it has no plain one, or empty.
 * TODO(#11): attachments are not kept; the case says nothing of them.
 */
export function plainTextOf(message: MessagePart): string {
  const plain = findPart(message, 'text/plain');
  if (plain) return textOf(plain);
  const html = findPart(message, 'text/html');
  if (!html) return '';
  return textOf(html)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
