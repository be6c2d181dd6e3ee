import { Card, Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseClock } from '../../api/types.ts';
import { caseLabel } from '../../i18n/labels.ts';
import { CLOCK_COLORS, clockView, type ClockCondition } from './common.tsx';

const BAR_COLOR: Record<ClockCondition, string> = {
  normal: CLOCK_COLORS.normal,
  warning: CLOCK_COLORS.warning,
  overdue: CLOCK_COLORS.overdue,
  paused: CLOCK_COLORS.paused,
  missing: CLOCK_COLORS.missing,
  idle: '#1677ff',
};

/**
 * One clock of a case (承诺时限 or 法定时限): due date, used of budget as a bar, what is left or how far
 * past, the warning day, and the clock's state in words.
 */
export function ClockCard({
  title,
  clock,
  limitDays,
  onTheSpot,
  extensionDays,
  testId,
}: {
  title: string;
  clock: CaseClock;
  /** The matter's limit before extensions. */
  limitDays: number;
  onTheSpot: boolean;
  extensionDays: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const view = clockView(clock, t);
  const percent = clock.budget > 0 ? Math.min(100, Math.round((clock.usedDays / clock.budget) * 100)) : 100;
  const started = clock.state !== 'not_started' && clock.state !== 'calendar_missing';
  const explain =
    clock.state === 'calendar_missing'
      ? t('cases.clock.explain.calendar_missing', { year: clock.missingYear ?? '' })
      : t(`cases.clock.explain.${clock.state}`);
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Tag color={clock.state === 'running' ? 'processing' : 'default'} data-testid={`${testId}-state`}>
          {caseLabel('clockState', clock.state)}
        </Tag>
      }
      data-testid={testId}
      data-clock={view.condition}
      style={{ height: '100%' }}
    >
      <Flex vertical gap={8}>
        <Typography.Text
          strong
          style={{
            fontSize: 20,
            color: view.condition === 'idle' ? undefined : BAR_COLOR[view.condition],
          }}
          data-testid={`${testId}-summary`}
        >
          {view.text}
        </Typography.Text>
        {started && (
          <div>
            <Progress
              percent={percent}
              showInfo={false}
              strokeColor={BAR_COLOR[view.condition]}
              status={view.condition === 'overdue' ? 'exception' : 'normal'}
              aria-label={t('cases.clock.used', { used: clock.usedDays, budget: clock.budget })}
              data-testid={`${testId}-progress`}
              style={{ marginBottom: 0 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-used`}>
              {t('cases.clock.used', { used: clock.usedDays, budget: clock.budget })}
            </Typography.Text>
          </div>
        )}
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'due',
              label: t('cases.clock.due'),
              children: (
                <span data-testid={`${testId}-due`}>
                  {clock.due ?? (clock.state === 'paused' ? t('cases.clock.dueUnknown') : '—')}
                </span>
              ),
            },
            {
              key: 'budget',
              label: t('cases.clock.budget'),
              children: onTheSpot ? (
                t('cases.clock.onTheSpot')
              ) : (
                <span>
                  {t('cases.clock.days', { days: limitDays })}
                  {extensionDays > 0 && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('cases.clock.extension', { days: extensionDays })}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            ...(clock.warnOn && clock.state !== 'stopped'
              ? [{ key: 'warn', label: t('cases.clock.warnOn'), children: clock.warnOn }]
              : []),
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-explain`}>
          {explain}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
