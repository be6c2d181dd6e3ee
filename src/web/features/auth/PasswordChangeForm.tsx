import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { changePassword } from './api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

interface Props {
  /** Called after the server accepted the new password. */
  onDone: () => void;
  onCancel?: () => void;
  /** Shown above the form when the change is forced. */
  requiredNotice?: boolean;
}

/** Current, new and confirmed password; the server's policy problems appear next to the fields. */
export function PasswordChangeForm({ onDone, onCancel, requiredNotice }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(
    form,
    FIELDS,
    async (values: Values) => {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      onDone();
    },
    'password-change-error',
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit.onFinish}
      requiredMark={false}
      data-testid="password-change-form"
    >
      {requiredNotice && (
        <Alert type="warning" showIcon title={t('auth.changeRequiredHint')} style={{ marginBottom: 16 }} />
      )}
      {submit.alert}
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.policyHint')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('auth.passwordSame')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={submit.busy} block data-testid="password-submit">
          {t('auth.changeSubmit')}
        </Button>
        {onCancel && (
          <Button type="link" block onClick={onCancel} style={{ marginTop: 8 }}>
            {t('common.cancel')}
          </Button>
        )}
      </Form.Item>
    </Form>
  );
}
