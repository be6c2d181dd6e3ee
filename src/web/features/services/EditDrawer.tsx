import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NestedFormSubmit } from './useNestedFormSubmit.tsx';

interface Props<V> {
  open: boolean;
  onClose: () => void;
  title: string;
  form: FormInstance<V>;
  submit: NestedFormSubmit<V>;
  /** The fields' values whenever the drawer opens. */
  initialValues: V;
  testId: string;
  saveTestId: string;
  children: ReactNode;
}

/**
 * A wide edit drawer (editable tables need room): cancel and save at the top, the error banner above
 * the form. Full width on a phone.
 */
export function EditDrawer<V>({
  open,
  onClose,
  title,
  form,
  submit,
  initialValues,
  testId,
  saveTestId,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const initial = useRef(initialValues);
  initial.current = initialValues;
  const { clear } = submit;

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form, clear]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={Math.min(960, typeof window === 'undefined' ? 960 : window.innerWidth)}
      title={title}
      destroyOnHidden
      data-testid={testId}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submit.busy} onClick={() => form.submit()} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {submit.alert}
      <Form<V> form={form} layout="vertical" onFinish={submit.onFinish} scrollToFirstError>
        {children}
      </Form>
    </Drawer>
  );
}
