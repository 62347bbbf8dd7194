import type { OpsdeskClient, TicketView } from '../opsdesk-client';

export interface RegionRoster {
  inspectors: { id: string; name: string; onDuty: boolean }[];
  stationOpsTeams: { id: string; name: string }[];
  chargingPileSuppliers: { id: string; name: string }[];
}

export interface StationSummary {
  id: string;
  name: string;
  regionId: string;
  chargingPileIds: string[];
}

export interface ScenarioResult {
  name: string;
  ticketId: string;
  ticketNumber: string;
  finalStatus: string;
}

/** Picks a station: the first with a charging pile, or the first at all. */
export async function pickStation(
  client: OpsdeskClient,
  needsPile: boolean,
  offset = 0,
): Promise<StationSummary> {
  const { items } = await client.get<{ items: StationSummary[] }>('/stations');
  const fitting = items.filter(
    (s) => !needsPile || s.chargingPileIds.length > 0,
  );
  return fitting[offset % fitting.length];
}

export async function rosterOf(client: OpsdeskClient, regionId: string) {
  return client.get<RegionRoster>(`/regions/${regionId}/roster`);
}

/** Intake (4.1) and task creation (4.2); routing and assignment follow by themselves. */
export async function reportAndCreateTask(
  client: OpsdeskClient,
  body: Record<string, unknown>,
): Promise<TicketView> {
  const created = await client.post<{ ticket: { id: string } }>(
    '/station-faults',
    body,
    {
      actor: { id: 'agent-0107', role: 'cs-phone-agent' },
    },
  );
  const ticketId = created.ticket.id;
  await client.post(
    `/station-faults/${ticketId}/create-task`,
    {},
    {
      actor: { id: 'agent-0107', role: 'cs-phone-agent' },
    },
  );
  // 4.3 and 4.4 are automatic: dispatch routes by region, the platform
  // assigns the on-duty inspector with the fewest open tickets.
  return client.waitForTicket(
    ticketId,
    (t) => t.status === 'INSPECTION_ASSIGNED',
  );
}

/** The inspector goes on site and cannot clear it; it climbs to the station manager. */
export async function escalateToOpsTeam(
  client: OpsdeskClient,
  ticket: TicketView,
  findings: string,
): Promise<{ opsTeamId: string }> {
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
    {
      cleared: false,
      findings,
      reasonNotFixed: '需专业维修，巡检无法现场处理',
    },
    { actor: inspector },
  );
  await client.post(
    `/station-faults/${id}/report-unresolved`,
    { note: '巡检未能排除' },
    {
      actor: { id: 'platform-desk', role: 'regional-platform' },
    },
  );
  await client.post(
    `/station-faults/${id}/escalate`,
    { note: '转网点管理岗处理' },
    {
      actor: { id: 'dispatch-desk', role: 'dispatch-manager' },
    },
  );
  const roster = await rosterOf(client, ticket.regionId);
  const opsTeamId = roster.stationOpsTeams[0].id;
  await client.post(
    `/station-faults/${id}/assign-ops-team`,
    { opsTeamId },
    {
      actor: { id: 'station-manager-01', role: 'station-manager' },
    },
  );
  return { opsTeamId };
}

/** G-b, 4.11 and G-c: the result climbs back to the centre and the reporter is told. */
export async function reportBackAndClose(
  client: OpsdeskClient,
  ticketId: string,
  result: string,
  opsTeamId: string,
): Promise<TicketView> {
  await client.post(
    `/station-faults/${ticketId}/report-result`,
    { result },
    {
      actor: { id: opsTeamId, role: 'station-ops-team' },
    },
  );
  await client.post(
    `/station-faults/${ticketId}/notify-customer-service`,
    { resultSummary: result },
    { actor: { id: 'station-manager-01', role: 'station-manager' } },
  );
  await client.post(
    `/station-faults/${ticketId}/inform-reporter`,
    { contactOutcome: 'reached', note: '已电话告知处理结果' },
    { actor: { id: 'agent-0107', role: 'cs-phone-agent' } },
  );
  return client.waitForTicket(ticketId, (t) => t.status === 'CLOSED');
}
