import {
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamNameOf } from '@opsdesk/domain';
import { receiveMailCommand } from '@opsdesk/messaging';
import { audit } from '../apps/audit/src/testing/audit-harness';
import { eventually } from './support/eventually';
import { reportByStatus } from './support/report-rows';
import { startTestSystem, type TestSystem } from './support/system';

type Answer = {
  ticket: {
    id: string;
    number: string;
    status: string;
    holder: { role: string | null };
  };
  events: { type: string; label: { zh: string } }[];
};
type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};
type View = {
  status: string;
  ticketNumber: string;
  holderRole: string | null;
  headline: string | null;
  outcome: string | null;
  terminal: boolean;
  facts: Record<string, unknown>;
};
type Timeline = {
  entries: {
    type: string;
    labelZh: string;
    summaryZh: string | null;
    actorRole: string | null;
    actorKind: string | null;
  }[];
};
type Listed = { items: { ticketId: string; headline?: string | null }[] };

const specialist = { id: 'mail-chen', role: 'cs-email-specialist' };

/** An instant some minutes before the test runs, in whole seconds. */
function minutesAgo(minutes: number): string {
  const at = Math.floor(Date.now() / 1000) * 1000 - minutes * 60_000;
  return new Date(at).toISOString();
}
const supervisor = { id: 'sup-wang', role: 'cs-supervisor' };
const department = { id: 'ops-li', role: 'related-department' };

function rawMail(options: {
  messageId: string;
  subject: string;
  body: string;
}): string {
  const subject = Buffer.from(options.subject, 'utf8').toString('base64');
  return [
    'From: =?UTF-8?B?5YiY5aWz5aOr?= <liu.nvshi@example.com>',
    'To: kefu@evcard.example',
    `Subject: =?UTF-8?B?${subject}?=`,
    'Date: Fri, 04 Dec 2026 09:30:00 +0800',
    `Message-ID: ${options.messageId}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(options.body, 'utf8').toString('base64'),
    '',
  ].join('\r\n');
}

/**
 * 邮件客服岗位工作流程 through the maildir adapter and HTTP → queues →
 * workers → store → projections, every branch of the four kinds of mail.
 */
jest.setTimeout(60_000);

describe('e-mail cases, end to end', () => {
  let system: TestSystem;
  let maildir: string;

  beforeAll(async () => {
    maildir = await mkdtemp(join(tmpdir(), 'opsdesk-inbox-'));
    await mkdir(join(maildir, 'new'));
    system = await startTestSystem({
      MAIL_INBOX_DIR: maildir,
      MAIL_INBOX_SUBSIDIARY: 'sh',
      MAIL_POLL_INTERVAL_MS: '50',
    });
  });

  afterAll(async () => {
    await system?.stop();
    if (maildir) await rm(maildir, { recursive: true, force: true });
  });

  async function typesOf(ticketId: string): Promise<string[]> {
    const events = await system.resources.store.readStream(
      streamNameOf('email-case', ticketId),
    );
    return events.map((e) => e.type.replace('email-case.', ''));
  }

  async function settled(ticketId: string, length: number) {
    return eventually(async () => {
      // The view and the timeline are written together; read the timeline
      // first so a complete one means the view read after it is too.
      const timeline = await system.client.get<Timeline>(
        `/email-cases/${ticketId}/timeline`,
      );
      expect(timeline.entries).toHaveLength(length);
      const view = await system.client.get<View>(`/email-cases/${ticketId}`);
      return { view, timeline };
    });
  }

  async function deliver(name: string, text: string, receivedAt: string) {
    // Written beside new/ and renamed in, as a delivery agent does: the
    // adapter, polling new/, then never sees the file before its time is
    // set (a rename keeps it; a copy into new/ would not).
    const path = join(maildir, name);
    await writeFile(path, text);
    await utimes(path, new Date(receivedAt), new Date(receivedAt));
    await rename(path, join(maildir, 'new', name));
  }

  /** The case the adapter opens for a Message-ID, once it is in the view. */
  async function caseOf(messageId: string): Promise<string> {
    const ticketId = receiveMailCommand(
      {
        messageId,
        from: { address: 'x@y.cn' },
        subject: '',
        body: '',
        receivedAt: new Date().toISOString(),
      },
      'sh',
      new Date(),
    ).ticketId;
    await eventually(async () => {
      const view = await system.client.get<View>(`/email-cases/${ticketId}`, {
        actor: specialist,
      });
      expect(view.status).toBe('MAIL_RECEIVED');
    });
    return ticketId;
  }

  async function receiveByHand(subject: string): Promise<string> {
    const created = await system.client.send<Answer>(
      '/email-cases',
      {
        from: { address: 'wang@example.com', name: '王先生' },
        subject,
        body: `${subject}，请尽快处理。`,
      },
      { actor: specialist },
    );
    expect(created.status).toBe(201);
    expect(created.body.ticket.number).toMatch(/^EM-\d{8}-\d{4}$/);
    const id = created.body.ticket.id;
    // The triage order reads the cases: wait until this one is among them.
    await eventually(async () => {
      const view = await system.client.get<View>(`/email-cases/${id}`);
      expect(view.status).toBe('MAIL_RECEIVED');
    });
    return id;
  }

  async function triage(id: string, category: string, note?: string) {
    return system.client.send<Answer>(
      `/email-cases/${id}/triage`,
      note ? { category, note } : { category },
      { actor: specialist },
    );
  }

  describe('mail taken in through the maildir adapter', () => {
    const older = '<20261204093000.1@mail.example.com>';
    const newer = '<20261204094500.2@mail.example.com>';
    let olderId: string;
    let newerId: string;
    const olderAt = minutesAgo(30);
    const newerAt = minutesAgo(15);

    it('opens one case per mail and moves each file to cur/', async () => {
      await deliver(
        '1764811800.M1P1.mx',
        rawMail({
          messageId: newer,
          subject: '还车后无法结束订单',
          body: '订单一直在计费，请帮我处理。',
        }),
        newerAt,
      );
      await deliver(
        '1764810900.M2P1.mx',
        rawMail({
          messageId: older,
          subject: '会员卡押金退还咨询',
          body: '请问押金多久退还？',
        }),
        olderAt,
      );
      await writeFile(join(maildir, 'new', 'broken.mail'), 'not a mail at all');

      olderId = await caseOf(older);
      newerId = await caseOf(newer);

      await eventually(async () => {
        expect(await readdir(join(maildir, 'new'))).toEqual([]);
      });
      expect((await readdir(join(maildir, 'cur'))).sort()).toEqual([
        '1764810900.M2P1.mx:2,S',
        '1764811800.M1P1.mx:2,S',
      ]);
      // The unreadable one is set aside, not lost.
      expect(await readdir(join(maildir, 'rejected'))).toEqual(['broken.mail']);

      const view = await system.client.get<View>(`/email-cases/${olderId}`);
      expect(view).toMatchObject({
        status: 'MAIL_RECEIVED',
        holderRole: 'cs-email-specialist',
        headline: '会员卡押金退还咨询',
        facts: { receivedAt: olderAt },
      });
      expect(view.ticketNumber).toMatch(/^EM-\d{8}-\d{4}$/);
      const { timeline } = await settled(olderId, 1);
      expect(timeline.entries[0]).toMatchObject({
        labelZh: '收到新邮件',
        summaryZh: '主题：会员卡押金退还咨询',
        actorRole: 'system',
        actorKind: 'automatic',
      });
      const inbox = await system.client.get<Listed>(
        '/email-cases/inbox/cs-email-specialist',
        { actor: specialist },
      );
      expect(inbox.items.map((i) => i.ticketId)).toEqual(
        expect.arrayContaining([olderId, newerId]),
      );
    });

    it('keeps the sender’s address out of the stored log in the clear', async () => {
      const [received] = await system.resources.store.readStream(
        streamNameOf('email-case', olderId),
      );
      expect(received.type).toBe('email-case.mail-received');
      expect(JSON.stringify(received.data)).not.toContain(
        'liu.nvshi@example.com',
      );
      expect(received.data).toMatchObject({ messageId: older });
    });

    it('opens nothing new when the same mail arrives again', async () => {
      const before = await typesOf(olderId);
      await deliver(
        'duplicate.mx',
        rawMail({
          messageId: older,
          subject: '会员卡押金退还咨询',
          body: '请问押金多久退还？',
        }),
        minutesAgo(29),
      );
      await eventually(async () => {
        expect(await readdir(join(maildir, 'cur'))).toContain(
          'duplicate.mx:2,S',
        );
      });
      // The command id comes from the Message-ID: the worker finds it done.
      await eventually(async () => {
        const job = await system.resources.queues.queue('system').getJob(
          `command.${
            receiveMailCommand(
              {
                messageId: older,
                from: { address: 'x@y.cn' },
                subject: '',
                body: '',
                receivedAt: new Date().toISOString(),
              },
              'sh',
              new Date(),
            ).commandId
          }`,
        );
        expect(job === undefined || (await job.isCompleted())).toBe(true);
      });
      expect(await typesOf(olderId)).toEqual(before);
      const { rows } = await system.schema.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM streams WHERE stream_name LIKE 'email-case-%'`,
      );
      expect(Number(rows[0].n)).toBe(2);
    });

    it('refuses to triage the newer mail while the older one waits', async () => {
      const refused = await triage(newerId, 'other-department');

      expect(refused.status).toBe(409);
      expect((refused.body as unknown as ErrorAnswer).error).toMatchObject({
        code: 'OLDER_MAIL_UNTRIAGED',
        details: {
          ticketId: newerId,
          olderTicketId: olderId,
          olderReceivedAt: olderAt,
        },
      });
      expect(await typesOf(newerId)).toEqual(['mail-received']);
    });

    it('answers the older, ordinary one from the FAQ, which closes it', async () => {
      const triaged = await triage(olderId, 'ordinary');
      expect(triaged.body.ticket.status).toBe('ORDINARY_QUESTION');

      const closed = await system.client.post<Answer>(
        `/email-cases/${olderId}/faq-reply`,
        { faqReference: 'FAQ-押金-03', reply: '押金将在7个工作日内原路退回。' },
        { actor: specialist },
      );

      expect(closed.ticket.status).toBe('CLOSED');
      expect(await typesOf(olderId)).toEqual([
        'mail-received',
        'mail-triaged',
        'replied-from-faq',
      ]);
      const { view } = await settled(olderId, 3);
      expect(view).toMatchObject({
        outcome: 'replied-from-faq',
        terminal: true,
        facts: { category: 'ordinary' },
      });
    });

    it('then forwards the newer one to the department, whose reply closes it', async () => {
      await eventually(async () => {
        const answer = await triage(newerId, 'other-department');
        expect(answer.status).toBe(200);
      });
      // 转发邮件给相关负责人: a forward that names no one is refused.
      const nobody = await system.client.send<{
        error: { details: { fields: { field: string }[] } };
      }>(
        `/email-cases/${newerId}/forward`,
        { department: '运营管理部' },
        { actor: specialist },
      );
      expect(nobody.status).toBe(400);
      expect(nobody.body.error.details.fields.map((f) => f.field)).toEqual([
        'owner',
      ]);
      expect(await typesOf(newerId)).toEqual(['mail-received', 'mail-triaged']);

      const forwarded = await system.client.post<Answer>(
        `/email-cases/${newerId}/forward`,
        { department: '运营管理部', owner: '王经理' },
        { actor: specialist },
      );
      expect(forwarded.ticket).toMatchObject({
        status: 'WITH_DEPARTMENT',
        holder: { role: 'related-department' },
      });
      expect(forwarded.events.map((e) => e.label.zh)).toEqual([
        '告知用户已提交至相关部门核实处理',
        '转发邮件给相关负责人',
      ]);
      await eventually(async () => {
        const inbox = await system.client.get<Listed>(
          '/email-cases/inbox/related-department',
          { actor: department },
        );
        expect(inbox.items.map((i) => i.ticketId)).toContain(newerId);
      });

      const closed = await system.client.post<Answer>(
        `/email-cases/${newerId}/department-reply`,
        { reply: '运营管理部已为用户结束订单并退回费用。' },
        { actor: department },
      );

      expect(closed.ticket.status).toBe('CLOSED');
      const { view } = await settled(newerId, 5);
      expect(view).toMatchObject({
        outcome: 'department-replied',
        facts: {
          category: 'other-department',
          forwardedTo: '运营管理部',
          forwardedToOwner: '王经理',
        },
      });
      const { timeline } = await settled(newerId, 5);
      expect(timeline.entries[3]).toMatchObject({
        labelZh: '转发邮件给相关负责人',
        summaryZh: '运营管理部（王经理）',
      });
    });
  });

  describe('a mail that cannot be answered directly', () => {
    it('gets an incident, a follow-up label and the handling reply', async () => {
      const id = await receiveByHand('发票抬头开错');
      expect((await triage(id, 'not-directly-answerable')).status).toBe(200);

      const incident = await system.client.post<Answer>(
        `/email-cases/${id}/incident`,
        {
          incidentReference: 'INC-20261204-17',
          userNotice: '已受理，正在处理',
        },
        { actor: specialist },
      );
      expect(incident.ticket.status).toBe('IN_PROGRESS');
      await system.client.post(
        `/email-cases/${id}/follow-up-label`,
        { label: '待核实-发票' },
        { actor: specialist },
      );
      const closed = await system.client.post<Answer>(
        `/email-cases/${id}/handling-reply`,
        { reply: '已为您重新开具发票。' },
        { actor: specialist },
      );

      expect(closed.ticket.status).toBe('CLOSED');
      expect(await typesOf(id)).toEqual([
        'mail-received',
        'mail-triaged',
        'incident-submitted',
        'user-told-in-progress',
        'follow-up-labelled',
        'handling-reply-sent',
      ]);
      const { view } = await settled(id, 6);
      expect(view).toMatchObject({
        outcome: 'handling-reply',
        facts: { followUpLabelled: true },
      });
    });
  });

  describe('a mail that cannot be answered directly, needing no follow-up', () => {
    it('is answered after the incident without a label', async () => {
      const id = await receiveByHand('积分未到账');
      await triage(id, 'not-directly-answerable');
      await system.client.post(
        `/email-cases/${id}/incident`,
        { incidentReference: 'INC-20261204-18' },
        { actor: specialist },
      );

      const closed = await system.client.post<Answer>(
        `/email-cases/${id}/handling-reply`,
        { reply: '积分已补发。' },
        { actor: specialist },
      );

      expect(closed.ticket.status).toBe('CLOSED');
      const { view } = await settled(id, 5);
      expect(view).toMatchObject({
        outcome: 'handling-reply',
        facts: { followUpLabelled: false },
      });
    });
  });

  describe('a sensitive mail', () => {
    it('goes to the supervisor on duty at once, who guides the reply', async () => {
      const id = await receiveByHand('车辆事故，要求赔偿');

      const triaged = await triage(id, 'sensitive', '用户称将向媒体投诉');
      expect(triaged.body.ticket).toMatchObject({
        status: 'WITH_SUPERVISOR',
        holder: { role: 'cs-supervisor' },
      });
      await eventually(async () => {
        const { rows } = await system.schema.pool.query(
          `SELECT to_role FROM handoff_notifications WHERE ticket_id = $1`,
          [id],
        );
        expect(rows.map((r) => r.to_role)).toContain('cs-supervisor');
      });

      const guided = await system.client.post<Answer>(
        `/email-cases/${id}/guide`,
        { guidance: '先致歉，说明已安排专人跟进，不承诺赔偿。' },
        { actor: supervisor },
      );
      expect(guided.ticket).toMatchObject({
        status: 'REPLY_GUIDED',
        holder: { role: 'cs-email-specialist' },
      });
      const closed = await system.client.post<Answer>(
        `/email-cases/${id}/handling-reply`,
        { reply: '非常抱歉，已安排专人跟进。' },
        { actor: specialist },
      );

      expect(closed.ticket.status).toBe('CLOSED');
      expect(await typesOf(id)).toEqual([
        'mail-received',
        'mail-triaged',
        'reported-to-on-duty-supervisor',
        'supervisor-guided-reply',
        'handling-reply-sent',
      ]);
    });

    it('is escalated to the department and leadership, whose reply closes it', async () => {
      const id = await receiveByHand('投诉客服态度');
      await triage(id, 'sensitive');

      const escalated = await system.client.post<Answer>(
        `/email-cases/${id}/escalate`,
        {
          department: '市场与品牌管理部',
          leadership: '客服中心经理',
          summary: '用户投诉客服态度并要求道歉',
        },
        { actor: supervisor },
      );
      expect(escalated.ticket.holder.role).toBe('related-department');
      const closed = await system.client.post<Answer>(
        `/email-cases/${id}/department-reply`,
        { reply: '已致电用户道歉。' },
        { actor: department },
      );

      expect(closed.ticket.status).toBe('CLOSED');
      const { view } = await settled(id, 5);
      expect(view).toMatchObject({
        outcome: 'department-replied',
        facts: { category: 'sensitive', escalated: true },
      });
    });
  });

  describe('refusals through HTTP', () => {
    let id: string;

    it('answers 403 naming the permission to a role that may not triage', async () => {
      id = await receiveByHand('账户无法登录');
      const refused = await system.client.send<ErrorAnswer>(
        `/email-cases/${id}/triage`,
        { category: 'ordinary' },
        { actor: supervisor },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: { permission: 'email-case:TriageMail' },
      });
    });

    it('answers 409 for a step out of order and 404 for an unknown case', async () => {
      const early = await system.client.send<ErrorAnswer>(
        `/email-cases/${id}/faq-reply`,
        { faqReference: 'FAQ-1', reply: '…' },
        { actor: specialist },
      );
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('TICKET_NOT_IN_STATE');

      const missing = await system.client.send<ErrorAnswer>(
        '/email-cases/01956f3a-7c2e-7a10-9b1e-0a00000009ff/triage',
        { category: 'ordinary' },
        { actor: specialist },
      );
      expect(missing.status).toBe(404);
      expect(await typesOf(id)).toEqual(['mail-received']);
    });

    it('answers 400 naming every failing field, and opens nothing', async () => {
      const answer = await system.client.send<{
        error: { code: string; details: { fields: { field: string }[] } };
      }>(
        '/email-cases',
        { from: { address: 'not-an-address' }, subject: 3, extra: 1 },
        { actor: specialist },
      );
      expect(answer.status).toBe(400);
      const fields = answer.body.error.details.fields.map((f) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining(['from.address', 'subject', 'body', 'extra']),
      );
      const triage400 = await system.client.send<{
        error: { details: { fields: { field: string }[] } };
      }>(
        `/email-cases/${id}/triage`,
        { category: 'urgent', olderUntriaged: [] },
        { actor: specialist },
      );
      expect(triage400.status).toBe(400);
      expect(triage400.body.error.details.fields.map((f) => f.field)).toEqual(
        expect.arrayContaining(['category', 'olderUntriaged']),
      );
    });

    it('leaves the mail to be triaged in turn', async () => {
      expect((await triage(id, 'ordinary')).status).toBe(200);
    });
  });

  describe('the reporting rows', () => {
    it('count today’s cases by status and how they ended', async () => {
      await eventually(async () => {
        const rows = await reportByStatus(system.client, '/email-cases');
        const closed = (outcome: string) =>
          rows.find((row) => row.status === 'CLOSED' && row.outcome === outcome)
            ?.tickets;
        expect(closed('replied-from-faq')).toBe(1);
        expect(closed('department-replied')).toBe(2);
        expect(closed('handling-reply')).toBe(3);
        expect(
          rows.find((row) => row.status === 'ORDINARY_QUESTION'),
        ).toMatchObject({ tickets: 1 });
      });
    });
  });

  describe('the audit tool over this log', () => {
    it('verifies every email-case stream against the transition table', async () => {
      await eventually(async () => {
        const run = await audit(['verify', '--json'], {
          store: system.resources.store,
        });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const summary = JSON.parse(run.stdout) as {
          ok: boolean;
          processes: Record<string, { streams: number }>;
        };
        expect(summary.ok).toBe(true);
        // Two by mail, four branches and one refusal case by hand.
        expect(summary.processes['email-case'].streams).toBe(7);
      });
    });

    it('counts the closed cases as following the manual’s path', async () => {
      await eventually(async () => {
        const run = await audit(['conformance', '--json'], {
          store: system.resources.store,
        });
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout) as {
          processes: {
            processId: string;
            tickets: number;
            followedExactly: number;
            withDeviations: number;
          }[];
        };
        expect(
          report.processes.find((p) => p.processId === 'email-case'),
        ).toMatchObject({ tickets: 7, followedExactly: 6, withDeviations: 0 });
      });
    });
  });
});
