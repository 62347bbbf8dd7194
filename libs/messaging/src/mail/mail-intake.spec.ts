import type { InboundMail } from './inbound-mail';
import { MAIL_INBOX_ACTOR_ID, receiveMailCommand } from './mail-intake';

const mail: InboundMail = {
  messageId: '<20261204093000.1@mail.example.com>',
  from: { address: 'liu@example.com', name: '刘女士' },
  subject: '押金退还',
  body: '请问押金多久退还？',
  sentAt: '2026-12-04T01:30:00.000Z',
  receivedAt: '2026-12-04T01:30:05.000Z',
};

describe('the command a mail becomes', () => {
  it('opens an email case as the system, for the inbox’s subsidiary', () => {
    const command = receiveMailCommand(mail, 'sh', new Date());
    expect(command).toMatchObject({
      processId: 'email-case',
      type: 'ReceiveMail',
      actor: {
        id: MAIL_INBOX_ACTOR_ID,
        role: 'system',
        kind: 'automatic',
        subsidiary: 'sh',
      },
      payload: {
        messageId: mail.messageId,
        from: mail.from,
        receivedAt: mail.receivedAt,
        sentAt: mail.sentAt,
      },
    });
  });

  it('has the same ids whenever the same mail is read', () => {
    const first = receiveMailCommand(mail, 'sh', new Date(0));
    const again = receiveMailCommand(
      { ...mail, receivedAt: '2026-12-04T02:00:00.000Z' },
      'sh',
      new Date(),
    );
    expect(again.commandId).toBe(first.commandId);
    expect(again.ticketId).toBe(first.ticketId);
    expect(first.ticketId).not.toBe(first.commandId);
  });

  it('has other ids for another Message-ID', () => {
    const first = receiveMailCommand(mail, 'sh', new Date());
    const other = receiveMailCommand(
      { ...mail, messageId: '<other@mail.example.com>' },
      'sh',
      new Date(),
    );
    expect(other.commandId).not.toBe(first.commandId);
    expect(other.ticketId).not.toBe(first.ticketId);
  });

  it('has other ids in another subsidiary’s mailbox, so a mail sent to both opens a case in each', () => {
    const sh = receiveMailCommand(mail, 'sh', new Date());
    const hz = receiveMailCommand(mail, 'hz', new Date());
    expect(hz.commandId).not.toBe(sh.commandId);
    expect(hz.ticketId).not.toBe(sh.ticketId);
  });
});
