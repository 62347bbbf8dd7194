import { streamNameOf } from './shared';
import { PROCESSES, processOfStream } from './processes';
import { stationFaultProcess } from './station-fault';

describe('the process registry', () => {
  it('holds the station-fault process under its id', () => {
    expect(Object.keys(PROCESSES)).toEqual([
      'station-fault',
      'phone-callback',
      'deadline-policy',
      'order-anomaly',
      'fee-waiver',
      'waiver-rule-table',
      'invoice',
      'repair-order',
      'repair-shop-book',
      'repeat-caller',
      'email-case',
      'traffic-violation',
      'centre-emergency',
      'membership-card',
      'card-courier-record',
      'vehicle-repair',
    ]);
    expect(PROCESSES['station-fault']).toBe(stationFaultProcess);
  });
});

describe('finding the process of a stream', () => {
  it('finds it for a stream named with a UUIDv7 ticket id', () => {
    const stream = streamNameOf(
      'station-fault',
      '01956f3a-7c2e-7a10-9b1e-3f4c5d6e7f80',
    );
    expect(processOfStream(stream)).toBe(stationFaultProcess);
  });

  it.each([
    ['a stream of no known process', 'lost-property-01956f3a'],
    ['a stream with no ticket id', 'station-fault-'],
    ['the bare process id', 'station-fault'],
    ['a name that only starts like the process id', 'station-faults-1'],
  ])('finds none for %s', (_, stream) => {
    expect(processOfStream(stream)).toBeUndefined();
  });
});
