import { randomUUID } from 'node:crypto';
import { commandJobId, type CommandEnvelope } from '@opsdesk/messaging';
import { pickStation } from '../apps/api/src/demo/scenarios';
import { intakeCommand } from './faults/harness/commands';
import { planTickets } from './faults/harness/ticket-plans';
import { eventually } from './support/eventually';
import { sampleOf, samplesOf } from './support/prometheus-text';
import { startTestSystem, type TestSystem } from './support/system';

type TicketAnswer = { ticket: { id: string } };

async function scrape(system: TestSystem) {
  const response = await fetch(`${system.client.baseUrl}/metrics`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/**
 * `/metrics` for Prometheus: the process's own figures, every HTTP answer
 * by route, the role queues, and how far the log's consumers have come.
 */
describe('/metrics', () => {
  describe('on the whole system', () => {
    let system: TestSystem;
    let ticketId: string;
    /** A scrape before the ticket: the process's counters start elsewhere. */
    let before: string;
    let intakeAt: number;

    beforeAll(async () => {
      system = await startTestSystem();
      before = (await scrape(system)).text;
      intakeAt = Date.now();
      const stationId = (await pickStation(system.client, false)).id;
      const answer = await system.client.send<TicketAnswer>(
        '/station-faults',
        {
          reporter: { type: 'user', phone: '13900001111' },
          stationId,
          faultDescription: '充电桩无法启动',
          suspectedChargingPile: true,
        },
        { actor: { id: 'agent-0107', role: 'cs-phone-agent' } },
      );
      expect(answer.status).toBe(201);
      ticketId = answer.body.ticket.id;
      // The read model has the ticket: its projection has moved.
      await eventually(() => system.client.get(`/station-faults/${ticketId}`));
    }, 60_000);

    afterAll(async () => {
      await system?.stop();
    }, 60_000);

    it('answers without a token, in Prometheus’s format, with the process’s figures', async () => {
      const { status, contentType, text } = await scrape(system);

      expect(status).toBe(200);
      expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(
        sampleOf(text, 'opsdesk_process_resident_memory_bytes'),
      ).toBeGreaterThan(0);
      expect(
        sampleOf(text, 'opsdesk_nodejs_eventloop_lag_seconds'),
      ).toBeGreaterThanOrEqual(0);
    });

    it('counts each answer under its route’s template, never its ticket id', async () => {
      const unauthenticated = await fetch(
        `${system.client.baseUrl}/station-faults/${ticketId}`,
      );
      expect(unauthenticated.status).toBe(401);

      const { text } = await scrape(system);

      const count = (labels: Record<string, string>) =>
        sampleOf(text, 'opsdesk_http_request_duration_seconds_count', labels);
      expect(
        count({ method: 'POST', route: '/station-faults', status: '201' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        count({
          method: 'GET',
          route: '/station-faults/:ticketId',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(1);
      // Refused before any route: counted, without a path.
      expect(
        count({ method: 'GET', route: 'unmatched', status: '401' }),
      ).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain(ticketId);
    });

    it('counts the jobs the role workers finished, and how long each ran', async () => {
      const { text } = await scrape(system);

      const grew = (name: string, labels: Record<string, string>) =>
        (sampleOf(text, name, labels) ?? 0) -
        (sampleOf(before, name, labels) ?? 0);
      expect(
        grew('opsdesk_jobs_finished_total', {
          queue: 'cs-phone-agent',
          outcome: 'completed',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        grew('opsdesk_job_run_seconds_count', { queue: 'cs-phone-agent' }),
      ).toBeGreaterThanOrEqual(1);
    });

    it('tells a failed attempt that runs again from a job that failed for good', async () => {
      const failures = async () => {
        const { text } = await scrape(system);
        const count = (outcome: string) =>
          sampleOf(text, 'opsdesk_jobs_finished_total', {
            queue: 'cs-phone-agent',
            outcome,
          }) ?? 0;
        return { retrying: count('retrying'), failed: count('failed') };
      };
      const start = await failures();
      // A command whose envelope lost its actor (a bug in whatever put it
      // there), with one retry: it fails twice, the second time for good.
      const [plan] = planTickets(1, 'metrics');
      const { command } = intakeCommand(plan, system.resources.roster);
      const { actor: _lost, ...withoutActor } = command;
      await system.resources.queues
        .queue('cs-phone-agent')
        .add(
          command.type,
          { kind: 'command', command: withoutActor as typeof command },
          { jobId: commandJobId(command), attempts: 2, removeOnFail: true },
        );

      await eventually(async () => {
        expect(await failures()).toEqual({
          retrying: start.retrying + 1,
          failed: start.failed + 1,
        });
      });
    });

    it('reports read models’ events and checkpoint ages, and the newest event’s age', async () => {
      // A rebuild's staging checkpoint is not a read model yet.
      await system.schema.pool.query(
        `INSERT INTO projection_checkpoints (name) VALUES ('ticket-view__rebuild')`,
      );
      // A hand-edited row loses its own figures, not everyone's.
      await system.schema.pool.query(
        `INSERT INTO projection_checkpoints (name, position, updated_at)
         VALUES ('retired-model', 'bogus', 'infinity')`,
      );
      const { text } = await scrape(system);
      await system.schema.pool.query(
        `DELETE FROM projection_checkpoints
          WHERE name IN ('ticket-view__rebuild', 'retired-model')`,
      );
      const sinceIntake = (Date.now() - intakeAt) / 1000;

      expect(
        sampleOf(text, 'opsdesk_projection_events_applied', {
          projection: 'ticket-view',
        }),
      ).toBeGreaterThanOrEqual(1);
      // It moved with the ticket's first event, after the intake began.
      const age = sampleOf(text, 'opsdesk_projection_checkpoint_age_seconds', {
        projection: 'ticket-view',
      });
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(sinceIntake);
      expect(
        sampleOf(text, 'opsdesk_projection_checkpoint_age_seconds', {
          projection: 'retired-model',
        }),
      ).toBeUndefined();
      expect(
        sampleOf(text, 'opsdesk_projection_events_behind', {
          projection: 'ticket-view',
        }),
      ).toBeGreaterThanOrEqual(0);
      expect(
        sampleOf(text, 'opsdesk_follower_checkpoint_age_seconds', {
          follower: 'process-manager',
        }),
      ).toBeGreaterThanOrEqual(0);
      const newest = sampleOf(text, 'opsdesk_log_newest_event_age_seconds');
      expect(newest).toBeGreaterThanOrEqual(0);
      expect(newest).toBeLessThanOrEqual(sinceIntake);
      expect(text).not.toMatch(/projection="[^"]*__rebuild"/);
      expect(
        sampleOf(text, 'opsdesk_projection_events_applied', {
          projection: 'ticket-view',
        }),
      ).toBeDefined();
    });

    it('shows how long the oldest write transaction has held the log’s readers back', async () => {
      const client = await system.schema.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_current_xact_id()');
        await new Promise((resolve) => setTimeout(resolve, 1_500));

        const { text } = await scrape(system);

        expect(
          sampleOf(text, 'opsdesk_log_oldest_write_transaction_seconds'),
        ).toBeGreaterThanOrEqual(1.4);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    it('leaves PostgreSQL’s figures out while a lock holds its read, and answers', async () => {
      const failures = (text: string) =>
        sampleOf(text, 'opsdesk_metrics_collect_failures_total', {
          source: 'postgres',
        }) ?? 0;
      const start = failures((await scrape(system)).text);
      const holder = await system.schema.pool.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(
          'LOCK TABLE follower_checkpoints IN ACCESS EXCLUSIVE MODE',
        );
        for (let i = 1; i <= 2; i++) {
          const { status, text } = await scrape(system);
          expect(status).toBe(200);
          expect(samplesOf(text, 'opsdesk_projection_events_applied')).toEqual(
            [],
          );
          expect(samplesOf(text, 'opsdesk_queue_jobs').length).toBeGreaterThan(
            0,
          );
          expect(failures(text)).toBe(start + i);
        }
      } finally {
        await holder.query('ROLLBACK');
        holder.release();
      }
      // The last read the lock held may still be ending (it rolls back its
      // transaction after the server's timeout): a scrape that comes then
      // waits on it and leaves the figures out once more, and says so.
      let leftOut = 0;
      for (;;) {
        const { text } = await scrape(system);
        const back =
          samplesOf(text, 'opsdesk_projection_events_applied').length > 0;
        expect(failures(text)).toBe(start + 2 + leftOut + (back ? 0 : 1));
        if (back) break;
        leftOut += 1;
        expect(leftOut).toBeLessThan(3);
      }
    }, 30_000);
  });

  describe('on an API without workers', () => {
    let system: TestSystem;

    beforeAll(async () => {
      // An intake nobody takes answers 202 after this wait.
      system = await startTestSystem(
        { COMMAND_WAIT_MS: '1000' },
        { workers: false },
      );
    }, 60_000);

    afterAll(async () => {
      await system?.stop();
    }, 60_000);

    it('shows what each role’s queue holds, by state', async () => {
      const command = {
        commandId: 'metrics-probe-1',
        type: 'DispatchFaultTask',
      } as unknown as CommandEnvelope;
      await system.resources.queues.addCommand('dispatch-manager', command);

      const { text } = await scrape(system);

      const jobs = (queue: string, state: string) =>
        sampleOf(text, 'opsdesk_queue_jobs', { queue, state });
      expect(jobs('dispatch-manager', 'waiting')).toBe(1);
      expect(jobs('dispatch-manager', 'failed')).toBe(0);
      expect(jobs('cs-phone-agent', 'waiting')).toBe(0);
      expect(samplesOf(text, 'opsdesk_queue_jobs').length).toBeGreaterThan(10);
      expect(
        sampleOf(text, 'opsdesk_metrics_collect_failures_total', {
          source: 'redis',
        }),
      ).toBe(0);
    });

    it('counts the events a read model has still to take, with nothing projecting', async () => {
      const probe = 'metrics-probe-behind';
      await system.resources.store.appendToStream(
        `station-fault-${probe}`,
        [
          {
            eventId: randomUUID(),
            type: 'metrics.probe',
            schemaVersion: 1,
            data: {},
            metadata: {
              commandId: probe,
              causationId: probe,
              correlationId: probe,
              actor: { id: 'metrics-test', role: 'system', kind: 'automatic' },
            },
          },
        ],
        { expectedRevision: 'no-stream' },
      );
      const { rows } = await system.schema.pool.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM events
          WHERE starts_with(stream_name, 'station-fault-')`,
      );

      const { text } = await scrape(system);

      const behind = (projection: string) =>
        sampleOf(text, 'opsdesk_projection_events_behind', { projection });
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
      expect(behind('ticket-view')).toBe(rows[0].n);
      expect(behind('timeline')).toBe(rows[0].n);
      // A read model of other processes' streams has none of these to take.
      expect(behind('invoice-tickets')).toBe(0);
    });

    it('counts an answer the client did not wait for as aborted', async () => {
      const aborted = () =>
        scrape(system).then(({ text }) =>
          sampleOf(text, 'opsdesk_http_request_duration_seconds_count', {
            method: 'POST',
            route: '/station-faults',
            status: 'aborted',
          }),
        );
      const stationId = (await pickStation(system.client, false)).id;
      const leaving = new AbortController();
      const sent = fetch(`${system.client.baseUrl}/station-faults`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...system.client.headersFor(),
        },
        body: JSON.stringify({
          reporter: { type: 'user', phone: '13900002222' },
          stationId,
          faultDescription: '地锁无法升起',
          suspectedChargingPile: false,
        }),
        signal: leaving.signal,
      });
      // No worker takes the intake: the API is still waiting for one.
      await new Promise((resolve) => setTimeout(resolve, 200));
      leaving.abort();
      await expect(sent).rejects.toThrow();

      await eventually(async () => {
        expect(await aborted()).toBe(1);
      });
    });
  });
});
