import { decideRecordDeadline } from '../deadlines/record-deadline';
import type { DecisionContext } from '../shared';
import type { PhoneCallbackCommand } from './phone-callback.commands';
import {
  decideConcludeCall,
  decideOpenCallback,
  decidePrepareCallback,
  decideRecordCallAttempt,
  decideReportUnreached,
} from './phone-callback.decide-call';
import {
  decideCancelCallback,
  decideCloseDissatisfied,
  decideCloseUnreached,
  decideOpenComplaint,
  decideRecordSecondCall,
} from './phone-callback.decide-follow-up';
import type { PhoneCallbackEvent } from './phone-callback.events';
import { authorisePhoneCallbackCommand } from './phone-callback.guard';
import type { PhoneCallbackState } from './phone-callback.state';

/**
 * The events a command appends to a call-back, or a `DomainError` saying
 * why it is refused: existence, role, calls left, state, then the data.
 */
export function decidePhoneCallback(
  command: PhoneCallbackCommand,
  state: PhoneCallbackState,
  context: DecisionContext,
): PhoneCallbackEvent[] {
  authorisePhoneCallbackCommand(command, state, context);

  switch (command.type) {
    case 'OpenCallback':
      return decideOpenCallback(command, context);
    case 'PrepareCallback':
      return decidePrepareCallback(command);
    case 'RecordCallAttempt':
      return decideRecordCallAttempt(command, state, context);
    case 'ReportUnreached':
      return decideReportUnreached(command, state, context);
    case 'ConcludeCall':
      return decideConcludeCall(command);
    case 'RecordSecondCall':
      return decideRecordSecondCall(command);
    case 'OpenComplaint':
      return decideOpenComplaint(command);
    case 'CloseDissatisfied':
      return decideCloseDissatisfied(command);
    case 'CloseUnreached':
      return decideCloseUnreached(command);
    case 'CancelCallback':
      return decideCancelCallback(command);
    case 'RecordDeadline':
      return decideRecordDeadline('phone-callback', command, state, context);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
