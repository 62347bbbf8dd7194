import { MailParseError } from './mail-parse.error';

/** A message or MIME part: its headers by lower-case name, and its body. */
export interface MessagePart {
  headers: ReadonlyMap<string, readonly string[]>;
  body: Buffer;
}

function headerEnd(raw: Buffer): { end: number; skip: number } | null {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, skip: 4 };
  if (lf >= 0) return { end: lf, skip: 2 };
  return null;
}

/**
 * Splits a message (RFC 5322) into unfolded headers and the body bytes.
 * Header text is read as UTF-8, which also covers plain ASCII and the
 * raw UTF-8 headers of RFC 6532.
 */
export function splitMessage(raw: Buffer): MessagePart {
  const split = headerEnd(raw);
  const head = (split ? raw.subarray(0, split.end) : raw).toString('utf8');
  const body = split ? raw.subarray(split.end + split.skip) : Buffer.alloc(0);

  const headers = new Map<string, string[]>();
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    const list = headers.get(current.name) ?? [];
    list.push(current.value.trim());
    headers.set(current.name, list);
  };
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
      throw new MailParseError('a header line has no field name');
    }
    flush();
    current = {
      name: line.slice(0, colon).toLowerCase(),
      value: line.slice(colon + 1),
    };
  }
  flush();
  return { headers, body };
}

export function header(part: MessagePart, name: string): string | undefined {
  return part.headers.get(name)?.[0];
}

/** `text/plain; charset="gbk"` → type and parameters, lower-case names. */
export function contentType(part: MessagePart): {
  type: string;
  params: Record<string, string>;
} {
  const value = header(part, 'content-type') ?? 'text/plain; charset=us-ascii';
  const [type, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    params[name] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}
