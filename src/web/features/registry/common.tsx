import { Tag, Tooltip } from 'antd';
import type { SystemFlagKind, SystemFlagStatus, SystemStatus } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { registryLabel } from '../../i18n/labels.ts';

export const SYSTEM_STATUS_COLORS: Record<SystemStatus, string> = {
  planned: 'default',
  building: 'processing',
  live: 'success',
  retired: 'default',
};

export const FLAG_KIND_COLORS: Record<SystemFlagKind, string> = { zombie: 'volcano', duplicate: 'gold' };

export const FLAG_STATUS_COLORS: Record<SystemFlagStatus, string> = {
  open: 'error',
  confirmed: 'warning',
  dismissed: 'default',
  cleared: 'success',
};

/** Chart colours per system status (ECharts), matching the tags above. */
export const SYSTEM_STATUS_CHART_COLORS: Record<SystemStatus, string> = {
  planned: '#bfbfbf',
  building: '#1677ff',
  live: '#52c41a',
  retired: '#8c8c8c',
};

export function SystemStatusTag({ status }: { status: SystemStatus }) {
  return (
    <Tag color={SYSTEM_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {registryLabel('status', status)}
    </Tag>
  );
}

/** 僵尸 / 疑似重复 tags on a system. */
export function FlagTags({ flags, testId }: { flags: readonly SystemFlagKind[]; testId?: string }) {
  if (flags.length === 0) return null;
  return (
    <span data-testid={testId} style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {flags.map((k) => (
        <Tag key={k} color={FLAG_KIND_COLORS[k]} style={{ marginInlineEnd: 0 }} data-flag={k}>
          {registryLabel('flagKind', k)}
        </Tag>
      ))}
    </span>
  );
}

export function FlagStatusTag({ status, title }: { status: SystemFlagStatus; title?: string | null }) {
  const tag = (
    <Tag color={FLAG_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {registryLabel('flagStatus', status)}
    </Tag>
  );
  return title ? <Tooltip title={title}>{tag}</Tooltip> : tag;
}

/** Roles whose data the server limits to their own department (org rowScope). */
const DEPARTMENT_ROLES = ['dept_data_officer', 'dept_case_officer', 'dept_case_approver'];

/** The user's department when the server limits them to it (a department officer), else null. */
export function useOwnDepartment(): { id: string; name: string } | null {
  const { me } = useAuth();
  const departmentOnly = me.roles.length > 0 && me.roles.every((r) => DEPARTMENT_ROLES.includes(r));
  return departmentOnly && me.department ? { id: me.department.id, name: me.department.name } : null;
}

/** Today's date in China ('YYYY-MM-DD'), the civil date the server counts in. */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A share 0..1 as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
