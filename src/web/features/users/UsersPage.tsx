import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role, UserRow, UserStatus } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { useRegionScope } from '../../app/regionScope.tsx';
import { ROLE_CODES, roleLabel, userStatusLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { errorText } from '../../shared/errorText.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { PAGE_SIZE_OPTIONS, sortOrderOf, sortParam, useListParams } from '../../shared/useListParams.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { fetchUsers, lockUser, unlockUser, userKeys, type UserQuery, type UserSort } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserDrawer } from './UserDrawer.tsx';

const FILTERS = ['q', 'role', 'departmentId', 'status'] as const;
const STATUSES: UserStatus[] = ['active', 'locked', 'disabled'];
const STATUS_COLORS: Record<UserStatus, string> = { active: 'green', locked: 'red', disabled: 'default' };

const SORTS: UserSort[] = ['name', '-name', 'username', '-username', 'lastLoginAt', '-lastLoginAt'];

function asSort(value: string | undefined): UserSort | undefined {
  return SORTS.find((s) => s === value);
}

function asRole(value: string | undefined): Role | undefined {
  return ROLE_CODES.find((r) => r === value);
}

function asStatus(value: string | undefined): UserStatus | undefined {
  return STATUSES.find((s) => s === value);
}

function LockAction({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const locked = user.status === 'locked';
  const run = async () => {
    try {
      await (locked ? unlockUser(user.id) : lockUser(user.id));
      message.success(locked ? t('users.unlockedDone') : t('users.lockedDone'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <Popconfirm
      title={
        locked
          ? t('users.unlockConfirm', { name: user.displayName })
          : t('users.lockConfirm', { name: user.displayName })
      }
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={run}
    >
      <Button
        type="link"
        size="small"
        danger={!locked}
        data-testid={`user-${locked ? 'unlock' : 'lock'}-${user.id}`}
      >
        {locked ? t('users.unlock') : t('users.lock')}
      </Button>
    </Popconfirm>
  );
}

/** Users: search, filter by role / department / status (and the header's region), page, sort, export, manage. */
export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { selected, root } = useRegionScope();
  const canCreate = can('users.manage');
  const canEdit = can('users.edit') || can('users.manage');
  const canReset = can('users.manage');
  const canLock = can('users.lock');
  const hasActions = canEdit || canReset || canLock;
  const list = useListParams(FILTERS);
  const [editing, setEditing] = useState<UserRow | null | undefined>(undefined);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const query: UserQuery = {
    q: list.filters.q,
    role: asRole(list.filters.role),
    departmentId: list.filters.departmentId,
    status: asStatus(list.filters.status),
    // The server already limits the list to the user's own subtree.
    regionCode: selected.code === root.code ? undefined : selected.code,
    sort: asSort(list.sort),
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => fetchUsers(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-users">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('users.title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('users.searchPlaceholder')}
              defaultValue={list.filters.q}
              onSearch={(q) => list.setFilters({ q })}
              style={{ width: 220 }}
              data-testid="users-search"
            />
            <Select<Role>
              allowClear
              placeholder={t('users.roles')}
              value={query.role}
              onChange={(role) => list.setFilters({ role })}
              options={ROLE_CODES.map((r) => ({ value: r, label: roleLabel(r) }))}
              style={{ width: 180 }}
              data-testid="users-role-filter"
            />
            {can('departments.read') && (
              <DepartmentSelect
                value={list.filters.departmentId}
                onChange={(departmentId) => list.setFilters({ departmentId })}
                placeholder={t('users.department')}
                style={{ width: 220 }}
                testId="users-department-filter"
              />
            )}
            <Select<UserStatus>
              allowClear
              placeholder={t('users.status')}
              value={query.status}
              onChange={(status) => list.setFilters({ status })}
              options={STATUSES.map((s) => ({ value: s, label: userStatusLabel(s) }))}
              style={{ width: 120 }}
              data-testid="users-status-filter"
            />
            <Button onClick={list.reset}>{t('common.reset')}</Button>
          </Space>
          <Space>
            <ExportButton
              path="/api/users/export.xlsx"
              query={{ ...query, page: undefined, pageSize: undefined }}
              filename="users.xlsx"
              testId="users-export"
            />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
          </Space>
        </Space>
        {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
        <Table<UserRow>
          rowKey="id"
          size="small"
          data-testid="users-table"
          loading={result.isFetching}
          dataSource={result.data?.items ?? []}
          scroll={{ x: 1100 }}
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
              key: 'username',
              dataIndex: 'username',
              title: t('users.username'),
              width: 140,
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'username'),
            },
            {
              key: 'name',
              dataIndex: 'displayName',
              title: t('users.displayName'),
              width: 120,
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'name'),
            },
            {
              key: 'roles',
              dataIndex: 'roles',
              title: t('users.roles'),
              render: (roles: string[]) => roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>),
            },
            {
              key: 'department',
              title: t('users.department'),
              width: 160,
              render: (_: unknown, u: UserRow) => u.department?.name ?? '',
            },
            { key: 'region', dataIndex: 'regionName', title: t('users.region'), width: 120 },
            {
              key: 'status',
              title: t('users.status'),
              width: 140,
              render: (_: unknown, u: UserRow) => (
                <>
                  <Tag color={STATUS_COLORS[u.status]}>{userStatusLabel(u.status)}</Tag>
                  {u.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
                </>
              ),
            },
            {
              key: 'lastLoginAt',
              dataIndex: 'lastLoginAt',
              title: t('users.lastLoginAt'),
              width: 170,
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'lastLoginAt'),
              render: (v: string | null) =>
                v ? (
                  formatDateTime(v)
                ) : (
                  <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
                ),
            },
            ...(hasActions
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 220,
                    fixed: 'right' as const,
                    render: (_: unknown, u: UserRow) => (
                      <Space size={0} wrap>
                        {canEdit && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setEditing(u)}
                            data-testid={`user-edit-${u.id}`}
                          >
                            {t('common.edit')}
                          </Button>
                        )}
                        {canReset && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setResetting(u)}
                            data-testid={`user-reset-${u.id}`}
                          >
                            {t('users.resetPassword')}
                          </Button>
                        )}
                        {canLock && <LockAction user={u} />}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {(canCreate || canEdit) && (
        <UserDrawer
          open={editing !== undefined}
          user={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      )}
      {canReset && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Space>
  );
}
