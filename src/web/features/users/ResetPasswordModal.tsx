import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../api/types.ts';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { resetPassword, userKeys } from './api.ts';

interface Values {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, ['password'], async (values: Values) => {
    if (!user) return;
    await resetPassword(user.id, values.password);
    message.success(t('users.passwordResetDone'));
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
    onClose();
  });
  const { clear } = submit;
  // A new user to reset: forget the previous one's error.
  useEffect(() => clear(), [user, clear]);

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reset-password-submit' } as Record<string, string>}
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      {submit.alert}
      <Form<Values> form={form} layout="vertical" onFinish={submit.onFinish} preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('auth.policyHint')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
