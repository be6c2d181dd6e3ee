import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemFlag, SystemFlagResolveInput } from '../../api/types.ts';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { flagKeys, resolveFlag, systemKeys } from './api.ts';

type Decision = SystemFlagResolveInput['status'];

interface Values {
  resolution: string;
}

/** 确认 / 排除 for an open (or confirmed) flag, each asking for the reason (registry.review). */
export function ResolveFlag({ flag }: { flag: SystemFlag }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [form] = Form.useForm<Values>();
  const name = flag.otherSystem ? `${flag.system.name} / ${flag.otherSystem.name}` : flag.system.name;

  const submit = useFormSubmit(
    form,
    ['resolution'],
    async (values: Values) => {
      if (!decision) return;
      await resolveFlag(flag.id, { status: decision, resolution: values.resolution.trim() });
      message.success(t('registry.flags.resolved'));
      setDecision(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: flagKeys.all }),
        queryClient.invalidateQueries({ queryKey: systemKeys.all }),
      ]);
    },
    'flag-resolve-error',
  );

  const start = (d: Decision) => {
    submit.clear();
    form.resetFields();
    setDecision(d);
  };

  if (flag.status !== 'open' && flag.status !== 'confirmed') return null;
  return (
    <>
      <Space size={0}>
        {flag.status === 'open' && (
          <Button
            type="link"
            size="small"
            onClick={() => start('confirmed')}
            data-testid={`flag-confirm-${flag.id}`}
          >
            {t('registry.flags.confirm')}
          </Button>
        )}
        <Button
          type="link"
          size="small"
          onClick={() => start('dismissed')}
          data-testid={`flag-dismiss-${flag.id}`}
        >
          {t('registry.flags.dismiss')}
        </Button>
      </Space>
      <Modal
        open={decision !== null}
        title={
          decision === 'confirmed'
            ? t('registry.flags.confirmTitle', { name })
            : t('registry.flags.dismissTitle', { name })
        }
        okText={decision === 'confirmed' ? t('registry.flags.confirm') : t('registry.flags.dismiss')}
        okButtonProps={{
          loading: submit.busy,
          danger: decision === 'dismissed',
          'data-testid': 'flag-resolve-submit',
        }}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setDecision(null)}
        destroyOnHidden
        data-testid="flag-resolve-modal"
      >
        <Typography.Paragraph type="secondary">
          {decision === 'confirmed' ? t('registry.flags.confirmHint') : t('registry.flags.dismissHint')}
        </Typography.Paragraph>
        {submit.alert}
        <Form<Values> form={form} layout="vertical" onFinish={submit.onFinish}>
          <Form.Item
            name="resolution"
            label={t('registry.flags.resolution')}
            rules={[
              { required: true, whitespace: true, message: t('registry.flags.resolutionLength') },
              { min: 2, max: 500, message: t('registry.flags.resolutionLength') },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={500}
              showCount
              placeholder={t('registry.flags.resolutionPlaceholder')}
              data-testid="flag-resolution"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
