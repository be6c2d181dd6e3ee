import { useState } from 'react';
import { Button, Card, Select, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentKind } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { DEPARTMENT_KINDS, departmentKindLabel, oneOf } from '../../i18n/labels.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { RegionName } from '../../shared/RegionName.tsx';
import { useRegionNames } from '../../shared/regions.ts';
import { useListTable } from '../../shared/useListTable.ts';
import { departmentKeys, fetchDepartments } from './api.ts';
import { DepartmentDrawer } from './DepartmentDrawer.tsx';

const FILTERS = ['q', 'kind'] as const;
const SORT_FIELDS = ['code', 'name'] as const;

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('departments.manage');
  const regionName = useRegionNames(can('regions.read'));
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }) => ({
      q: filters.q,
      kind: oneOf(DEPARTMENT_KINDS, filters.kind),
      sort,
      page,
      pageSize,
    }),
    queryKey: departmentKeys.list,
    fetch: fetchDepartments,
  });
  const { list, query } = table;

  const columns: TableColumnsType<Department> = [
    {
      ...table.sortable('code'),
      dataIndex: 'code',
      title: t('departments.code'),
      width: 100,
      ellipsis: true,
    },
    {
      ...table.sortable('name'),
      dataIndex: 'name',
      title: t('departments.name'),
      width: 220,
      ellipsis: true,
    },
    {
      key: 'shortName',
      dataIndex: 'shortName',
      title: t('departments.shortName'),
      width: 120,
      ellipsis: true,
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('departments.kind'),
      width: 150,
      ellipsis: true,
      render: (kind: string) => departmentKindLabel(kind),
    },
    { key: 'uscc', dataIndex: 'uscc', title: t('departments.uscc'), width: 180 },
    {
      key: 'region',
      dataIndex: 'regionCode',
      title: t('departments.region'),
      width: 100,
      ellipsis: true,
      render: (code: string) => <RegionName code={code} name={regionName(code)} />,
    },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      fixed: 'right',
      render: (_: unknown, record: Department) => (
        <Button
          type="link"
          size="small"
          onClick={() => setEditing(record)}
          data-testid={`department-edit-${record.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  return (
    <ListPage title={t('departments.title')} testId="page-departments">
      <Card size="small">
        <ListToolbar
          search={{
            value: list.filters.q,
            onSearch: (q) => list.setFilters({ q }),
            placeholder: t('departments.searchPlaceholder'),
            testId: 'departments-search',
            width: 260,
          }}
          onReset={list.reset}
          exportTo={{
            path: '/api/departments/export.xlsx',
            query,
            filename: 'departments.xlsx',
            testId: 'departments-export',
          }}
          actions={
            canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="department-create"
              >
                {t('departments.create')}
              </Button>
            )
          }
        >
          <Select<DepartmentKind>
            allowClear
            placeholder={t('departments.kind')}
            value={query.kind}
            onChange={(kind) => list.setFilters({ kind })}
            options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: departmentKindLabel(k) }))}
            style={{ width: 180 }}
            data-testid="departments-kind-filter"
          />
        </ListToolbar>
        <ListTable<Department> table={table} rowKey="id" testId="departments-table" columns={columns} />
      </Card>
      {canManage && (
        <DepartmentDrawer
          open={editing !== undefined}
          department={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      )}
    </ListPage>
  );
}
