import { streamNameOf } from '@opsdesk/domain';
import { verifyChain } from '@opsdesk/event-store';
import { runMigrations } from '@opsdesk/platform';
import {
  createMoneyProcessProjections,
  ProjectionRunner,
  vaultOpener,
} from '@opsdesk/read-models';
import { clearedFaultAwaitingCallback } from '../apps/api/src/demo/scenarios';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';
import { tablesHolding as tablesHoldingIn } from './support/tables-holding';

const PHONE = '137 2468 1357';
const PHONE_DIGITS = '13724681357';
const NAME = '钱卫东先生';

/**
 * A station fault's result opens a phone call-back (P08) to its reporter,
 * and the call-back keeps the reporter's name and phone as its contact,
 * sealed under the call-back's own key. Erasing the station fault's
 * reporter erases that copy too: its key and its read-model rows. (The
 * call-back is opened by a command run in process, not through a queue,
 * so no job holds the contact.)
 */
describe('erasing a reporter a call-back was opened for', () => {
  let system: TestSystem;
  let ticketId: string;
  let callbackId: string;
  const supervisor = { id: 'supervisor-sh', role: 'cs-supervisor' };

  const tablesHolding = (needle: string) =>
    tablesHoldingIn(system.schema.pool, system.schema.schema, needle);
  const callbackStream = () => streamNameOf('phone-callback', callbackId);

  beforeAll(async () => {
    system = await startTestSystem();
    const awaiting = await clearedFaultAwaitingCallback(system.client, {
      reporter: { type: 'user', name: NAME, phone: PHONE },
    });
    ticketId = awaiting.ticketId;
    callbackId = awaiting.callback.ticketId;
    // The call-back's own read models have opened the contact.
    await eventually(async () => {
      expect(await tablesHolding(PHONE)).toEqual(
        expect.arrayContaining(['phone_callback_tickets']),
      );
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('opens the call-back with the reporter as its contact, sealed in the log', async () => {
    const [opened] = await system.resources.store.readStream(callbackStream());
    expect(opened.type).toBe('phone-callback.opened');
    const contact = opened.data.contact as Record<string, string>;
    expect(contact.phone).toMatch(/^pd1\./);
    expect(contact.name).toMatch(/^pd1\./);
    const holding = await tablesHolding(PHONE);
    expect(holding).toEqual(
      expect.arrayContaining([
        'phone_callback_tickets',
        'phone_callback_timeline',
      ]),
    );
    expect(holding).not.toContain('events');
  });

  describe('after the erasure by the supervisor', () => {
    beforeAll(async () => {
      await system.client.post(
        `/station-faults/${ticketId}/erase-reporter`,
        {},
        { actor: supervisor },
      );
    });

    it('leaves the phone and name in no table, the call-back’s included', async () => {
      expect(await tablesHolding(PHONE)).toEqual([]);
      expect(await tablesHolding(PHONE_DIGITS)).toEqual([]);
      expect(await tablesHolding(NAME)).toEqual([]);
    });

    it('erases the call-back’s key and records the erasure of both streams', async () => {
      const { pool } = system.schema;
      const keys = await pool.query(
        'SELECT subject FROM personal_data_keys WHERE subject = ANY($1)',
        [[callbackStream(), streamNameOf('station-fault', ticketId)]],
      );
      expect(keys.rows).toEqual([]);
      const erasures = await pool.query<{ subject: string }>(
        `SELECT subject FROM personal_data_erasures
          WHERE subject = ANY($1) ORDER BY subject`,
        [[callbackStream(), streamNameOf('station-fault', ticketId)]],
      );
      expect(erasures.rows.map((r) => r.subject)).toEqual(
        [callbackStream(), streamNameOf('station-fault', ticketId)].sort(),
      );
    });

    it('shows the contact in no call-back answer', async () => {
      const answers = [
        await system.client.get(`/phone-callbacks/${callbackId}`),
        await system.client.get(`/phone-callbacks/${callbackId}/timeline`),
        await system.client.get('/phone-callbacks?limit=200'),
      ];
      for (const answer of answers) {
        const text = JSON.stringify(answer);
        expect(text).not.toContain(PHONE);
        expect(text).not.toContain(PHONE_DIGITS);
        expect(text).not.toContain(NAME);
      }
      expect(answers[0]).toMatchObject({ ticketId: callbackId });
    });

    it('leaves the call-back’s rows as a rebuild from the log makes them', async () => {
      const tableSuffix = '_rebuilt';
      const { pool, schema } = system.schema;
      const [projection] = createMoneyProcessProjections({
        tableSuffix,
        personalData: vaultOpener(system.resources.vault),
      }).filter((p) => p.name.startsWith('phone-callback-tickets'));
      await runMigrations(pool, schema, [...projection.migrations]);
      const runner = new ProjectionRunner({
        projection,
        store: system.resources.store,
        pool,
      });
      await runner.start();
      try {
        const rowsOf = async (suffix: string) => {
          const ticket = await pool.query(
            `SELECT state, headline, facts FROM phone_callback_tickets${suffix}
              WHERE ticket_id = $1`,
            [callbackId],
          );
          const inbox = await pool.query(
            `SELECT role, status, headline FROM phone_callback_inbox${suffix}
              WHERE ticket_id = $1`,
            [callbackId],
          );
          const timeline = await pool.query(
            `SELECT revision, summary_zh, data
               FROM phone_callback_timeline${suffix}
              WHERE ticket_id = $1 ORDER BY revision`,
            [callbackId],
          );
          return {
            ticket: ticket.rows,
            inbox: inbox.rows,
            timeline: timeline.rows,
          };
        };
        const live = await rowsOf('');
        expect(live.ticket).toHaveLength(1);
        await eventually(async () => {
          expect(await rowsOf(tableSuffix)).toEqual(live);
        });
      } finally {
        await runner.stop();
      }
    });

    it('keeps the call-back’s sealed values in the log, and its chain verifies', async () => {
      const events = await system.resources.store.readStream(callbackStream());
      const contact = events[0].data.contact as Record<string, string>;
      expect(contact.phone).toMatch(/^pd1\./);
      expect(verifyChain(events)).toEqual({ ok: true });
    });
  });
});
