import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionLevel } from '../../api/types.ts';
import { fetchRegions, regionKeys } from '../../shared/regions.ts';

const LEVELS: {
  level: RegionLevel;
  label: 'regions.countStreets' | 'regions.countCommunities' | 'regions.countParks';
}[] = [
  { level: 'street', label: 'regions.countStreets' },
  { level: 'community', label: 'regions.countCommunities' },
  { level: 'park', label: 'regions.countParks' },
];

/** Numbers of streets, communities and parks in the user's scope (the list API's totals). */
export function RegionCounts() {
  const { t } = useTranslation();
  const results = useQueries({
    queries: LEVELS.map(({ level }) => ({
      queryKey: regionKeys.list({ level, pageSize: 1 }),
      queryFn: () => fetchRegions({ level, page: 1, pageSize: 1 }),
    })),
  });
  return (
    <Card title={t('regions.counts')} size="small" data-testid="region-counts">
      <Row gutter={16}>
        {LEVELS.map(({ level, label }, i) => (
          <Col span={8} key={level}>
            <Statistic
              title={t(label)}
              value={results[i]?.data?.total ?? '–'}
              loading={results[i]?.isPending}
              data-testid={`region-count-${level}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
