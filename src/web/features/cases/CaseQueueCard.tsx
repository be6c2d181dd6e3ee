import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseQuery } from '../../api/types.ts';
import { caseKeys, countCases } from './api.ts';
import { CLOCK_COLORS } from './common.tsx';

const OPEN: CaseQuery = { open: 'true' };
const WARNING: CaseQuery = { open: 'true', clock: 'warning' };
const OVERDUE: CaseQuery = { open: 'true', clock: 'overdue' };

/** The home page's card 我的办件队列: open cases in the user's scope, how many are due soon or overdue. */
export function CaseQueueCard() {
  const { t } = useTranslation();
  const open = useQuery({ queryKey: caseKeys.count(OPEN), queryFn: () => countCases(OPEN) });
  const warning = useQuery({ queryKey: caseKeys.count(WARNING), queryFn: () => countCases(WARNING) });
  const overdue = useQuery({ queryKey: caseKeys.count(OVERDUE), queryFn: () => countCases(OVERDUE) });
  return (
    <Card
      title={t('cases.home.title')}
      size="small"
      extra={<Link to="/cases">{t('cases.home.open')}</Link>}
      data-testid="home-cases"
    >
      <Flex wrap gap={32}>
        <Link to="/cases" data-testid="home-cases-open">
          <Statistic title={t('cases.home.openCount')} value={open.data ?? 0} loading={open.isPending} />
        </Link>
        <Link to="/cases?clock=warning" data-testid="home-cases-warning">
          <Statistic
            title={t('cases.home.warning')}
            value={warning.data ?? 0}
            loading={warning.isPending}
            styles={{ content: { color: CLOCK_COLORS.warning } }}
          />
        </Link>
        <Link to="/cases?clock=overdue" data-testid="home-cases-overdue">
          <Statistic
            title={t('cases.home.overdue')}
            value={overdue.data ?? 0}
            loading={overdue.isPending}
            styles={{ content: { color: CLOCK_COLORS.overdue } }}
          />
        </Link>
      </Flex>
    </Card>
  );
}
