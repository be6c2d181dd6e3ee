import { App, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookInput } from '../../api/types.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { createWebhook, updateWebhook, webhookKeys } from './api.ts';
import { KIND_FAMILIES, kindLabel } from './kinds.ts';

const FIELDS = ['name', 'format', 'departmentId', 'url', 'secret', 'kinds', 'enabled'] as const;

interface Values {
  name: string;
  format: WebhookInput['format'];
  departmentId?: string | null;
  url?: string;
  secret?: string;
  clearSecret?: boolean;
  kinds: string[];
  enabled: boolean;
}

interface Props {
  open: boolean;
  /** null: add a new robot */
  webhook: Webhook | null;
  onClose: () => void;
}

/** Add or change a robot. The address and secret are write-only: empty on change means "keep". */
export function WebhookDrawer({ open, webhook, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const format = Form.useWatch('format', form);

  const submit = useFormSubmit(form, FIELDS, async (v: Values) => {
    const url = v.url?.trim();
    const secret = v.secret?.trim();
    const common = {
      name: v.name.trim(),
      format: v.format,
      departmentId: v.departmentId ?? null,
      kinds: v.kinds,
      enabled: v.enabled,
    };
    if (webhook)
      await updateWebhook(webhook.id, {
        ...common,
        ...(url ? { url } : {}),
        ...(secret ? { secret } : v.clearSecret || v.format === 'wecom' ? { secret: null } : {}),
      });
    else await createWebhook({ ...common, url: url ?? '', secret: secret || null });
    message.success(t('notify.saved'));
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    onClose();
  });

  const initialValues: Values = webhook
    ? {
        name: webhook.name,
        format: webhook.format,
        departmentId: webhook.departmentId,
        kinds: webhook.kinds,
        enabled: webhook.enabled,
      }
    : { name: '', format: 'dingtalk', departmentId: null, kinds: [], enabled: true };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={webhook ? t('notify.edit') : t('notify.create')}
      form={form}
      submit={submit}
      initialValues={initialValues}
      testId="webhook-drawer"
      saveTestId="webhook-save"
    >
      <Form.Item
        name="name"
        label={t('notify.name')}
        rules={[{ required: true, whitespace: true, max: 80, message: t('common.required') }]}
      >
        <Input data-testid="webhook-name" />
      </Form.Item>
      <Form.Item name="format" label={t('notify.format')} rules={[{ required: true }]}>
        <Select
          data-testid="webhook-format"
          options={(['dingtalk', 'wecom'] as const).map((f) => ({
            value: f,
            label: t(`notify.formats.${f}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="departmentId" label={t('notify.department')} extra={t('notify.departmentHint')}>
        <DepartmentSelect
          testId="webhook-department"
          placeholder={t('notify.districtWide')}
          current={
            webhook?.departmentId && webhook.departmentName
              ? { id: webhook.departmentId, name: webhook.departmentName }
              : null
          }
        />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('notify.url')}
        extra={webhook ? `${webhook.urlDisplay} · ${t('notify.urlKeep')}` : t('notify.urlHint')}
        rules={webhook ? [] : [{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input
          data-testid="webhook-url"
          autoComplete="off"
          placeholder="https://oapi.dingtalk.com/robot/send?access_token=…"
        />
      </Form.Item>
      {format !== 'wecom' && (
        <>
          <Form.Item
            name="secret"
            label={t('notify.secret')}
            extra={webhook?.signed ? t('notify.secretKeep') : t('notify.secretHint')}
          >
            <Input.Password data-testid="webhook-secret" autoComplete="new-password" placeholder="SEC…" />
          </Form.Item>
          {webhook?.signed && (
            <Form.Item name="clearSecret" valuePropName="checked">
              <Checkbox>{t('notify.clearSecret')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="kinds" label={t('notify.kinds')} extra={t('notify.kindsHint')}>
        <Select
          mode="multiple"
          data-testid="webhook-kinds"
          placeholder={t('notify.kindsAll')}
          options={KIND_FAMILIES.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
      </Form.Item>
      <Form.Item name="enabled" label={t('notify.enabled')} valuePropName="checked">
        <Switch data-testid="webhook-enabled" />
      </Form.Item>
    </FormDrawer>
  );
}
