import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role, UserRow, UserStatus } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { useRegionScope } from '../../app/regionScope.tsx';
import { oneOf, ROLES, roleLabel, USER_STATUSES, userStatusLabel } from '../../i18n/labels.ts';
import { errorText } from '../../shared/errorText.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { fetchUsers, lockUser, unlockUser, userKeys } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserDrawer } from './UserDrawer.tsx';

const FILTERS = ['q', 'role', 'departmentId', 'status'] as const;
const SORT_FIELDS = ['username', 'name', 'lastLoginAt'] as const;
const STATUS_COLORS: Record<UserStatus, string> = { active: 'green', locked: 'red', disabled: 'default' };

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
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { selected, root } = useRegionScope();
  const canCreate = can('users.manage');
  const canEdit = can('users.edit') || can('users.manage');
  const canReset = can('users.manage');
  const canLock = can('users.lock');
  const hasActions = canEdit || canReset || canLock;
  const [editing, setEditing] = useState<UserRow | null | undefined>(undefined);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }) => ({
      q: filters.q,
      role: oneOf(ROLES, filters.role),
      departmentId: filters.departmentId,
      status: oneOf(USER_STATUSES, filters.status),
      // The server already limits the list to the user's own subtree.
      regionCode: selected.code === root.code ? undefined : selected.code,
      sort,
      page,
      pageSize,
    }),
    queryKey: userKeys.list,
    fetch: fetchUsers,
  });
  const { list, query } = table;

  const columns: TableColumnsType<UserRow> = [
    {
      ...table.sortable('username'),
      dataIndex: 'username',
      title: t('users.username'),
      width: 130,
      fixed: 'left',
      ellipsis: true,
    },
    { ...table.sortable('name'), dataIndex: 'displayName', title: t('users.displayName'), width: 90 },
    {
      key: 'status',
      title: t('users.status'),
      width: 110,
      render: (_: unknown, u: UserRow) => (
        <Flex wrap gap={4}>
          <Tag color={STATUS_COLORS[u.status]} style={{ marginInlineEnd: 0 }}>
            {userStatusLabel(u.status)}
          </Tag>
          {u.mustChangePassword && (
            <Tag color="orange" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t('users.mustChangePassword')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      ...table.sortable('lastLoginAt'),
      dataIndex: 'lastLoginAt',
      title: t('users.lastLoginAt'),
      width: 150,
      render: (v: string | null) =>
        v ? (
          <Tooltip title={formatDateTime(v)}>{formatDateTime(v, { seconds: false })}</Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
        ),
    },
    {
      key: 'roles',
      dataIndex: 'roles',
      title: t('users.roles'),
      width: 190,
      render: (roles: Role[]) => (
        <Flex wrap gap={4}>
          {roles.map((r) => (
            <Tag key={r} style={{ marginInlineEnd: 0 }}>
              {roleLabel(r)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'department',
      title: t('users.department'),
      width: 160,
      ellipsis: true,
      render: (_: unknown, u: UserRow) => u.department?.name ?? '',
    },
    { key: 'region', dataIndex: 'regionName', title: t('users.region'), width: 90, ellipsis: true },
  ];
  if (hasActions)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      // Three links on one line: "Reset password" is much longer than 重置密码.
      width: i18n.language === 'en' ? 230 : 180,
      fixed: 'right',
      render: (_: unknown, u: UserRow) => (
        <Space size={0}>
          {canEdit && (
            <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.id}`}>
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
    });

  return (
    <ListPage title={t('users.title')} testId="page-users">
      <Card size="small">
        <ListToolbar
          search={{
            value: list.filters.q,
            onSearch: (q) => list.setFilters({ q }),
            placeholder: t('users.searchPlaceholder'),
            testId: 'users-search',
            width: 180,
          }}
          onReset={list.reset}
          exportTo={{ path: '/api/users/export.xlsx', query, filename: 'users.xlsx', testId: 'users-export' }}
          actions={
            canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )
          }
        >
          <Select<Role>
            allowClear
            placeholder={t('users.roles')}
            value={query.role}
            onChange={(role) => list.setFilters({ role })}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            style={{ width: 160 }}
            popupMatchSelectWidth={false}
            data-testid="users-role-filter"
          />
          {can('departments.read') && (
            <DepartmentSelect
              value={list.filters.departmentId}
              onChange={(departmentId) => list.setFilters({ departmentId })}
              placeholder={t('users.department')}
              style={{ width: 180 }}
              testId="users-department-filter"
            />
          )}
          <Select<UserStatus>
            allowClear
            placeholder={t('users.status')}
            value={query.status}
            onChange={(status) => list.setFilters({ status })}
            options={USER_STATUSES.map((s) => ({ value: s, label: userStatusLabel(s) }))}
            style={{ width: 110 }}
            data-testid="users-status-filter"
          />
        </ListToolbar>
        <ListTable<UserRow> table={table} rowKey="id" testId="users-table" columns={columns} />
      </Card>
      {(canCreate || canEdit) && (
        <UserDrawer
          open={editing !== undefined}
          user={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      )}
      {canReset && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </ListPage>
  );
}
