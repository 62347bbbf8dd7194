/** Every role of the manual that acts on a ticket, by its worker id. */
export const ROLES = {
  'property-management': { zh: '物业方', en: 'Property management' },
  user: { zh: '用户', en: 'User' },
  'customer-service-center': { zh: '客服中心', en: 'Customer-service centre' },
  'cs-phone-agent': { zh: '客服中心电话坐席', en: 'CS phone agent' },
  'cs-shift-leader': { zh: '客服中心值班长', en: 'CS shift leader' },
  'cs-supervisor': { zh: '客服中心主管', en: 'CS supervisor' },
  'hq-cs-manager': { zh: '总部客服经理', en: 'HQ CS manager' },
  'dispatch-manager': { zh: '调度管理岗', en: 'Dispatch manager' },
  'regional-platform': { zh: '区域平台', en: 'Regional platform' },
  'regional-inspector': { zh: '区域巡检', en: 'Regional inspector' },
  'station-manager': { zh: '网点管理岗', en: 'Station manager' },
  'station-ops-team': { zh: '网点运维团队', en: 'Station operations team' },
  'charging-pile-supplier': {
    zh: '充电桩供应商',
    en: 'Charging-pile supplier',
  },
  // Money and compliance processes (P17, P21, P23, P25).
  'cs-online-agent': { zh: '客服中心在线坐席', en: 'CS online agent' },
  'cs-violation-reminder-specialist': {
    zh: '客服中心违章提醒专员',
    en: 'CS violation-reminder specialist',
  },
  'subsidiary-violation-specialist': {
    zh: '子公司违章处理专员',
    en: 'Subsidiary violation specialist',
  },
  'risk-control-manager': { zh: '风控管理岗', en: 'Risk-control manager' },
  'finance-manager': { zh: '财务管理岗', en: 'Finance manager' },
  'ops-invoicing-liaison': {
    zh: '运营开票对接人',
    en: 'Operations invoicing liaison',
  },
  'tech-manager': { zh: '总部技术管理岗', en: 'HQ technical manager' },
  // The centre's own operations (P14, P05, P01, P29).
  'cs-manager-outsourcer': {
    zh: '客服中心经理(外包服务商)',
    en: 'CS centre manager (outsourcer)',
  },
  'subsidiary-ops-head': {
    zh: '子公司运营负责人',
    en: 'Subsidiary operations head',
  },
  'hq-pr-manager': {
    zh: '总部市场与品牌管理部公关管理岗',
    en: 'HQ PR manager (marketing and brand)',
  },
  'subsidiary-gm': { zh: '子公司总经理', en: 'Subsidiary general manager' },
  'cs-email-specialist': {
    zh: '客服中心邮件处理专员',
    en: 'CS e-mail specialist',
  },
  'related-department': { zh: '相关部门', en: 'Related department' },
  'marketing-manager': { zh: '市场管理岗', en: 'Marketing manager' },
  // Vehicle repair, rescue and the repair shop (G1–G9).
  'fleet-admin': { zh: '车队管理员', en: 'Fleet administrator' },
  'repair-shop-receptionist': {
    zh: '维修站接车员',
    en: 'Repair-shop receptionist',
  },
  'repair-technician': { zh: '维修技师', en: 'Repair technician' },
  'repair-quick-team': { zh: '快修班组', en: 'Quick-repair team' },
  'repair-quality-inspector': { zh: '质检员', en: 'Quality inspector' },
  'repair-cashier': { zh: '维修结算员', en: 'Repair settlement clerk' },
  'repair-after-sales': {
    zh: '售后维护部',
    en: 'After-sales maintenance department',
  },
  'repair-assistant-gm': { zh: '总经理助理', en: 'Assistant general manager' },
  system: { zh: '系统', en: 'System' },
} as const;

export type RoleId = keyof typeof ROLES;

export const ROLE_IDS = Object.keys(ROLES) as RoleId[];

export function isRoleId(value: string): value is RoleId {
  return Object.prototype.hasOwnProperty.call(ROLES, value);
}
