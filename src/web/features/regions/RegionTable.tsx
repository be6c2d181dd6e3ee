import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region, RegionLevel, RegionRef } from '../../api/types.ts';
import { levelLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { fetchRegions, regionKeys, type RegionQuery } from '../../shared/regions.ts';
import { PAGE_SIZE_OPTIONS, useListParams } from '../../shared/useListParams.ts';
import { BoundaryTag } from './RegionDetail.tsx';

const LEVELS: RegionLevel[] = ['district', 'street', 'community', 'park'];
const FILTERS = ['q', 'level', 'all'] as const;

function asLevel(value: string | undefined): RegionLevel | undefined {
  return LEVELS.find((l) => l === value);
}

interface Props {
  /** The region shown on the map; by default the table lists its direct children. */
  parent: RegionRef;
  onSelect: (region: Region) => void;
}

/** The region list: filter, page, export. */
export function RegionTable({ parent, onSelect }: Props) {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const onlyChildren = list.filters.all !== '1';
  const query: RegionQuery = {
    q: list.filters.q,
    level: asLevel(list.filters.level),
    parentCode: onlyChildren ? parent.code : undefined,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: regionKeys.list(query),
    queryFn: () => fetchRegions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Card
      title={t('regions.list')}
      size="small"
      extra={
        <ExportButton
          path="/api/regions/export.xlsx"
          query={{ q: query.q, level: query.level, parentCode: query.parentCode }}
          filename="regions.xlsx"
          testId="regions-export"
        />
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('regions.searchPlaceholder')}
          defaultValue={list.filters.q}
          onSearch={(q) => list.setFilters({ q })}
          style={{ width: 240 }}
          data-testid="regions-search"
        />
        <Select<RegionLevel>
          allowClear
          placeholder={t('regions.level')}
          value={query.level}
          onChange={(level) => list.setFilters({ level })}
          options={LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))}
          style={{ width: 140 }}
          data-testid="regions-level-filter"
        />
        <Checkbox
          checked={onlyChildren}
          onChange={(e) => list.setFilters({ all: e.target.checked ? undefined : '1' })}
          data-testid="regions-only-children"
        >
          {t('regions.onlyChildren', { name: parent.name })}
        </Checkbox>
      </Space>
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      <Table<Region>
        rowKey="code"
        size="small"
        data-testid="regions-table"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        onRow={(record) => ({ onClick: () => onSelect(record), style: { cursor: 'pointer' } })}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: result.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: list.setPage,
        }}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('regions.code'), width: 150 },
          { key: 'name', dataIndex: 'name', title: t('regions.name') },
          {
            key: 'level',
            dataIndex: 'level',
            title: t('regions.level'),
            width: 100,
            render: (level: RegionLevel) => levelLabel(level),
          },
          {
            key: 'parentCode',
            dataIndex: 'parentCode',
            title: t('regions.parent'),
            width: 150,
            render: (code: string | null) =>
              code ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
          },
          {
            key: 'childCount',
            dataIndex: 'childCount',
            title: t('regions.childCount'),
            width: 110,
            align: 'right' as const,
          },
          {
            key: 'boundary',
            title: t('regions.boundary'),
            width: 120,
            render: (_: unknown, record: Region) => <BoundaryTag region={record} />,
          },
        ]}
      />
    </Card>
  );
}
