import { useCallback } from 'react';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PeriodQuery } from '../../api/types.ts';
import { chinaToday } from './format.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period of a figures page (`from` / `to`, China dates) kept in the URL; none = the server's default year. */
export function usePeriod(): { period: PeriodQuery; setPeriod: (period: PeriodQuery) => void } {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const period: PeriodQuery = {
    from: from && ISO_DATE.test(from) ? from : undefined,
    to: to && ISO_DATE.test(to) ? to : undefined,
  };
  const setPeriod = useCallback(
    (next: PeriodQuery) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          for (const key of ['from', 'to'] as const) {
            const v = next[key];
            if (v) out.set(key, v);
            else out.delete(key);
          }
          out.delete('page');
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { period, setPeriod };
}

interface Props {
  /** The period the server answered for (its defaults filled in), shown when the URL names none. */
  shown: { from: string; to: string } | undefined;
  period: PeriodQuery;
  onChange: (period: PeriodQuery) => void;
  testId: string;
}

/** A from–to date range with presets (this month, this year, the last 12 months). */
export function PeriodPicker({ shown, period, onChange, testId }: Props) {
  const { t } = useTranslation();
  const from = period.from ?? shown?.from;
  const to = period.to ?? shown?.to;
  const value: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;
  const today = dayjs(chinaToday());
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('services.period.thisMonth'), value: [today.startOf('month'), today] },
    {
      label: t('services.period.thisQuarter'),
      value: [today.startOf('month').subtract(today.month() % 3, 'month'), today],
    },
    { label: t('services.period.thisYear'), value: [today.startOf('year'), today] },
    { label: t('services.period.last12Months'), value: [today.subtract(1, 'year').add(1, 'day'), today] },
  ];
  return (
    <DatePicker.RangePicker
      value={value}
      allowClear={false}
      presets={presets}
      disabledDate={(d) => d.isAfter(today, 'day')}
      onChange={(range) => {
        if (!range?.[0] || !range[1]) return;
        onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
      }}
      placeholder={[t('services.period.from'), t('services.period.to')]}
      aria-label={t('services.period.label')}
      data-testid={testId}
    />
  );
}
