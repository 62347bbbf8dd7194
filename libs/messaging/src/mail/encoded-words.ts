import { decodeCharset } from './charsets';

// =?charset?B|Q?text?= (RFC 2047), charset possibly with a *language.
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
const BETWEEN_WORDS = /(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?)/g;

function qBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/**
 * A header value with its encoded words decoded: Chinese subjects and
 * names arrive as `=?UTF-8?B?…?=` or `=?GB2312?Q?…?=`. White space between
 * two encoded words is dropped, as the RFC says.
 */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(BETWEEN_WORDS, '$1')
    .replace(ENCODED_WORD, (_, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qBytes(text);
      return decodeCharset(bytes, charset.split('*')[0]);
    });
}
