import type { OpsdeskClient } from '../opsdesk-client';
import {
  pickStation,
  reportAndCreateTask,
  type ScenarioResult,
} from './scenario-context';

export interface CallbackView {
  ticketId: string;
  ticketNumber: string | null;
  status: string;
  holderRole: string | null;
  outcome: string | null;
  facts: { originTicketId?: string | null; attempts?: number };
}

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };

/** The call-back the centre opened to tell a station fault's reporter. */
export async function callbackOf(
  client: OpsdeskClient,
  stationFaultId: string,
): Promise<CallbackView> {
  for (let tries = 0; ; tries++) {
    const { items } = await client.get<{ items: CallbackView[] }>(
      '/phone-callbacks?limit=200',
    );
    const found = items.find((c) => c.facts.originTicketId === stationFaultId);
    if (found) return found;
    if (tries > 300) {
      throw new Error(`No call-back was opened for ${stationFaultId}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A fault the inspector clears, up to the moment its result reaches the
 * centre (4.1–4.6, gap G-d): the centre's automation then opens a call-back.
 */
export async function clearedFaultAwaitingCallback(
  client: OpsdeskClient,
  body: Record<string, unknown> = {},
  stationOffset = 11,
) {
  const station = await pickStation(client, false, stationOffset);
  const ticket = await reportAndCreateTask(client, {
    reporter: { type: 'user', name: '陈先生', phone: '139 0000 2222' },
    stationId: station.id,
    faultDescription: '网点车位地锁无法降下',
    suspectedChargingPile: false,
    ...body,
  });
  const inspector = {
    id: ticket.assigneeId ?? undefined,
    role: 'regional-inspector',
  };
  await client.post(
    `/station-faults/${ticket.ticketId}/start-inspection`,
    {},
    { actor: inspector },
  );
  await client.post(
    `/station-faults/${ticket.ticketId}/inspection-result`,
    { cleared: true, resolutionNote: '地锁电机卡滞，已复位' },
    { actor: inspector },
  );
  await client.waitForTicket(
    ticket.ticketId,
    (t) => t.status === 'RESULT_NOTIFIED',
  );
  return {
    ticketId: ticket.ticketId,
    callback: await callbackOf(client, ticket.ticketId),
  };
}

/**
 * (d) The result reaches the reporter by the phone call-back process
 * (电话回访流程, P08): the agent prepares, calls, the user answers and is
 * satisfied; the call-back's end closes the station fault.
 */
export async function resultCallBack(
  client: OpsdeskClient,
  intake: Record<string, unknown> = {},
): Promise<ScenarioResult & { callbackId: string }> {
  const { ticketId, callback } = await clearedFaultAwaitingCallback(
    client,
    intake,
  );
  const path = `/phone-callbacks/${callback.ticketId}`;
  await client.post(
    `${path}/prepare`,
    { note: '已核实报修人电话' },
    { actor: agent },
  );
  await client.post(
    `${path}/attempts`,
    { outcome: 'answered' },
    { actor: agent },
  );
  await client.post(
    `${path}/conclude`,
    { userSatisfied: true, note: '用户确认地锁可正常使用' },
    { actor: agent },
  );
  const closed = await client.waitForTicket(
    ticketId,
    (t) => t.status === 'CLOSED',
  );
  return {
    name: '(d) 电话回访 · 告知报修方处理结果',
    ticketId,
    ticketNumber: closed.ticketNumber,
    finalStatus: closed.status,
    callbackId: callback.ticketId,
  };
}
