import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Skeleton, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetQuery, DatasetStatus } from '../../api/types.ts';
import { catalogCodeLabel, DATASET_STATUSES } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { datasetKeys, fetchDatasets } from './api.ts';
import { STATUS_COLORS } from './CodeTags.tsx';

const QUERY: DatasetQuery = { page: 1, pageSize: 1 };

/** The home page's catalogue card: how many entries the user can see, by status (the list's facets). */
export function CatalogSummaryCard({ canReview }: { canReview: boolean }) {
  const { t } = useTranslation();
  const result = useQuery({ queryKey: datasetKeys.list(QUERY), queryFn: () => fetchDatasets(QUERY) });
  const byStatus = new Map((result.data?.facets.status ?? []).map((f) => [f.value, f.count]));
  const pending = byStatus.get('submitted') ?? 0;
  return (
    <Card
      title={t('catalog.home.title')}
      size="small"
      extra={<Link to="/catalog">{t('catalog.home.open')}</Link>}
      data-testid="home-catalog"
    >
      {result.isError ? (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      ) : result.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Flex wrap gap={24} align="center">
          <Statistic
            title={t('catalog.home.total')}
            value={result.data.total}
            data-testid="home-catalog-total"
          />
          <Flex wrap gap={6} aria-label={t('catalog.home.byStatus')}>
            {DATASET_STATUSES.filter((s: DatasetStatus) => byStatus.has(s)).map((s) => (
              <Link key={s} to={`/catalog?status=${s}`} data-testid={`home-catalog-status-${s}`}>
                <Tag color={STATUS_COLORS[s]} style={{ marginInlineEnd: 0, padding: '2px 8px' }}>
                  {catalogCodeLabel('status', s)} {byStatus.get(s)}
                </Tag>
              </Link>
            ))}
          </Flex>
          {canReview && pending > 0 && (
            <Link to="/catalog/review" data-testid="home-catalog-review">
              {t('catalog.home.pendingReview', { count: pending })}
            </Link>
          )}
        </Flex>
      )}
    </Card>
  );
}
