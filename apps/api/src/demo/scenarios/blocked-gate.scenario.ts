import type { OpsdeskClient } from '../opsdesk-client';
import {
  pickStation,
  reportAndCreateTask,
  type ScenarioResult,
} from './scenario-context';

/** (b) 用户 reports a blocked gate and the inspector clears it on the first visit. */
export async function blockedGate(
  client: OpsdeskClient,
): Promise<ScenarioResult> {
  const station = await pickStation(client, false, 7);
  const ticket = await reportAndCreateTask(client, {
    reporter: { type: 'user', name: '李女士', phone: '139 1234 5678' },
    stationId: station.id,
    faultDescription: '网点出入口道闸不抬杆，车辆无法驶出',
    suspectedChargingPile: false,
  });
  const id = ticket.ticketId;
  const inspector = {
    id: ticket.assigneeId ?? undefined,
    role: 'regional-inspector',
  };

  await client.post(
    `/station-faults/${id}/start-inspection`,
    {},
    { actor: inspector },
  );
  await client.post(
    `/station-faults/${id}/inspection-result`,
    { cleared: true, resolutionNote: '道闸地感线圈复位，抬杆恢复正常' },
    { actor: inspector },
  );

  // Gap G-d: the platform passes the result on to the centre by itself.
  await client.waitForTicket(id, (t) => t.status === 'RESULT_NOTIFIED');
  await client.post(
    `/station-faults/${id}/inform-reporter`,
    { contactOutcome: 'reached', note: '已告知用户道闸恢复' },
    { actor: { id: 'agent-0107', role: 'cs-phone-agent' } },
  );
  const closed = await client.waitForTicket(id, (t) => t.status === 'CLOSED');
  return {
    name: '(b) 道闸故障 · 巡检现场排除',
    ticketId: id,
    ticketNumber: closed.ticketNumber,
    finalStatus: closed.status,
  };
}
