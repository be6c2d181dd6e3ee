import { Card, Checkbox, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region, RegionLevel, RegionRef } from '../../api/types.ts';
import { levelLabel, oneOf, REGION_LEVELS } from '../../i18n/labels.ts';
import { ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { RegionName } from '../../shared/RegionName.tsx';
import { fetchRegions, isLeafLevel, regionKeys, useRegionNames } from '../../shared/regions.ts';
import { useListTable } from '../../shared/useListTable.ts';
import { BoundaryTag } from './RegionDetail.tsx';

const FILTERS = ['q', 'level', 'all'] as const;
const SORT_FIELDS = ['code', 'name'] as const;

interface Props {
  /** The region shown on the map; by default the table lists its direct children. */
  parent: RegionRef;
  onSelect: (region: Region) => void;
}

/** The region list: search, filter, page, sort, export. */
export function RegionTable({ parent, onSelect }: Props) {
  const { t } = useTranslation();
  const regionName = useRegionNames(true);
  // A community or park has no children: list the region itself (the user's scope) rather than nothing.
  const leaf = isLeafLevel(parent.level);
  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }) => ({
      q: filters.q,
      level: oneOf(REGION_LEVELS, filters.level),
      parentCode: filters.all === '1' || leaf ? undefined : parent.code,
      sort,
      page,
      pageSize,
    }),
    queryKey: regionKeys.list,
    fetch: fetchRegions,
  });
  const { list, query } = table;

  const columns: TableColumnsType<Region> = [
    { ...table.sortable('code'), dataIndex: 'code', title: t('regions.code'), width: 140 },
    { ...table.sortable('name'), dataIndex: 'name', title: t('regions.name'), width: 170, ellipsis: true },
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
      width: 120,
      ellipsis: true,
      render: (code: string | null) => <RegionName code={code} name={regionName(code)} />,
    },
    {
      key: 'childCount',
      dataIndex: 'childCount',
      title: t('regions.childCount'),
      width: 90,
      align: 'right',
    },
    {
      key: 'boundary',
      title: t('regions.boundary'),
      width: 110,
      render: (_: unknown, record: Region) => <BoundaryTag region={record} />,
    },
  ];

  return (
    <Card title={t('regions.list')} size="small">
      <ListToolbar
        search={{
          value: list.filters.q,
          onSearch: (q) => list.setFilters({ q }),
          placeholder: t('regions.searchPlaceholder'),
          testId: 'regions-search',
        }}
        exportTo={{
          path: '/api/regions/export.xlsx',
          query,
          filename: 'regions.xlsx',
          testId: 'regions-export',
        }}
      >
        <Select<RegionLevel>
          allowClear
          placeholder={t('regions.level')}
          value={query.level}
          onChange={(level) => list.setFilters({ level })}
          options={REGION_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))}
          style={{ width: 140 }}
          data-testid="regions-level-filter"
        />
        {!leaf && (
          <Checkbox
            checked={list.filters.all !== '1'}
            onChange={(e) => list.setFilters({ all: e.target.checked ? undefined : '1' })}
            data-testid="regions-only-children"
          >
            {t('regions.onlyChildren', { name: parent.name })}
          </Checkbox>
        )}
      </ListToolbar>
      <ListTable<Region>
        table={table}
        rowKey="code"
        testId="regions-table"
        columns={columns}
        onRow={(record) => ({ onClick: () => onSelect(record), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}
