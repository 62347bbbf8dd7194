import type { OpsdeskClient } from '../opsdesk-client';
import {
  escalateToOpsTeam,
  pickStation,
  reportAndCreateTask,
  reportBackAndClose,
  rosterOf,
  type ScenarioResult,
} from './scenario-context';

/**
 * (a) 物业方 reports a broken charging pile; the inspector cannot clear it;
 * it climbs to the station manager; operations send the supplier; the
 * result reaches the centre.
 */
export async function brokenChargingPile(
  client: OpsdeskClient,
): Promise<ScenarioResult> {
  const station = await pickStation(client, true);
  const chargingPileId = station.chargingPileIds[0];
  const ticket = await reportAndCreateTask(client, {
    reporter: { type: '物业方', name: '王经理', phone: '13800138000' },
    stationId: station.id,
    faultDescription: `${chargingPileId} 充电桩无法启动充电，屏幕黑屏`,
    suspectedChargingPile: true,
    chargingPileId,
  });
  const id = ticket.ticketId;

  const { opsTeamId } = await escalateToOpsTeam(
    client,
    ticket,
    '充电桩通电但无法握手，疑似充电模块损坏',
  );

  const supplierId = (await rosterOf(client, ticket.regionId))
    .chargingPileSuppliers[0].id;
  await client.post(
    `/station-faults/${id}/classify`,
    { isChargingPileIssue: true, supplierId, chargingPileId },
    { actor: { id: opsTeamId, role: 'station-ops-team' } },
  );
  await client.post(
    `/station-faults/${id}/supplier-result`,
    { outcome: 'fixed', result: '更换充电模块，测试充电正常' },
    {
      // An engineer of the firm: a supplier acts through its firm (org).
      actor: {
        id: `${supplierId}-engineer`,
        role: 'charging-pile-supplier',
        org: supplierId,
      },
    },
  );

  const closed = await reportBackAndClose(
    client,
    id,
    '供应商已更换充电模块，充电桩恢复使用',
    opsTeamId,
  );
  return {
    name: '(a) 充电桩故障 · 供应商维修',
    ticketId: id,
    ticketNumber: closed.ticketNumber,
    finalStatus: closed.status,
  };
}
