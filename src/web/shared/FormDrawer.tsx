import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSubmit } from './useFormSubmit.tsx';

interface Props<V> {
  open: boolean;
  onClose: () => void;
  title: string;
  form: FormInstance<V>;
  /** From useFormSubmit: busy state, submission and its error banner. */
  submit: FormSubmit<V>;
  /** The fields' values whenever the drawer opens (the record being edited, or defaults for a new one). */
  initialValues: Parameters<FormInstance<V>['setFieldsValue']>[0];
  testId: string;
  saveTestId: string;
  /** The Form.Items. */
  children: ReactNode;
}

/** A create / edit drawer around a vertical form: cancel and save at the top, the error banner above the form. */
export function FormDrawer<V>({
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
  // Read when the drawer opens; later renders (e.g. a changed region in the header) do not reset the form.
  const initial = useRef(initialValues);
  initial.current = initialValues;
  const { clear } = submit;

  useEffect(() => {
    if (!open) return;
    clear();
    form.resetFields();
    form.setFieldsValue(initial.current);
  }, [open, form, clear]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
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
      <Form<V> form={form} layout="vertical" onFinish={submit.onFinish}>
        {children}
      </Form>
    </Drawer>
  );
}
