import { Tag } from 'antd';
import type {
  CaseFlagLevel,
  CaseFlagStatus,
  FindingSeverity,
  MatterStatus,
  ReconciliationStatus,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, dynamicLabel, roleLabel, serviceLabel } from '../../i18n/labels.ts';

/** 提醒 blue, 预警 orange, 报警 red. */
export const FLAG_LEVEL_COLORS: Record<CaseFlagLevel, string> = {
  notice: 'blue',
  warning: 'orange',
  alarm: 'red',
};

export const FLAG_STATUS_COLORS: Record<CaseFlagStatus, string> = {
  open: 'error',
  explained: 'processing',
  closed: 'success',
  cleared: 'default',
};

export const SEVERITY_COLORS: Record<FindingSeverity, string> = { error: 'red', warning: 'gold' };

export const RECONCILIATION_COLORS: Record<ReconciliationStatus, string> = {
  running: 'processing',
  ok: 'success',
  failed: 'error',
};

const tagStyle = { marginInlineEnd: 0 };

export function FlagLevelTag({ level }: { level: CaseFlagLevel }) {
  return (
    <Tag color={FLAG_LEVEL_COLORS[level]} style={tagStyle} data-level={level}>
      {caseLabel('flagLevel', level)}
    </Tag>
  );
}

export function FlagStatusTag({ status }: { status: CaseFlagStatus }) {
  return (
    <Tag color={FLAG_STATUS_COLORS[status]} style={tagStyle} data-status={status}>
      {caseLabel('flagStatus', status)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  return (
    <Tag color={SEVERITY_COLORS[severity]} style={tagStyle}>
      {serviceLabel('findingSeverity', severity)}
    </Tag>
  );
}

export function MatterStatusTag({ status }: { status: MatterStatus }) {
  return (
    <Tag color={status === 'active' ? 'success' : 'default'} style={tagStyle} data-status={status}>
      {serviceLabel('matterStatus', status)}
    </Tag>
  );
}

export function ReconciliationStatusTag({ status }: { status: ReconciliationStatus }) {
  return (
    <Tag color={RECONCILIATION_COLORS[status]} style={tagStyle}>
      {serviceLabel('reconciliationStatus', status)}
    </Tag>
  );
}

/** Roles whose matters, flags and evaluations the server limits to their own department. */
const DEPARTMENT_ROLES = ['dept_data_officer', 'dept_case_officer', 'dept_case_approver'];

/** The user's department when the server limits them to it (a department role), else null. */
export function useOwnDepartment(): { id: string; name: string } | null {
  const { me } = useAuth();
  const departmentOnly = me.roles.length > 0 && me.roles.every((r) => DEPARTMENT_ROLES.includes(r));
  return departmentOnly && me.department ? { id: me.department.id, name: me.department.name } : null;
}

/**
 * Who took a step on a flag, as people know them: a staff member's display name, 申请人 for the
 * applicant (an evaluation), otherwise the platform itself (a rule, the scan, reconciliation, the demo).
 */
export function flagActorLabel(a: { actorName: string; actorDisplayName: string | null }): string {
  if (a.actorDisplayName) return a.actorDisplayName;
  const role = a.actorName === 'applicant' ? 'applicant' : 'system';
  return dynamicLabel(`cases.codes.role.${role}`, roleLabel(role));
}
