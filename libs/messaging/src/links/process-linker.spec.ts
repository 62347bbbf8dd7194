import { phoneCallbackProcess, stationFaultProcess } from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { createLogger } from '@opsdesk/platform';
import {
  historyOf,
  TICKET_ID,
} from '../../../domain/src/station-fault/station-fault.fixtures';
import type { CommandExecutor } from '../commands/command-executor';
import { ProcessCatalog } from '../commands/process-catalog';
import type { CheckpointStore } from '../process-manager/checkpoint-store';
import type { CommandEnvelope } from '../queues/jobs';
import { ProcessLinker, type PersonalDataHold } from './process-linker';

const STREAM = `station-fault-${TICKET_ID}`;

/** The fixture's ticket, its result notified to the centre, as stored. */
const stored: RecordedEvent[] = historyOf.RESULT_NOTIFIED.map((e, i) => ({
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data as Record<string, unknown>,
  streamName: STREAM,
  revision: i,
  position: `1/${i + 1}`,
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  metadata: {} as RecordedEvent['metadata'],
  recordedAt: '2026-03-02T02:00:00.000Z',
  hash: '',
  previousHash: '',
}));
const notified = stored[stored.length - 1];

/**
 * The linker copies the reporter onto a call-back while it holds the
 * ticket's personal data (so an erasure waits for the copy), and copies
 * nothing of a reporter already erased.
 */
describe('the process linker opening a call-back', () => {
  function linkerWith(hold: PersonalDataHold) {
    const commands: { type: string; payload: unknown; held: boolean }[] = [];
    let holding = false;
    const linker = new ProcessLinker({
      store: { readStream: async () => stored } as unknown as EventStore,
      processes: new ProcessCatalog()
        .register(stationFaultProcess, { resultNotifier: 'station-manager' })
        .register(phoneCallbackProcess, {}),
      checkpoints: {} as CheckpointStore,
      executor: {
        async execute(command: CommandEnvelope) {
          commands.push({ ...command, held: holding });
          return { duplicate: false };
        },
      } as unknown as CommandExecutor,
      logger: createLogger('linker-spec', 'silent'),
      callbackMode: 'automatic',
      withPersonalData: async (events, work) => {
        holding = true;
        try {
          return await hold(events, work);
        } finally {
          holding = false;
        }
      },
    });
    return { linker, commands };
  }

  it('opens it with the reporter as its contact, inside the hold', async () => {
    const { linker, commands } = linkerWith((events, work) =>
      work([...events]),
    );

    await linker.handle(notified);

    const reporter = (stored[0].data as { reporter: { phone: string } })
      .reporter;
    expect(commands).toEqual([
      expect.objectContaining({
        type: 'OpenCallback',
        held: true,
        payload: expect.objectContaining({
          contact: expect.objectContaining({ phone: reporter.phone }),
        }),
      }),
    ]);
  });

  it('opens none for a reporter erased before it looked', async () => {
    const { linker, commands } = linkerWith((events, work) =>
      work(
        events.map((e) =>
          e.type === 'station-fault.call-received'
            ? { ...e, data: { ...e.data, reporter: { type: 'user' } } }
            : e,
        ),
      ),
    );

    await linker.handle(notified);

    expect(commands).toEqual([]);
  });
});
