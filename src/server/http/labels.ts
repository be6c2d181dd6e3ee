import { catalogLabels } from '../modules/catalog/catalog.labels.ts';
import { casesLabels } from '../modules/cases/cases.labels.ts';
import { caseImportAuditLabels } from '../modules/cases/import.messages.ts';
import { supervisionLabels } from '../modules/cases/supervision.labels.ts';
import { censusLabels } from '../modules/census/census.labels.ts';
import { mattersLabels } from '../modules/matters/matters.labels.ts';
import { registryLabels } from '../modules/registry/registry.labels.ts';
import type { Lang } from './messages.ts';

/**
 * People-facing names of the codes the API returns (roles, kinds, levels, audit actions), for
 * exports and presenters, in both languages. The web app has its own copies for its widgets; these
 * serve files and server-rendered fields.
 */
const LABELS = {
  role: {
    sys_admin: ['系统管理员', 'System administrator'],
    sec_admin: ['安全管理员', 'Security administrator'],
    audit_admin: ['审计管理员', 'Audit administrator'],
    bureau_admin: ['数据资源局管理员', 'Data bureau administrator'],
    dept_data_officer: ['部门数据专员', 'Department data officer'],
    dept_case_officer: ['部门办件专员', 'Department case officer'],
    dept_case_approver: ['部门审批负责人', 'Department approver'],
    window_officer: ['综合窗口人员', 'Service window officer'],
    street_officer: ['街道工作人员', 'Street officer'],
    community_worker: ['社区工作人员', 'Community worker'],
    leader: ['领导（只读）', 'Leader (read-only)'],
  },
  userStatus: { active: ['正常', 'Active'], locked: ['已锁定', 'Locked'], disabled: ['已停用', 'Disabled'] },
  departmentKind: {
    bureau: ['政府工作部门', 'Government bureau'],
    government: ['政府办公室', 'Government office'],
    vertical: ['垂直管理部门', 'Vertical agency'],
    party: ['党委部门', 'Party department'],
    mass: ['群团组织', 'Mass organisation'],
    institution: ['事业单位', 'Public institution'],
  },
  regionLevel: {
    district: ['区', 'District'],
    street: ['街道', 'Street'],
    community: ['社区', 'Community'],
    park: ['园区', 'Park'],
  },
  boundary: { schematic: ['示意边界', 'Schematic'], uploaded: ['已上传', 'Uploaded'], none: ['无', 'None'] },
  auditResult: { success: ['成功', 'Success'], failure: ['失败', 'Failure'], denied: ['拒绝', 'Denied'] },
  auditAction: {
    'auth.login': ['登录', 'Sign-in'],
    'auth.logout': ['退出登录', 'Sign-out'],
    'auth.lock': ['账号锁定', 'Account locked'],
    'auth.mfa': ['双因素验证', 'Second factor'],
    'auth.mfa.enrol': ['绑定动态口令', 'Second factor enrolled'],
    'auth.mfa.enrol.start': ['开始绑定动态口令', 'Second factor enrolment started'],
    'auth.password.change': ['修改密码', 'Password changed'],
    'auth.token': ['接口令牌签发', 'API token issued'],
    'user.create': ['创建用户', 'User created'],
    'user.update': ['修改用户', 'User updated'],
    'user.roles.set': ['设置角色', 'Roles set'],
    'user.lock': ['锁定用户', 'User locked'],
    'user.unlock': ['解锁用户', 'User unlocked'],
    'user.password.reset': ['重置密码', 'Password reset'],
    'user.disable.dormant': ['停用长期未登录账号', 'Dormant account disabled'],
    'user.export': ['导出用户', 'Users exported'],
    'department.create': ['创建部门', 'Department created'],
    'department.update': ['修改部门', 'Department updated'],
    'department.export': ['导出部门', 'Departments exported'],
    'region.boundary.set': ['上传区划边界', 'Boundary uploaded'],
    'region.export': ['导出区划', 'Regions exported'],
    'region.create': ['新增区划', 'Region added'],
    'region.rename': ['区划更名', 'Region renamed'],
    'region.load': ['导入区划数据', 'Division data loaded'],
    'calendar.year.set': ['设置工作日历', 'Calendar year set'],
    'api_client.create': ['创建接口客户端', 'API client created'],
    'api_client.revoke': ['吊销接口客户端', 'API client revoked'],
    'access.denied': ['越权访问被拒绝', 'Access denied'],
    'audit.search': ['查询审计日志', 'Audit searched'],
    'audit.export': ['导出审计日志', 'Audit exported'],
    'audit.verify': ['校验审计链', 'Audit chain verified'],
    'seed.demo': ['加载演示数据', 'Demo data loaded'],
    'notify.webhook.create': ['新增消息推送机器人', 'Chat robot added'],
    'notify.webhook.update': ['修改消息推送机器人', 'Chat robot changed'],
    'notify.webhook.delete': ['删除消息推送机器人', 'Chat robot removed'],
    'notify.webhook.test': ['测试消息推送机器人', 'Chat robot tested'],
    'notify.webhook.retry': ['重发推送失败的消息', 'Failed robot messages resent'],
    ...registryLabels.auditAction,
    ...catalogLabels.auditAction,
    ...censusLabels.auditAction,
    ...mattersLabels.auditAction,
    ...casesLabels.auditAction,
    ...supervisionLabels.auditAction,
    ...caseImportAuditLabels,
  },
  ...registryLabels.codes,
  ...catalogLabels.codes,
  ...censusLabels.codes,
  ...mattersLabels.codes,
  ...casesLabels.codes,
  ...supervisionLabels.codes,
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

export type LabelKind = keyof typeof LABELS;

/** The label of a code; an unknown code is shown as itself rather than hidden. */
export function label(kind: LabelKind, code: string, lang: Lang): string {
  const entry = (LABELS[kind] as Record<string, readonly [string, string]>)[code];
  return entry ? entry[lang === 'en' ? 1 : 0] : code;
}

/** Time as people in the district read it: Beijing time (UTC+8, no daylight saving), to the second. */
export function chinaTime(date: Date | null | undefined): string {
  if (!date) return '';
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
