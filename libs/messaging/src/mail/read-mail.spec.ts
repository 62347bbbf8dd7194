import { MailParseError } from './mail-parse.error';
import { MAX_BODY_CHARS, readMail, senderOf } from './read-mail';

const RECEIVED = '2026-03-02T05:40:00.000Z';

function mail(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

describe('reading a plain mail', () => {
  it('takes the sender, subject, date, Message-ID and body', () => {
    const read = readMail(
      mail([
        'From: Liu <liu@example.com>',
        'To: kefu@evcard.example',
        'Subject: Deposit refund',
        'Date: Mon, 2 Mar 2026 13:39:30 +0800',
        'Message-ID: <20260302.5521@mail.example.com>',
        '',
        'How long does a refund take?',
        '',
      ]),
      RECEIVED,
    );
    expect(read).toEqual({
      messageId: '<20260302.5521@mail.example.com>',
      from: { address: 'liu@example.com', name: 'Liu' },
      subject: 'Deposit refund',
      sentAt: '2026-03-02T05:39:30.000Z',
      body: 'How long does a refund take?\r\n',
      receivedAt: RECEIVED,
    });
  });

  it('unfolds a header written over several lines', () => {
    const read = readMail(
      mail([
        'From: liu@example.com',
        'Subject: a subject',
        '  that goes on',
        '',
        'x',
      ]),
      RECEIVED,
    );
    expect(read.subject).toBe('a subject that goes on');
  });

  it('keeps a mail without a Date header, and one with a garbled date', () => {
    const without = readMail(mail(['From: a@b.cn', '', 'x']), RECEIVED);
    const garbled = readMail(
      mail(['From: a@b.cn', 'Date: sometime soon', '', 'x']),
      RECEIVED,
    );
    expect(without.sentAt).toBeUndefined();
    expect(garbled.sentAt).toBeUndefined();
  });

  it('names a mail without a Message-ID by a digest of its bytes', () => {
    const raw = mail(['From: a@b.cn', 'Subject: s', '', 'x']);
    const first = readMail(raw, RECEIVED);
    expect(first.messageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readMail(raw, RECEIVED).messageId).toBe(first.messageId);
    expect(
      readMail(mail(['From: a@b.cn', 'Subject: t', '', 'x']), RECEIVED)
        .messageId,
    ).not.toBe(first.messageId);
  });

  it('cuts a huge body at a whole character and says so', () => {
    const read = readMail(
      mail(['From: a@b.cn', '', '车'.repeat(MAX_BODY_CHARS + 10)]),
      RECEIVED,
    );
    expect([...read.body].slice(0, MAX_BODY_CHARS).join('')).toBe(
      '车'.repeat(MAX_BODY_CHARS),
    );
    expect(read.body.endsWith('已截断）')).toBe(true);
  });
});

describe('reading Chinese mail', () => {
  it('decodes encoded words in the subject and the sender’s name', () => {
    const subject = Buffer.from('会员卡押金退还', 'utf8').toString('base64');
    const name = Buffer.from('刘女士', 'utf8').toString('base64');
    const read = readMail(
      mail([
        `From: "=?UTF-8?B?${name}?=" <liu@example.com>`,
        `Subject: =?UTF-8?B?${subject.slice(0, 12)}?= =?UTF-8?B?${subject.slice(12)}?=`,
        '',
        'x',
      ]),
      RECEIVED,
    );
    expect(read.from).toEqual({ address: 'liu@example.com', name: '刘女士' });
    expect(read.subject).toBe('会员卡押金退还');
  });

  it('decodes a GB2312 quoted-printable subject', () => {
    // 你好 in GBK is C4 E3 BA C3.
    const read = readMail(
      mail(['From: a@b.cn', 'Subject: =?GB2312?Q?=C4=E3=BA=C3?=', '', 'x']),
      RECEIVED,
    );
    expect(read.subject).toBe('你好');
  });

  it('decodes a base64 UTF-8 body', () => {
    const body = Buffer.from('请问押金多久退还？', 'utf8').toString('base64');
    const read = readMail(
      mail([
        'From: a@b.cn',
        'Content-Type: text/plain; charset="utf-8"',
        'Content-Transfer-Encoding: base64',
        '',
        body,
      ]),
      RECEIVED,
    );
    expect(read.body).toBe('请问押金多久退还？');
  });

  it('decodes a quoted-printable GBK body with soft line breaks', () => {
    const read = readMail(
      mail([
        'From: a@b.cn',
        'Content-Type: text/plain; charset=gbk',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '=C4=E3=',
        '=BA=C3',
      ]),
      RECEIVED,
    );
    expect(read.body).toBe('你好');
  });
});

describe('reading a multipart mail', () => {
  it('takes the text part and leaves the HTML and the attachment', () => {
    const read = readMail(
      mail([
        'From: a@b.cn',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        'preamble',
        '--outer',
        'Content-Type: multipart/alternative; boundary=inner',
        '',
        '--inner',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '纯文本正文',
        '--inner',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>网页正文</p>',
        '--inner--',
        '--outer',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0=',
        '--outer--',
        '',
      ]),
      RECEIVED,
    );
    expect(read.body).toBe('纯文本正文');
  });

  it('falls back to the text of the HTML part without its tags', () => {
    const read = readMail(
      mail([
        'From: a@b.cn',
        'Content-Type: multipart/alternative; boundary=b',
        '',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><style>p{}</style><p>您好&nbsp;客服</p>谢谢</html>',
        '--b--',
      ]),
      RECEIVED,
    );
    expect(read.body).toBe('您好 客服\n谢谢');
  });
});

describe('the sender', () => {
  it.each([
    ['liu@example.com', { address: 'liu@example.com' }],
    ['<liu@example.com>', { address: 'liu@example.com' }],
    [
      'liu@example.com (刘女士)',
      { address: 'liu@example.com', name: '刘女士' },
    ],
    [
      '刘女士 <liu@example.com>',
      { address: 'liu@example.com', name: '刘女士' },
    ],
    [
      '"Liu, Ms" <liu@example.com>',
      { address: 'liu@example.com', name: 'Liu, Ms' },
    ],
  ])('is read from %s', (value, expected) => {
    expect(senderOf(value)).toEqual(expected);
  });
});

describe('a mail that cannot be read', () => {
  it.each([
    ['no From header', ['Subject: s', '', 'x']],
    ['a From without an address', ['From: Liu', '', 'x']],
    ['a header line without a name', ['From: a@b.cn', 'garbage line', '', 'x']],
    [
      'an unknown charset',
      ['From: a@b.cn', 'Content-Type: text/plain; charset=klingon', '', 'x'],
    ],
    [
      'an unknown transfer encoding',
      ['From: a@b.cn', 'Content-Transfer-Encoding: x-uuencode', '', 'x'],
    ],
    [
      'a multipart without a boundary',
      ['From: a@b.cn', 'Content-Type: multipart/mixed', '', 'x'],
    ],
  ])('is refused for %s', (_, lines) => {
    expect(() => readMail(mail(lines), RECEIVED)).toThrow(MailParseError);
  });
});
