import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { addWorkdays } from './api.ts';

interface Values {
  date: Dayjs;
  n: number;
}

/** "N working days after a date", as computed by the server from the official calendar. */
export function AddWorkdays() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [asked, setAsked] = useState<{ date: string; n: number } | null>(null);
  const add = useMutation({ mutationFn: ({ date, n }: { date: string; n: number }) => addWorkdays(date, n) });

  return (
    <Card size="small" title={t('calendar.addTitle')} data-testid="calendar-add">
      <Typography.Paragraph type="secondary">{t('calendar.addHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ n: 20 }}
        onFinish={(v) => {
          const request = { date: v.date.format('YYYY-MM-DD'), n: v.n };
          setAsked(request);
          add.mutate(request);
        }}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="date"
          label={t('calendar.startDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker data-testid="calendar-add-date" />
        </Form.Item>
        <Form.Item
          name="n"
          label={t('calendar.days')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={3650} precision={0} data-testid="calendar-add-n" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="calendar-add-submit">
            {t('calendar.compute')}
          </Button>
        </Form.Item>
      </Form>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        {add.isError && <ErrorAlert error={add.error} />}
        {add.data && asked && (
          <Alert
            type="success"
            showIcon
            data-testid="calendar-add-result"
            title={t('calendar.addResult', { date: add.data.date, n: add.data.n, result: add.data.result })}
          />
        )}
      </Space>
    </Card>
  );
}
