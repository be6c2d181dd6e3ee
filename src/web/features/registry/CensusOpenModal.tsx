import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CensusRoundInput } from '../../api/types.ts';
import { errorText } from '../../shared/errorText.ts';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { addWorkdays, calendarKeys } from '../calendar/api.ts';
import { censusKeys, openRound } from './censusApi.ts';
import { chinaToday } from './common.tsx';

const FIELDS = ['title', 'note', 'workingDays'] as const;

interface Values {
  title: string;
  note?: string;
  workingDays: number;
}

/** The deadline the server will compute: N working days after today (China), on the official calendar. */
function DeadlinePreview({ days }: { days: number | null | undefined }) {
  const { t } = useTranslation();
  const today = chinaToday();
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 60;
  const result = useQuery({
    queryKey: calendarKeys.add(today, valid ? days : 0),
    queryFn: () => addWorkdays(today, days ?? 0),
    enabled: valid,
    retry: false,
  });
  if (!valid) return null;
  if (result.isError)
    return (
      <Alert type="error" showIcon title={errorText(result.error, t)} data-testid="census-deadline-error" />
    );
  return (
    <Typography.Paragraph data-testid="census-deadline" style={{ marginBottom: 0 }}>
      {result.data ? (
        <Typography.Text strong>
          {t('registry.census.deadlineComputed', { date: result.data.result, days })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('registry.census.deadlineComputing')}</Typography.Text>
      )}
    </Typography.Paragraph>
  );
}

/** 发起普查: title, note and the working days allowed, showing the deadline before it is opened. */
export function CensusOpenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const days = Form.useWatch('workingDays', form);

  const submit = useFormSubmit(
    form,
    FIELDS,
    async (values: Values) => {
      const body: CensusRoundInput = {
        title: values.title.trim(),
        workingDays: values.workingDays,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      };
      const round = await openRound(body);
      message.success(t('registry.census.opened', { title: round.title }));
      await queryClient.invalidateQueries({ queryKey: censusKeys.all });
      onClose();
      void navigate(`/registry/census/${round.id}`);
    },
    'census-open-error',
  );

  return (
    <Modal
      open={open}
      title={t('registry.census.open')}
      okText={t('registry.census.open')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submit.busy, 'data-testid': 'census-open-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) {
          submit.clear();
          form.resetFields();
        }
      }}
      destroyOnHidden
      data-testid="census-open-modal"
    >
      {submit.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={{ workingDays: 10 }}
        preserve={false}
      >
        <Form.Item
          name="title"
          label={t('registry.census.roundTitle')}
          rules={[
            { required: true, whitespace: true, message: t('registry.census.titleLength') },
            { min: 2, max: 100, message: t('registry.census.titleLength') },
          ]}
        >
          <Input
            maxLength={100}
            placeholder={t('registry.census.titlePlaceholder')}
            data-testid="census-title"
          />
        </Form.Item>
        <Form.Item name="note" label={t('registry.census.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="census-note" />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label={t('registry.census.workingDays')}
          rules={[
            { required: true, message: t('registry.census.workingDaysRange') },
            { type: 'integer', min: 1, max: 60, message: t('registry.census.workingDaysRange') },
          ]}
          extra={<DeadlinePreview days={days} />}
        >
          <InputNumber
            min={1}
            max={60}
            precision={0}
            style={{ width: 160 }}
            data-testid="census-working-days"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
