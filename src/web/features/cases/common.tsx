import { Tag, Tooltip } from 'antd';
import i18n, { type TFunction } from 'i18next';
import { mismatchSummary } from '../../../domain/exchange.ts';
import type {
  CaseClock,
  CaseDetailFlag,
  CaseEventView,
  CaseFlagLevel,
  CaseFlagStatus,
  CaseStatus,
} from '../../api/types.ts';
import { caseLabel, dynamicLabel, gradeLabel, roleLabel } from '../../i18n/labels.ts';
import { chinaDateTime } from '../../shared/chinaTime.ts';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  submitted: 'blue',
  accepted: 'processing',
  reviewed: 'processing',
  decided: 'geekblue',
  supplementing: 'gold',
  special: 'purple',
  completed: 'success',
  delivered: 'success',
  refused: 'default',
  withdrawn: 'default',
};

export const FLAG_LEVEL_COLORS: Record<CaseFlagLevel, string> = {
  notice: 'blue',
  warning: 'orange',
  alarm: 'red',
};

export const FLAG_STATUS_COLORS: Record<CaseFlagStatus, string> = {
  open: 'error',
  explained: 'warning',
  closed: 'default',
  cleared: 'success',
};

/** Colours of a clock's condition, shared by the tags, progress bars and the queue chart. */
export const CLOCK_COLORS = {
  normal: '#52c41a',
  warning: '#fa8c16',
  overdue: '#f5222d',
  paused: '#8c8c8c',
  missing: '#722ed1',
} as const;

export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  return (
    <Tag
      color={STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid={testId}
      data-status={status}
    >
      {caseLabel('status', status)}
    </Tag>
  );
}

export function FlagLevelTag({ level }: { level: CaseFlagLevel }) {
  return (
    <Tag color={FLAG_LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }}>
      {caseLabel('flagLevel', level)}
    </Tag>
  );
}

export type ClockCondition = 'normal' | 'warning' | 'overdue' | 'paused' | 'missing' | 'idle';

/** How a clock looks: its condition (colour) and its words ("剩余 3 个工作日", "超期 2 个工作日" …). */
export function clockView(clock: CaseClock, t: TFunction): { condition: ClockCondition; text: string } {
  switch (clock.state) {
    case 'calendar_missing':
      return {
        condition: 'missing',
        text: clock.missingYear
          ? t('cases.clock.calendarMissing', { year: clock.missingYear })
          : t('cases.clock.calendarMissingAny'),
      };
    case 'not_started':
      return { condition: 'idle', text: t('cases.clock.notStarted') };
    case 'stopped':
      return clock.overdue
        ? { condition: 'overdue', text: t('cases.clock.stoppedLate', { days: clock.overdueDays }) }
        : { condition: 'idle', text: t('cases.clock.stoppedOnTime') };
    case 'paused':
      return clock.overdue
        ? { condition: 'overdue', text: t('cases.clock.overdue', { days: clock.overdueDays }) }
        : { condition: 'paused', text: t('cases.clock.paused', { days: clock.remainingDays }) };
    case 'running':
      if (clock.overdue)
        return { condition: 'overdue', text: t('cases.clock.overdue', { days: clock.overdueDays }) };
      return {
        condition: clock.warning ? 'warning' : 'normal',
        text:
          clock.remainingDays === 0 && clock.budget > 0
            ? t('cases.clock.dueToday')
            : t('cases.clock.remaining', { days: clock.remainingDays }),
      };
  }
}

const TAG_COLOR: Record<ClockCondition, string> = {
  normal: 'green',
  warning: 'orange',
  overdue: 'red',
  paused: 'default',
  missing: 'purple',
  idle: 'default',
};

/** A clock as a coloured tag: green running, orange warning, red overdue, grey paused. */
export function ClockTag({ clock, t, testId }: { clock: CaseClock; t: TFunction; testId?: string }) {
  const view = clockView(clock, t);
  const tag = (
    <Tag
      color={TAG_COLOR[view.condition]}
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      data-testid={testId}
      data-clock={view.condition}
    >
      {view.text}
    </Tag>
  );
  return clock.due ? (
    <Tooltip title={`${t('cases.clock.due')} ${clock.due}`}>
      <span>{tag}</span>
    </Tooltip>
  ) : (
    tag
  );
}

/** The acting role as people say it (a stage role, the applicant, the system). */
export function actorRoleLabel(role: string | null): string {
  if (!role) return '';
  return dynamicLabel(`cases.codes.role.${role}`, roleLabel(role));
}

const isoLike = /^\d{4}-\d{2}-\d{2}T/;

/** A flag's reason in words from its parameters (times in China time, codes labelled). */
export function flagReason(flag: Pick<CaseDetailFlag, 'type' | 'params'>, t: TFunction): string {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(flag.params))
    p[k] = typeof v === 'string' && isoLike.test(v) ? chinaDateTime(v) : v;
  if (typeof p.stages === 'string')
    p.stages = p.stages
      .split(',')
      .map((s) => caseLabel('stage', s))
      .join(t('common.listSeparator'));
  if (typeof p.event === 'string') p.event = caseLabel('eventKind', p.event);
  // The fields by their names in the standard, in the reader's language (the stored summary has codes).
  if (flag.type === 'upstream_mismatch')
    p.summary = mismatchSummary(flag.params, i18n.language === 'en' ? 'en' : 'zh-CN');
  if (flag.type === 'poor_evaluation') {
    if (p.grade !== undefined) p.grade = gradeLabel(Number(p.grade));
    if (typeof p.stage === 'string') p.stage = caseLabel('evaluationStage', p.stage);
  }
  const key = `cases.flagReason.${flag.type}`;
  const text = dynamicLabel(key, '');
  if (!text) return caseLabel('flagType', flag.type);
  return String(t(key as never, p as never));
}

/** The payload of an event in words, one line each (no staff data beyond what the case page shows). */
export function eventPayloadLines(e: Pick<CaseEventView, 'kind' | 'payload'>, t: TFunction): string[] {
  const p = e.payload as Record<string, unknown>;
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  const lines: string[] = [];
  switch (e.kind) {
    case 'submitted':
      if (str('channel'))
        lines.push(t('cases.detail.payload.channel', { channel: caseLabel('channel', str('channel')) }));
      break;
    case 'refused':
    case 'withdrawn':
      if (str('reason')) lines.push(t('cases.detail.payload.reason', { reason: str('reason') }));
      break;
    case 'supplement_requested': {
      const items = Array.isArray(p.items) ? (p.items as { material?: string; reason?: string }[]) : [];
      lines.push(t('cases.detail.payload.items'));
      items.forEach((it, i) =>
        lines.push(
          `${i + 1}. ${t('cases.detail.payload.item', { material: it.material ?? '', reason: it.reason ?? '' })}`,
        ),
      );
      break;
    }
    case 'supplement_received':
      if (str('note')) lines.push(t('cases.detail.payload.note', { note: str('note') }));
      break;
    case 'special_started':
      if (str('procedure'))
        lines.push(
          t('cases.detail.payload.procedure', { procedure: caseLabel('specialProcedure', str('procedure')) }),
        );
      if (str('note')) lines.push(t('cases.detail.payload.note', { note: str('note') }));
      break;
    case 'special_ended':
      if (str('result')) lines.push(t('cases.detail.payload.result', { result: str('result') }));
      break;
    case 'extended':
      lines.push(t('cases.detail.payload.extension', { days: Number(p.days ?? 0), reason: str('reason') }));
      break;
    case 'reviewed':
      if (str('opinion')) lines.push(t('cases.detail.payload.opinion', { opinion: str('opinion') }));
      break;
    case 'decided':
      if (str('decision'))
        lines.push(t('cases.detail.payload.decision', { decision: caseLabel('decision', str('decision')) }));
      if (str('opinion')) lines.push(t('cases.detail.payload.opinion', { opinion: str('opinion') }));
      break;
    case 'completed':
      if (str('result'))
        lines.push(t('cases.detail.payload.completion', { result: caseLabel('result', str('result')) }));
      if (str('note')) lines.push(t('cases.detail.payload.note', { note: str('note') }));
      break;
    case 'delivered':
      if (str('method'))
        lines.push(
          t('cases.detail.payload.delivery', { method: caseLabel('deliveryMethod', str('method')) }),
        );
      break;
    case 'accepted':
      break;
  }
  return lines;
}
