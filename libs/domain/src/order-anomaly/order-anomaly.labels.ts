import type { Label } from '../shared';
import type { OrderAnomalyEventType } from './order-anomaly.events';

/** Timeline labels: Chinese first, English second. */
export const ORDER_ANOMALY_EVENT_LABELS: Record<OrderAnomalyEventType, Label> =
  {
    'order-anomaly.reported': {
      zh: '受理订单异常来电',
      en: 'Anomaly reported',
    },
    'order-anomaly.trajectory-reviewed': {
      zh: '查看车辆行驶轨迹确定用车时间',
      en: 'Trajectory reviewed, usage determined',
    },
    'order-anomaly.order-restored': {
      zh: '直接恢复订单',
      en: 'Order restored',
    },
    'order-anomaly.user-guided-to-pay-in-app': {
      zh: '引导用户APP支付',
      en: 'User guided to pay in the app',
    },
    'order-anomaly.order-restore-failed': {
      zh: '订单恢复失败',
      en: 'Order restore failed',
    },
    'order-anomaly.reported-to-tech-manager': {
      zh: '反馈总部技术管理岗',
      en: 'Reported to HQ technical management',
    },
    'order-anomaly.e-coin-top-up-requested': {
      zh: '告知用户充值E币',
      en: 'User asked to top up E-coins',
    },
    'order-anomaly.e-coin-deducted': { zh: '扣除E币', en: 'E-coins deducted' },
    'order-anomaly.order-settled': {
      zh: '结算订单费用',
      en: 'Order settled',
    },
    'order-anomaly.user-notified-of-result': {
      zh: '告知用户处理结果',
      en: 'User told the result',
    },
    'order-anomaly.tech-finding-recorded': {
      zh: '技术管理岗反馈原因',
      en: 'Technical finding recorded',
    },
  };
