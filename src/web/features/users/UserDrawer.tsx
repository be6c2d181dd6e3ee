import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role, UserPatchInput, UserRow, UserStatus } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { RegionSelect } from '../../app/RegionPicker.tsx';
import { useRegionScope } from '../../app/regionScope.tsx';
import { ADMIN_TRIAD, ROLES, roleLabel, userStatusLabel } from '../../i18n/labels.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { createUser, updateUser, userKeys } from './api.ts';

const FIELDS = [
  'username',
  'displayName',
  'roles',
  'departmentId',
  'regionCode',
  'password',
  'status',
] as const;

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  departmentId?: string | undefined;
  regionCode: string;
  password?: string;
  status?: UserStatus;
}

interface Props {
  open: boolean;
  /** null: create */
  user: UserRow | null;
  onClose: () => void;
}

export function UserDrawer({ open, user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  // The security administrator changes roles only (roles.manage); everything else needs users.manage.
  const canEditAccount = can('users.manage');
  const canGrantAdminRoles = can('roles.manage');
  const canEditRoles = canEditAccount || canGrantAdminRoles;
  const { selected } = useRegionScope();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const submit = useFormSubmit(form, FIELDS, async (values: Values) => {
    if (user) {
      const patch: UserPatchInput = {};
      if (form.isFieldTouched('displayName')) patch.displayName = values.displayName.trim();
      if (form.isFieldTouched('roles')) patch.roles = values.roles;
      if (form.isFieldTouched('departmentId')) patch.departmentId = values.departmentId ?? null;
      if (form.isFieldTouched('regionCode')) patch.regionCode = values.regionCode;
      if (form.isFieldTouched('status') && (values.status === 'active' || values.status === 'disabled'))
        patch.status = values.status;
      await updateUser(user.id, patch);
    } else {
      await createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        roles: values.roles,
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
        regionCode: values.regionCode,
        password: values.password ?? '',
      });
    }
    message.success(user ? t('users.updated') : t('users.created'));
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
    onClose();
  });
  const initialValues = user
    ? {
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        departmentId: user.department?.id,
        regionCode: user.regionCode,
        status: user.status,
      }
    : { roles: [], regionCode: selected.code };

  // Locking has its own audited action; here only active ⇄ disabled.
  const statusOptions: UserStatus[] =
    user?.status === 'locked' ? ['locked', 'active', 'disabled'] : ['active', 'disabled'];

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={user ? t('users.edit') : t('users.create')}
      form={form}
      submit={submit}
      initialValues={initialValues}
      testId="user-drawer"
      saveTestId="user-save"
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: /^[A-Za-z0-9._-]+$/, message: t('users.usernamePattern') },
        ]}
      >
        <Input disabled={user !== null} autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input autoComplete="off" disabled={!canEditAccount} data-testid="user-display-name-input" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('users.rolesRequired') },
          {
            validator: (_, roles: Role[] | undefined) =>
              (roles ?? []).filter((r) => ADMIN_TRIAD.includes(r)).length > 1
                ? Promise.reject(new Error(t('users.separationOfDuties')))
                : Promise.resolve(),
          },
        ]}
        extra={canGrantAdminRoles ? undefined : t('users.adminRolesHint')}
      >
        <Select
          mode="multiple"
          disabled={!canEditRoles}
          options={ROLES.map((r) => ({
            value: r,
            label: roleLabel(r),
            disabled: ADMIN_TRIAD.includes(r) && !canGrantAdminRoles,
          }))}
          data-testid="user-roles"
        />
      </Form.Item>
      <Form.Item name="departmentId" label={t('users.department')}>
        {can('departments.read') ? (
          <DepartmentSelect current={user?.department} testId="user-department" disabled={!canEditAccount} />
        ) : (
          <Input disabled placeholder={user?.department?.name ?? t('common.none')} />
        )}
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('users.region')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <RegionSelect testId="user-region" disabled={!canEditAccount} />
      </Form.Item>
      {user ? (
        <Form.Item name="status" label={t('users.status')}>
          <Select
            disabled={!canEditAccount}
            options={statusOptions.map((s) => ({
              value: s,
              label: userStatusLabel(s),
              disabled: s === 'locked',
            }))}
            data-testid="user-status"
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('auth.policyHint')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
