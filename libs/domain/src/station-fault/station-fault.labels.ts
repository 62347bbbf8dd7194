import type { Label } from '../shared';
import type { StationFaultEventType } from './station-fault.events';

/** Timeline labels: Chinese first, English second. */
export const STATION_FAULT_EVENT_LABELS: Record<StationFaultEventType, Label> =
  {
    'station-fault.call-received': { zh: '接听来电', en: 'Call received' },
    'station-fault.fault-recorded': {
      zh: '记录网点信息及故障',
      en: 'Station and fault recorded',
    },
    'station-fault.task-created': {
      zh: '新建任务并发送调度',
      en: 'Task created for dispatch',
    },
    'station-fault.dispatched-to-region': {
      zh: '派发任务给区域平台',
      en: 'Dispatched to regional platform',
    },
    'station-fault.inspection-assigned': {
      zh: '指派查看网点任务',
      en: 'Inspection assigned',
    },
    'station-fault.inspector-arrived': {
      zh: '巡检到达现场',
      en: 'Inspector arrived on site',
    },
    'station-fault.fault-cleared-by-inspector': {
      zh: '巡检排除故障',
      en: 'Fault cleared by inspector',
    },
    'station-fault.fault-not-cleared': {
      zh: '故障未排除，反馈区域平台',
      en: 'Fault not cleared, reported to platform',
    },
    'station-fault.unresolved-reported-to-dispatch': {
      zh: '区域平台反馈调度管理岗',
      en: 'Unresolved fault reported to dispatch',
    },
    'station-fault.escalated-to-station-manager': {
      zh: '调度上报网点管理岗',
      en: 'Escalated to station manager',
    },
    'station-fault.ops-task-assigned': {
      zh: '指派网点运维团队现场处理',
      en: 'On-site task assigned to operations',
    },
    'station-fault.fault-classified': {
      zh: '判断是否充电桩问题',
      en: 'Fault classified (charging pile or not)',
    },
    'station-fault.supplier-dispatched': {
      zh: '指派充电桩供应商到场处理',
      en: 'Charging-pile supplier dispatched',
    },
    'station-fault.on-site-repair-started': {
      zh: '运维现场维修（触发网点维修与维护流程）',
      en: 'On-site repair started (maintenance process linked)',
    },
    'station-fault.supplier-handling-completed': {
      zh: '供应商反馈处理结果',
      en: 'Supplier reported completion',
    },
    'station-fault.ops-repair-completed': {
      zh: '运维维修完成',
      en: 'Operations repair completed',
    },
    'station-fault.result-reported-to-station-manager': {
      zh: '运维团队反馈网点管理岗',
      en: 'Result reported to station manager',
    },
    'station-fault.result-notified-to-customer-service': {
      zh: '处理结果告知客服中心',
      en: 'Result notified to customer-service centre',
    },
    'station-fault.reporter-informed': {
      zh: '告知报修方处理结果',
      en: 'Reporter informed',
    },
    'station-fault.ticket-closed': { zh: '关闭任务', en: 'Ticket closed' },
    'station-fault.deadline-warned': {
      zh: '临近时限预警',
      en: 'Deadline warning',
    },
    'station-fault.deadline-breached': {
      zh: '已超时限',
      en: 'Deadline breached',
    },
  };
