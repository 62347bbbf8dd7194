import { FieldChecks } from '../shared';
import type {
  CancelCallback,
  CloseDissatisfied,
  CloseUnreached,
  OpenComplaint,
  RecordSecondCall,
} from './phone-callback.commands';
import { callbackEvent } from './phone-callback.event-factory';
import type { PhoneCallbackEvent } from './phone-callback.events';

function payloadOf(checks: FieldChecks, payload: unknown) {
  return checks.record('payload', payload) ? payload : undefined;
}

/** 4.6: the shift leader's or supervisor's second call. */
export function decideRecordSecondCall(
  command: RecordSecondCall,
): PhoneCallbackEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.boolean('payload.userSatisfied', p.userSatisfied);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { userSatisfied, note } = command.payload;
  const call = callbackEvent('phone-callback.second-call-made', {
    userSatisfied,
    note,
  });
  return userSatisfied
    ? [call, callbackEvent('phone-callback.closed-satisfied', { note })]
    : [call];
}

function checkNote(
  command: OpenComplaint | CloseDissatisfied | CloseUnreached,
): void {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.nonBlank('payload.note', p.note);
    if (command.type === 'OpenComplaint') {
      checks.optionalNonBlank('payload.complaintRef', p.complaintRef);
    }
  }
  checks.throwIfAny(command.type);
}

/** 4.6: 《客服投诉处理流程》 triggered (the complaint process is not modelled). */
export function decideOpenComplaint(
  command: OpenComplaint,
): PhoneCallbackEvent[] {
  checkNote(command);
  const { note, complaintRef } = command.payload;
  return [
    callbackEvent('phone-callback.complaint-opened', { note, complaintRef }),
  ];
}

export function decideCloseDissatisfied(
  command: CloseDissatisfied,
): PhoneCallbackEvent[] {
  checkNote(command);
  return [
    callbackEvent('phone-callback.closed-dissatisfied', {
      note: command.payload.note,
    }),
  ];
}

/** What the shift leader did about an unreached user (P08 leaves it open). */
export function decideCloseUnreached(
  command: CloseUnreached,
): PhoneCallbackEvent[] {
  checkNote(command);
  return [
    callbackEvent('phone-callback.unreached-closed', {
      note: command.payload.note,
    }),
  ];
}

export function decideCancelCallback(
  command: CancelCallback,
): PhoneCallbackEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.oneOf('payload.reason', p.reason, [
      'reporter-informed-directly',
      'other',
    ] as const);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);
  const { reason, note } = command.payload;
  return [callbackEvent('phone-callback.cancelled', { reason, note })];
}
