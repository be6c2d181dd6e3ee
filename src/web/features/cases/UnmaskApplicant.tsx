import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseApplicantUnmasked, CaseDetail } from '../../api/types.ts';
import { FormErrorAlert } from '../../shared/useFormSubmit.tsx';
import { unmaskApplicant } from './api.ts';
import { showFieldErrors } from './formErrors.ts';

/**
 * 显示完整信息: asks why, then hands the applicant's full name, ID and phone to the page (PI-1). The
 * values live only in the page's state (no query cache); the server records the view and the reason.
 */
export function UnmaskApplicantButton({
  detail,
  onUnmasked,
}: {
  detail: CaseDetail;
  onUnmasked: (applicant: CaseApplicantUnmasked) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);

  const show = () => {
    form.resetFields();
    setError(null);
    setUnmatched([]);
    setOpen(true);
  };
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    try {
      onUnmasked(await unmaskApplicant(detail.id, reason.trim()));
      setOpen(false);
    } catch (e) {
      setError(e);
      setUnmatched(showFieldErrors(form, e, { reason: 'reason' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={show} data-testid="case-unmask">
        {t('cases.detail.unmask.button')}
      </Button>
      <Modal
        open={open}
        title={`${t('cases.detail.unmask.title')} · ${detail.caseNo}`}
        onCancel={() => setOpen(false)}
        forceRender
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)} data-testid="case-unmask-cancel">
            {t('common.cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
            data-testid="case-unmask-submit"
          >
            {t('cases.detail.unmask.submit')}
          </Button>,
        ]}
      >
        <Form<{ reason: string }>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          data-testid="case-unmask-form"
        >
          <Typography.Paragraph type="secondary">{t('cases.detail.unmask.intro')}</Typography.Paragraph>
          {error !== null && (
            <div style={{ marginBottom: 16 }}>
              <FormErrorAlert error={error} unmatched={unmatched} testId="case-unmask-error" />
            </div>
          )}
          <Form.Item
            name="reason"
            label={t('cases.detail.unmask.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                max: 200,
                message: t('cases.detail.unmask.reasonRule'),
              },
            ]}
          >
            <Input
              maxLength={200}
              placeholder={t('cases.detail.unmask.reasonPlaceholder')}
              data-testid="case-unmask-reason"
              autoComplete="off"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
