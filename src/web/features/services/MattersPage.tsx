import { Button, Card, Flex, Select, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { MatterListItem, MatterQuery, MatterStatus, MatterType } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, oneOf, SERVICE_CODES, serviceLabel } from '../../i18n/labels.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { fetchMatters, matterKeys } from './api.ts';
import { MatterStatusTag, useOwnDepartment } from './codes.tsx';
import { chinaDateTime } from './format.ts';
import { MattersCharts } from './MattersCharts.tsx';

const FILTERS = ['q', 'departmentId', 'type', 'internal', 'status', 'onTheSpot'] as const;
const SORT_FIELDS = ['code', 'name', 'department', 'statutoryLimitDays', 'committedLimitDays'] as const;
const BOOLEANS = ['true', 'false'] as const;

/** The limits of a matter in words: 即办件, or committed / statutory working days. */
export function LimitsText({
  m,
}: {
  m: Pick<MatterListItem, 'onTheSpot' | 'statutoryLimitDays' | 'committedLimitDays'>;
}) {
  const { t } = useTranslation();
  if (m.onTheSpot) return <Tag color="green">{t('services.matter.onTheSpot')}</Tag>;
  return (
    <span>
      {t('services.matter.limitsShort', { committed: m.committedLimitDays, statutory: m.statutoryLimitDays })}
    </span>
  );
}

/** Visits: 0 = 一次不用跑, highlighted. */
export function VisitsText({ visits }: { visits: number }) {
  const { t } = useTranslation();
  if (visits === 0) return <Tag color="cyan">{t('services.matter.noVisit')}</Tag>;
  return <span>{t('services.matter.visitsCount', { count: visits })}</span>;
}

/** Matters (事项): filters, sort, paging, charts by type and department, export, and 新增事项. */
export function MattersPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const { can } = useAuth();
  const own = useOwnDepartment();

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }): MatterQuery => ({
      q: filters.q,
      departmentId: own ? undefined : filters.departmentId,
      type: oneOf(SERVICE_CODES.matterType, filters.type),
      internal: oneOf(BOOLEANS, filters.internal),
      status: oneOf(SERVICE_CODES.matterStatus, filters.status),
      onTheSpot: oneOf(BOOLEANS, filters.onTheSpot),
      sort,
      page,
      pageSize,
    }),
    queryKey: matterKeys.list,
    fetch: fetchMatters,
  });
  const { list, query } = table;

  const columns: TableColumnsType<MatterListItem> = [
    {
      ...table.sortable('name'),
      dataIndex: 'name',
      title: t('services.matter.name'),
      width: 260,
      fixed: 'left',
      render: (name: string, m: MatterListItem) => (
        <div>
          <Link to={`/services/matters/${m.id}`} data-testid={`matter-link-${m.code}`}>
            {name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {m.code}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'type',
      title: t('services.matter.type'),
      width: en ? 150 : 110,
      render: (_: unknown, m: MatterListItem) => caseLabel('matterType', m.type),
    },
    {
      ...table.sortable('department'),
      title: t('services.matter.department'),
      width: 170,
      ellipsis: true,
      render: (_: unknown, m: MatterListItem) => m.department.name,
    },
    {
      ...table.sortable('committedLimitDays'),
      title: t('services.matter.committedLimit'),
      width: en ? 120 : 100,
      align: 'right',
      render: (_: unknown, m: MatterListItem) =>
        m.onTheSpot ? (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('services.matter.onTheSpot')}
          </Tag>
        ) : (
          t('services.matter.days', { count: m.committedLimitDays })
        ),
    },
    {
      ...table.sortable('statutoryLimitDays'),
      title: t('services.matter.statutoryLimit'),
      width: en ? 120 : 100,
      align: 'right',
      render: (_: unknown, m: MatterListItem) =>
        m.onTheSpot ? '–' : t('services.matter.days', { count: m.statutoryLimitDays }),
    },
    {
      key: 'visits',
      title: t('services.matter.visits'),
      width: en ? 110 : 96,
      render: (_: unknown, m: MatterListItem) => <VisitsText visits={m.visits} />,
    },
    {
      key: 'onlineDepth',
      title: t('services.matter.onlineDepth'),
      width: en ? 170 : 130,
      render: (_: unknown, m: MatterListItem) => (
        <Tooltip title={serviceLabel('onlineDepth', m.onlineDepth)}>
          <span>{serviceLabel('onlineDepthShort', m.onlineDepth)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('services.matter.status'),
      width: 80,
      render: (_: unknown, m: MatterListItem) => <MatterStatusTag status={m.status} />,
    },
    {
      key: 'updatedAt',
      title: t('services.matter.updatedAt'),
      width: 130,
      render: (_: unknown, m: MatterListItem) => (
        <Typography.Text type="secondary">{chinaDateTime(m.updatedAt)}</Typography.Text>
      ),
    },
  ];

  const select = <T extends string>(
    key: 'type' | 'internal' | 'status' | 'onTheSpot',
    values: readonly T[],
    label: (v: T) => string,
    placeholder: string,
    width: number,
  ) => (
    <Select<T>
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      value={query[key] as T | undefined}
      onChange={(v) => list.setFilters({ [key]: v })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid={`matters-${key}-filter`}
    />
  );

  return (
    <ListPage title={t('services.matters.title')} testId="page-matters">
      <MattersCharts
        query={query}
        showDepartments={!own}
        onType={(type: MatterType) => list.setFilters({ type })}
        onDepartment={(departmentId) => list.setFilters({ departmentId })}
      />
      <Card size="small">
        <ListToolbar
          search={{
            value: list.filters.q,
            onSearch: (q) => list.setFilters({ q }),
            placeholder: t('services.matters.searchPlaceholder'),
            testId: 'matters-search',
            width: 220,
          }}
          onReset={list.reset}
          exportTo={{
            path: '/api/matters/export.xlsx',
            query,
            filename: en ? 'matters.xlsx' : '事项清单.xlsx',
            testId: 'matters-export',
          }}
          actions={
            can('matters.edit') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/services/matters/new')}
                data-testid="matter-create"
              >
                {t('services.matters.create')}
              </Button>
            )
          }
        >
          {!own && can('departments.read') && (
            <DepartmentSelect
              value={list.filters.departmentId}
              onChange={(departmentId) => list.setFilters({ departmentId })}
              placeholder={t('services.matter.department')}
              style={{ width: 170 }}
              testId="matters-department-filter"
            />
          )}
          {select<MatterType>(
            'type',
            SERVICE_CODES.matterType,
            (v) => caseLabel('matterType', v),
            t('services.matter.type'),
            120,
          )}
          {select<'true' | 'false'>(
            'internal',
            BOOLEANS,
            (v) => (v === 'true' ? t('services.matters.internalOnly') : t('services.matters.publicOnly')),
            t('services.matters.audience'),
            120,
          )}
          {select<MatterStatus>(
            'status',
            SERVICE_CODES.matterStatus,
            (v) => serviceLabel('matterStatus', v),
            t('services.matter.status'),
            90,
          )}
          {select<'true' | 'false'>(
            'onTheSpot',
            BOOLEANS,
            (v) => (v === 'true' ? t('services.matter.onTheSpot') : t('services.matters.withLimits')),
            t('services.matters.onTheSpotFilter'),
            110,
          )}
        </ListToolbar>
        {own && (
          <Flex style={{ marginTop: -4, marginBottom: 8 }}>
            <Typography.Text type="secondary">
              {t('services.matters.onlyOwnDepartment', { name: own.name })}
            </Typography.Text>
          </Flex>
        )}
        <ListTable<MatterListItem>
          table={table}
          rowKey="id"
          testId="matters-table"
          columns={own ? columns.filter((c) => c.key !== 'department') : columns}
        />
      </Card>
    </ListPage>
  );
}
