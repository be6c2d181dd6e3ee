import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { AddWorkdays } from './AddWorkdays.tsx';
import { calendarKeys, fetchCalendar, saveCalendar } from './api.ts';
import { toggleDay } from './dates.ts';
import { YearGrid } from './YearGrid.tsx';

interface Draft {
  holidays: string[];
  makeUpWorkdays: string[];
}

function Legend() {
  const { t } = useTranslation();
  const items = [
    ['od-day-workday', t('calendar.legendWorkday')],
    ['od-day-weekend', t('calendar.legendWeekend')],
    ['od-day-holiday', t('calendar.legendHoliday')],
    ['od-day-makeup', t('calendar.legendMakeup')],
  ] as const;
  return (
    <Space wrap data-testid="calendar-legend">
      {items.map(([cls, label]) => (
        <span key={cls}>
          <span className={`od-legend-swatch ${cls}`} />
          {label}
        </span>
      ))}
    </Space>
  );
}

function DateTags({ title, dates, color }: { title: string; dates: string[]; color: string }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        {dates.map((d) => (
          <Tag key={d} color={color} style={{ marginBottom: 4 }}>
            {d}
          </Tag>
        ))}
      </div>
    </div>
  );
}

/** The official working-day calendar: a year at a glance, editing for calendar.manage, and a calculator. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const canManage = can('calendar.manage');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [reason, setReason] = useState('');

  const calendar = useQuery({ queryKey: calendarKeys.year(year), queryFn: () => fetchCalendar(year) });
  const notPublished = calendar.data?.published === false;

  const shown: Draft | null = draft ?? calendar.data ?? null;
  const holidays = useMemo(() => new Set(shown?.holidays ?? []), [shown?.holidays]);
  const makeups = useMemo(() => new Set(shown?.makeUpWorkdays ?? []), [shown?.makeUpWorkdays]);

  const years = Array.from({ length: 7 }, (_, i) => thisYear - 4 + i);

  const startEditing = () => {
    setSaveError(null);
    setReason('');
    setDraft({
      holidays: [...(calendar.data?.holidays ?? [])],
      makeUpWorkdays: [...(calendar.data?.makeUpWorkdays ?? [])],
    });
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setSaveError(null);
    try {
      await saveCalendar(year, draft.holidays, draft.makeUpWorkdays, reason.trim() || undefined);
      message.success(t('calendar.saved', { year }));
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-calendar">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Card
        size="small"
        title={
          <Space>
            <span>{t('calendar.year')}</span>
            <Select<number>
              value={year}
              disabled={draft !== null}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 100 }}
              data-testid="calendar-year"
            />
            {calendar.data && (
              <>
                <Tag color={calendar.data.published ? 'green' : 'orange'} data-testid="calendar-published">
                  {calendar.data.published ? t('calendar.published') : t('calendar.unpublished')}
                </Tag>
                {/* The calendar-wide version: meaningless for a year that has not been published. */}
                {calendar.data.published && (
                  <Tooltip title={t('calendar.versionHint')}>
                    <Typography.Text type="secondary" data-testid="calendar-version">
                      {t('calendar.version', { version: calendar.data.version })}
                    </Typography.Text>
                  </Tooltip>
                )}
              </>
            )}
          </Space>
        }
        extra={
          canManage &&
          (draft ? (
            <Space>
              <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="calendar-save">
                {t('common.save')}
              </Button>
            </Space>
          ) : (
            calendar.data && (
              <Button icon={<EditOutlined />} onClick={startEditing} data-testid="calendar-edit">
                {t('calendar.edit')}
              </Button>
            )
          ))
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {saveError !== null && <ErrorAlert error={saveError} />}
          {calendar.isError && <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
          {notPublished && !draft && (
            <Alert
              type="warning"
              showIcon
              title={t('calendar.notFound', { year })}
              data-testid="calendar-not-published"
            />
          )}
          {draft && (
            <>
              <Typography.Text type="warning">{t('calendar.editHint')}</Typography.Text>
              <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <span style={{ whiteSpace: 'nowrap' }}>{t('calendar.reason')}</span>
                <Input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={500}
                  placeholder={t('calendar.reasonPlaceholder')}
                  data-testid="calendar-reason"
                />
              </label>
            </>
          )}
          {shown && (
            <>
              <Legend />
              <YearGrid
                year={year}
                holidays={holidays}
                makeups={makeups}
                onToggle={
                  draft
                    ? (date) => setDraft((d) => (d ? toggleDay(date, d.holidays, d.makeUpWorkdays) : d))
                    : undefined
                }
              />
              <DateTags
                title={t('calendar.holidays', { count: shown.holidays.length })}
                dates={shown.holidays}
                color="red"
              />
              <DateTags
                title={t('calendar.makeUpWorkdays', { count: shown.makeUpWorkdays.length })}
                dates={shown.makeUpWorkdays}
                color="orange"
              />
            </>
          )}
        </Space>
      </Card>
      <AddWorkdays />
    </Space>
  );
}
