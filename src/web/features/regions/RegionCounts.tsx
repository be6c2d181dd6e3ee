import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionLevel, RegionRef } from '../../api/types.ts';
import { fetchRegions, regionKeys, type RegionQuery } from '../../shared/regions.ts';

type CountLabel = 'regions.countStreets' | 'regions.countCommunities' | 'regions.countParks';

const COUNTED: { level: RegionLevel; label: CountLabel }[] = [
  { level: 'street', label: 'regions.countStreets' },
  { level: 'community', label: 'regions.countCommunities' },
  { level: 'park', label: 'regions.countParks' },
];

/** Depth in the division tree: parks (development zones) are street-level units. */
const RANK: Record<RegionLevel, number> = { district: 0, street: 1, park: 1, community: 2 };

interface Props {
  /** The region whose descendants are counted. */
  region: RegionRef;
  /** The user's own region: counts over their whole scope (which includes that region itself). */
  isScopeRoot: boolean;
}

/**
 * Numbers of streets, communities and parks (the list API's totals): over the user's scope, or under the
 * region chosen on the page. Division codes nest, and the list's `q` matches code prefixes, so a region's
 * descendants are the regions whose code starts with its own.
 */
export function RegionCounts({ region, isScopeRoot }: Props) {
  const { t } = useTranslation();
  // Over the scope: its own level and below (a street officer's scope is 1 street); else the levels below.
  const shown = COUNTED.filter((c) =>
    isScopeRoot ? RANK[c.level] >= RANK[region.level] : RANK[c.level] > RANK[region.level],
  );
  const results = useQueries({
    queries: shown.map(({ level }) => {
      const query: RegionQuery = isScopeRoot
        ? { level, page: 1, pageSize: 1 }
        : { level, q: region.code, page: 1, pageSize: 1 };
      return { queryKey: regionKeys.list(query), queryFn: () => fetchRegions(query) };
    }),
  });
  return (
    <Card
      title={isScopeRoot ? t('regions.counts') : t('regions.countsOf', { name: region.name })}
      size="small"
      data-testid="region-counts"
    >
      <Row gutter={16}>
        {shown.map(({ level, label }, i) => (
          <Col span={24 / Math.max(shown.length, 1)} key={level}>
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
