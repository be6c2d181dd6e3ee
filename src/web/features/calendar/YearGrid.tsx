import { memo } from 'react';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { dayKind, monthCells, todayIso, type DayKind } from './dates.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MONTHS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'] as const;

export function kindLabel(kind: DayKind, t: TFunction): string {
  switch (kind) {
    case 'holiday':
      return t('calendar.legendHoliday');
    case 'makeup':
      return t('calendar.legendMakeup');
    case 'weekend':
      return t('calendar.legendWeekend');
    case 'workday':
      return t('calendar.legendWorkday');
  }
}

interface Props {
  year: number;
  holidays: ReadonlySet<string>;
  makeups: ReadonlySet<string>;
  /** When set, days are buttons that call it. */
  onToggle?: ((date: string) => void) | undefined;
}

/** Twelve month grids with holidays and make-up workdays coloured. */
export const YearGrid = memo(function YearGrid({ year, holidays, makeups, onToggle }: Props) {
  const { t } = useTranslation();
  const today = todayIso();
  return (
    <Row gutter={[12, 12]} data-testid="calendar-grid">
      {MONTHS.map((m, index) => (
        <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
          <Card size="small" title={t(`calendar.months.${m}`)}>
            <div className="od-month">
              {WEEKDAYS.map((w) => (
                <div key={w} className="od-month-head">
                  {t(`calendar.weekdays.${w}`)}
                </div>
              ))}
              {monthCells(year, index + 1).map((date, i) => {
                if (!date) return <div key={`pad-${i}`} />;
                const kind = dayKind(date, holidays, makeups);
                const className = `od-day od-day-${kind}${date === today ? ' od-day-today' : ''}`;
                const label = t('calendar.dayLabel', { date, kind: kindLabel(kind, t) });
                const day = Number(date.slice(8));
                return onToggle ? (
                  <button
                    key={date}
                    type="button"
                    className={className}
                    title={label}
                    aria-label={label}
                    data-date={date}
                    data-kind={kind}
                    onClick={() => onToggle(date)}
                  >
                    {day}
                  </button>
                ) : (
                  <div key={date} className={className} title={label} data-date={date} data-kind={kind}>
                    {day}
                  </div>
                );
              })}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
});
