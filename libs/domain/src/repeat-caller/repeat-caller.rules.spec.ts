import {
  DEFAULT_REPEAT_CALL_RULES,
  repeatCallsToLink,
  type EarlierCall,
} from './repeat-caller.rules';
import {
  CALLED_AT,
  earlier,
  FIRST_CALL_ID,
  SECOND_CALL_ID,
  THIRD_CALL_ID,
  TICKET_ID,
} from './repeat-caller.fixtures';

const rules = DEFAULT_REPEAT_CALL_RULES;
const call = {
  ticketId: TICKET_ID,
  subject: 'refund' as const,
  calledAt: CALLED_AT,
};

function linked(earlierCalls: EarlierCall[], r = rules): string[] {
  return repeatCallsToLink(call, earlierCalls, r).map((c) => c.ticketId);
}

describe('repeat-call detection (3 calls within 72 hours by default)', () => {
  it('links the two earlier calls when this is the third within the window', () => {
    expect(
      linked([earlier(SECOND_CALL_ID, 5), earlier(FIRST_CALL_ID, 48)]),
    ).toEqual([FIRST_CALL_ID, SECOND_CALL_ID]);
  });

  it('keeps what the ticket view shows of each linked call', () => {
    expect(
      repeatCallsToLink(
        call,
        [earlier(FIRST_CALL_ID, 48), earlier(SECOND_CALL_ID, 5)],
        rules,
      ),
    ).toEqual([
      {
        ticketId: FIRST_CALL_ID,
        ticketNumber: 'RC-20260301-0101',
        calledAt: '2026-03-02T05:55:00.000Z',
      },
      {
        ticketId: SECOND_CALL_ID,
        ticketNumber: 'RC-20260301-0102',
        calledAt: '2026-03-04T00:55:00.000Z',
      },
    ]);
  });

  it('counts earlier calls the agent has already closed', () => {
    expect(
      linked([
        earlier(FIRST_CALL_ID, 48, { status: 'CALL_CLOSED' }),
        earlier(SECOND_CALL_ID, 5),
      ]),
    ).toEqual([FIRST_CALL_ID, SECOND_CALL_ID]);
  });

  it('links nothing on the second call', () => {
    expect(linked([earlier(FIRST_CALL_ID, 5)])).toEqual([]);
  });

  it('does not count a call outside the window', () => {
    expect(
      linked([earlier(FIRST_CALL_ID, 72.01), earlier(SECOND_CALL_ID, 5)]),
    ).toEqual([]);
  });

  it('counts a call exactly at the edge of the window', () => {
    expect(
      linked([earlier(FIRST_CALL_ID, 72), earlier(SECOND_CALL_ID, 5)]),
    ).toEqual([FIRST_CALL_ID, SECOND_CALL_ID]);
  });

  it('does not count a call on another subject', () => {
    expect(
      linked([
        earlier(FIRST_CALL_ID, 48, { subject: 'deposit' }),
        earlier(SECOND_CALL_ID, 5),
      ]),
    ).toEqual([]);
  });

  it('does not count a call recorded after this one', () => {
    expect(
      linked([earlier(FIRST_CALL_ID, -1), earlier(SECOND_CALL_ID, 5)]),
    ).toEqual([]);
  });

  it('does not count a call already linked into an escalation, nor an escalation', () => {
    expect(
      linked([
        earlier(FIRST_CALL_ID, 48, { linkedInto: THIRD_CALL_ID }),
        earlier(SECOND_CALL_ID, 5),
        earlier(THIRD_CALL_ID, 4, { status: 'ESCALATED' }),
      ]),
    ).toEqual([]);
  });

  it('does not count the call itself', () => {
    expect(linked([earlier(TICKET_ID, 0), earlier(SECOND_CALL_ID, 5)])).toEqual(
      [],
    );
  });

  it('follows a configured window and threshold', () => {
    const strict = { windowHours: 24, threshold: 2 };
    expect(linked([earlier(FIRST_CALL_ID, 5)], strict)).toEqual([
      FIRST_CALL_ID,
    ]);
    expect(linked([earlier(FIRST_CALL_ID, 25)], strict)).toEqual([]);
  });
});
