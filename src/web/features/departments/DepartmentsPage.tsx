import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentKind } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { departmentKindLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { PAGE_SIZE_OPTIONS, sortOrderOf, sortParam, useListParams } from '../../shared/useListParams.ts';
import { departmentKeys, fetchDepartments, type DepartmentQuery, type DepartmentSort } from './api.ts';
import { DEPARTMENT_KINDS, DepartmentDrawer } from './DepartmentDrawer.tsx';

const FILTERS = ['q', 'kind'] as const;
const SORTS: DepartmentSort[] = ['name', '-name', 'code', '-code'];

function asKind(value: string | undefined): DepartmentKind | undefined {
  return DEPARTMENT_KINDS.find((k) => k === value);
}

function asSort(value: string | undefined): DepartmentSort | undefined {
  return SORTS.find((s) => s === value);
}

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('departments.manage');
  const list = useListParams(FILTERS);
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);

  const query: DepartmentQuery = {
    q: list.filters.q,
    kind: asKind(list.filters.kind),
    sort: asSort(list.sort),
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: departmentKeys.list(query),
    queryFn: () => fetchDepartments(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-departments">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('departments.title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('departments.searchPlaceholder')}
              defaultValue={list.filters.q}
              onSearch={(q) => list.setFilters({ q })}
              style={{ width: 260 }}
              data-testid="departments-search"
            />
            <Select<DepartmentKind>
              allowClear
              placeholder={t('departments.kind')}
              value={query.kind}
              onChange={(kind) => list.setFilters({ kind })}
              options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: departmentKindLabel(k) }))}
              style={{ width: 180 }}
              data-testid="departments-kind-filter"
            />
          </Space>
          <Space>
            <ExportButton
              path="/api/departments/export.xlsx"
              query={{ q: query.q, kind: query.kind, sort: query.sort }}
              filename="departments.xlsx"
              testId="departments-export"
            />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="department-create"
              >
                {t('departments.create')}
              </Button>
            )}
          </Space>
        </Space>
        {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
        <Table<Department>
          rowKey="id"
          size="small"
          data-testid="departments-table"
          loading={result.isFetching}
          dataSource={result.data?.items ?? []}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            list.setFilters({ sort: sortParam(s?.columnKey, s?.order) });
          }}
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
            {
              key: 'code',
              dataIndex: 'code',
              title: t('departments.code'),
              width: 140,
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'code'),
            },
            {
              key: 'name',
              dataIndex: 'name',
              title: t('departments.name'),
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'name'),
            },
            { key: 'shortName', dataIndex: 'shortName', title: t('departments.shortName'), width: 140 },
            {
              key: 'kind',
              dataIndex: 'kind',
              title: t('departments.kind'),
              width: 150,
              render: (kind: string) => departmentKindLabel(kind),
            },
            { key: 'uscc', dataIndex: 'uscc', title: t('departments.uscc'), width: 200 },
            { key: 'regionCode', dataIndex: 'regionCode', title: t('departments.region'), width: 130 },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 90,
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
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {canManage && (
        <DepartmentDrawer
          open={editing !== undefined}
          department={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Space>
  );
}
