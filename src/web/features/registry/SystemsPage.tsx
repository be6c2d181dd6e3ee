import { useState } from 'react';
import { Button, Card, Flex, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  SystemDeployment,
  SystemFlagKind,
  SystemLevel,
  SystemListItem,
  SystemOrigin,
  SystemQuery,
  SystemStatus,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import {
  oneOf,
  registryLabel,
  SECURITY_LEVELS,
  securityLevelLabel,
  SYSTEM_DEPLOYMENTS,
  SYSTEM_FLAG_KINDS,
  SYSTEM_LEVELS,
  SYSTEM_ORIGINS,
  SYSTEM_STATUSES,
} from '../../i18n/labels.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { fetchSystems, systemKeys } from './api.ts';
import { FlagTags, SystemStatusTag, useOwnDepartment } from './common.tsx';
import { SystemCharts } from './SystemCharts.tsx';
import { SystemDrawer } from './SystemDrawer.tsx';
import { SystemsImport } from './SystemsImport.tsx';
import { useSystemEditor } from './useSystemEditor.ts';

const FILTERS = [
  'q',
  'departmentId',
  'origin',
  'level',
  'deployment',
  'status',
  'securityLevel',
  'flag',
] as const;
const SORT_FIELDS = ['code', 'name', 'launchDate', 'updatedAt'] as const;

/** The registry of information systems: filters, flags, charts, export, import, register and edit. */
export function SystemsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { can } = useAuth();
  const own = useOwnDepartment();
  const canEdit = can('registry.edit');
  const editor = useSystemEditor();
  const [importing, setImporting] = useState(false);

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }): SystemQuery => ({
      q: filters.q,
      departmentId: filters.departmentId,
      origin: oneOf(SYSTEM_ORIGINS, filters.origin),
      level: oneOf(SYSTEM_LEVELS, filters.level),
      deployment: oneOf(SYSTEM_DEPLOYMENTS, filters.deployment),
      status: oneOf(SYSTEM_STATUSES, filters.status),
      securityLevel: SECURITY_LEVELS.find((n) => String(n) === filters.securityLevel),
      flag: oneOf(SYSTEM_FLAG_KINDS, filters.flag),
      // Codes sort ascending only.
      sort: sort === '-code' ? undefined : sort,
      page,
      pageSize,
    }),
    queryKey: systemKeys.list,
    fetch: fetchSystems,
  });
  const { list, query } = table;

  const columns: TableColumnsType<SystemListItem> = [
    {
      ...table.sortable('code'),
      // The server sorts codes ascending only.
      sortDirections: ['ascend'],
      dataIndex: 'code',
      title: t('registry.systems.code'),
      width: 120,
      fixed: 'left',
      render: (code: string, s: SystemListItem) => (
        <Link to={`/registry/systems/${s.id}`} data-testid={`system-link-${s.code}`}>
          {code}
        </Link>
      ),
    },
    {
      ...table.sortable('name'),
      dataIndex: 'name',
      title: t('registry.systems.name'),
      width: 210,
      render: (name: string, s: SystemListItem) => (
        <Flex gap={6} wrap align="center">
          <Link to={`/registry/systems/${s.id}`}>{name}</Link>
          <FlagTags flags={s.flags} testId={`system-flags-${s.code}`} />
        </Flex>
      ),
    },
    {
      key: 'department',
      title: t('registry.systems.department'),
      width: 150,
      ellipsis: true,
      render: (_: unknown, s: SystemListItem) => s.department.name,
    },
    {
      key: 'origin',
      title: t('registry.systems.originLevel'),
      width: 120,
      render: (_: unknown, s: SystemListItem) => {
        const tag = (
          <Tag color={s.origin === 'vertical' ? 'purple' : 'cyan'} style={{ marginInlineEnd: 4 }}>
            {registryLabel('origin', s.origin)}
          </Tag>
        );
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {s.origin === 'vertical' && s.verticalLine ? (
              <Tooltip title={s.verticalLine}>{tag}</Tooltip>
            ) : (
              tag
            )}
            {registryLabel('level', s.level)}
          </span>
        );
      },
    },
    {
      key: 'deployment',
      title: t('registry.systems.deployment'),
      width: en ? 110 : 90,
      render: (_: unknown, s: SystemListItem) => registryLabel('deployment', s.deployment),
    },
    {
      key: 'securityLevel',
      title: t('registry.systems.securityLevel'),
      width: en ? 96 : 80,
      render: (_: unknown, s: SystemListItem) => securityLevelLabel(s.securityLevel),
    },
    {
      key: 'status',
      title: t('registry.systems.status'),
      width: 80,
      render: (_: unknown, s: SystemListItem) => <SystemStatusTag status={s.status} />,
    },
    {
      ...table.sortable('launchDate'),
      dataIndex: 'launchDate',
      title: t('registry.systems.launchDate'),
      width: 112,
      render: (v: string | null) => v ?? '',
    },
    {
      ...table.sortable('updatedAt'),
      dataIndex: 'updatedAt',
      title: t('registry.systems.updatedAt'),
      width: 130,
      render: (v: string) => (
        <Typography.Text type="secondary">{formatDateTime(v, { seconds: false })}</Typography.Text>
      ),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 70,
      fixed: 'right',
      render: (_: unknown, s: SystemListItem) => (
        <Button
          type="link"
          size="small"
          loading={editor.loadingId === s.id}
          onClick={() => editor.edit(s.id)}
          data-testid={`system-edit-${s.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  const select = <T extends string>(
    key: 'origin' | 'level' | 'deployment' | 'status' | 'flag',
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
      data-testid={`systems-${key}-filter`}
    />
  );

  return (
    <ListPage title={t('registry.systems.title')} testId="page-systems">
      <SystemCharts
        query={query}
        onStatus={(status: SystemStatus) => list.setFilters({ status })}
        onOrigin={(origin: SystemOrigin) => list.setFilters({ origin })}
        onFlag={(flag: SystemFlagKind | undefined) => list.setFilters({ flag })}
      />
      <Card size="small">
        <ListToolbar
          search={{
            value: list.filters.q,
            onSearch: (q) => list.setFilters({ q }),
            placeholder: t('registry.systems.searchPlaceholder'),
            testId: 'systems-search',
            width: 200,
          }}
          onReset={list.reset}
          exportTo={{
            path: '/api/systems/export.xlsx',
            query,
            filename: 'systems.xlsx',
            testId: 'systems-export',
          }}
          actions={
            canEdit && (
              <Space>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => setImporting(true)}
                  data-testid="systems-import"
                >
                  {t('registry.import.button')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={editor.create}
                  data-testid="system-create"
                >
                  {t('registry.systems.create')}
                </Button>
              </Space>
            )
          }
        >
          {!own && can('departments.read') && (
            <DepartmentSelect
              value={list.filters.departmentId}
              onChange={(departmentId) => list.setFilters({ departmentId })}
              placeholder={t('registry.systems.department')}
              style={{ width: 160 }}
              testId="systems-department-filter"
            />
          )}
          {select<SystemOrigin>(
            'origin',
            SYSTEM_ORIGINS,
            (v) => registryLabel('origin', v),
            t('registry.systems.origin'),
            110,
          )}
          {select<SystemLevel>(
            'level',
            SYSTEM_LEVELS,
            (v) => registryLabel('level', v),
            t('registry.systems.level'),
            100,
          )}
          {select<SystemDeployment>(
            'deployment',
            SYSTEM_DEPLOYMENTS,
            (v) => registryLabel('deployment', v),
            t('registry.systems.deployment'),
            100,
          )}
          {select<SystemStatus>(
            'status',
            SYSTEM_STATUSES,
            (v) => registryLabel('status', v),
            t('registry.systems.status'),
            90,
          )}
          <Select<number>
            allowClear
            placeholder={t('registry.systems.securityLevel')}
            aria-label={t('registry.systems.securityLevel')}
            value={query.securityLevel}
            onChange={(v) => list.setFilters({ securityLevel: v === undefined ? undefined : String(v) })}
            options={SECURITY_LEVELS.map((n) => ({ value: n, label: securityLevelLabel(n) }))}
            style={{ width: 100 }}
            popupMatchSelectWidth={false}
            data-testid="systems-security-level-filter"
          />
          {select<SystemFlagKind>(
            'flag',
            SYSTEM_FLAG_KINDS,
            (v) => registryLabel('flagKind', v),
            t('registry.systems.flagFilter'),
            90,
          )}
        </ListToolbar>
        {own && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('registry.systems.onlyOwnDepartment', { name: own.name })}
          </Typography.Paragraph>
        )}
        <ListTable<SystemListItem> table={table} rowKey="id" testId="systems-table" columns={columns} />
      </Card>
      {canEdit && (
        <SystemDrawer
          open={editor.editing !== undefined}
          system={editor.editing ?? null}
          onClose={editor.close}
        />
      )}
      {canEdit && <SystemsImport open={importing} onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
