import { TextDecoder } from 'node:util';
import { MailParseError } from './mail-parse.error';

// The names senders use for charsets TextDecoder knows by another name.
const ALIASES: Record<string, string> = {
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  cp936: 'gbk',
};

/** Bytes as text in a mail's charset; an unknown charset is refused. */
export function decodeCharset(bytes: Buffer, charset = 'utf-8'): string {
  const name = charset.trim().toLowerCase();
  const label = ALIASES[name] ?? name;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new MailParseError(`unknown charset ${name}`);
  }
  return decoder.decode(bytes);
}
