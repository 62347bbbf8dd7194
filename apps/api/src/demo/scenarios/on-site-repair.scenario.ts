import type { OpsdeskClient } from '../opsdesk-client';
import {
  escalateToOpsTeam,
  pickStation,
  reportAndCreateTask,
  reportBackAndClose,
  type ScenarioResult,
} from './scenario-context';

/** (c) A fault that is not the charging pile: operations repair it on site. */
export async function onSiteRepair(
  client: OpsdeskClient,
): Promise<ScenarioResult> {
  const station = await pickStation(client, false, 19);
  const ticket = await reportAndCreateTask(client, {
    reporter: {
      type: 'property-management',
      name: '物业张工',
      phone: '021-5888 1234',
    },
    stationId: station.id,
    faultDescription: '网点照明及指示牌损坏，夜间无法识别车位',
    suspectedChargingPile: false,
  });
  const id = ticket.ticketId;

  const { opsTeamId } = await escalateToOpsTeam(
    client,
    ticket,
    '灯箱线路老化短路，需更换线路',
  );

  await client.post(
    `/station-faults/${id}/classify`,
    { isChargingPileIssue: false },
    { actor: { id: opsTeamId, role: 'station-ops-team' } },
  );
  await client.post(
    `/station-faults/${id}/ops-repair-result`,
    { outcome: 'fixed', result: '更换灯箱线路与指示牌，照明恢复' },
    { actor: { id: opsTeamId, role: 'station-ops-team' } },
  );

  const closed = await reportBackAndClose(
    client,
    id,
    '运维团队已现场修复照明与指示牌',
    opsTeamId,
  );
  return {
    name: '(c) 网点设施故障 · 运维现场维修',
    ticketId: id,
    ticketNumber: closed.ticketNumber,
    finalStatus: closed.status,
  };
}
