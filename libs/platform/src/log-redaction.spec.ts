import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { REDACTED, redactText } from './log-redaction';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger('test', 'info', stream) };
}

const TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC0wMTA3In0.c2lnbmF0dXJlLXBhcnQ';

describe('a log line about a request and a command', () => {
  const { lines, logger } = capture();
  logger.info(
    {
      req: { headers: { authorization: `Bearer ${TOKEN}` } },
      command: {
        payload: { reporter: { type: 'user', phone: '13800138000' } },
      },
      ticket: { reporterPhone: '021-6488 1234' },
    },
    'command received',
  );
  const line = lines.join('');

  it('carries neither the token nor the phone numbers', () => {
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain('13800138000');
    expect(line).not.toContain('6488 1234');
    expect(JSON.parse(line)).toMatchObject({
      req: { headers: { authorization: REDACTED } },
      command: { payload: { reporter: { type: 'user', phone: REDACTED } } },
      msg: 'command received',
    });
  });
});

describe('a message or an error text that quotes a secret', () => {
  const { lines, logger } = capture();
  logger.warn(`retrying with Bearer ${TOKEN} for 13900001111`);
  logger.error({ err: new Error(`reporter 13900001111 unreachable`) }, 'x');

  it('is masked in the message and in the error', () => {
    const text = lines.join('');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('13900001111');
  });

  it('keeps ticket numbers and ids that merely contain digits', () => {
    expect(redactText('SF-20261204-0042 at 1733300000000')).toBe(
      'SF-20261204-0042 at 1733300000000',
    );
  });
});
