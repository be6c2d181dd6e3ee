import { useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentInput, DepartmentKind } from '../../api/types.ts';
import { departmentKindLabel } from '../../i18n/labels.ts';
import { RegionSelect } from '../../app/RegionPicker.tsx';
import { useRegionScope } from '../../app/regionScope.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { applyFieldErrors } from '../../shared/formErrors.ts';
import { createDepartment, departmentKeys, updateDepartment } from './api.ts';

export const DEPARTMENT_KINDS: DepartmentKind[] = [
  'party',
  'government',
  'bureau',
  'vertical',
  'mass',
  'institution',
];

/** A short machine code, as the server accepts it (e.g. `jw`, `health-bureau`). */
const CODE_PATTERN = /^[a-z][a-z0-9_-]{1,31}$/;

/** GB 32100-2015 character set and length; the check digits are verified by the server. */
const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

const FIELDS = ['code', 'name', 'shortName', 'kind', 'uscc', 'regionCode'] as const;

interface Values {
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  uscc: string;
  regionCode: string;
}

interface Props {
  open: boolean;
  /** null: create */
  department: Department | null;
  onClose: () => void;
}

export function DepartmentDrawer({ open, department, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { root } = useRegionScope();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue(
      department
        ? {
            code: department.code,
            name: department.name,
            shortName: department.shortName,
            kind: department.kind,
            uscc: department.uscc,
            regionCode: department.regionCode,
          }
        : { regionCode: root.code },
    );
  }, [open, department, form, root.code]);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    const body: DepartmentInput = {
      code: values.code.trim(),
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      kind: values.kind,
      uscc: values.uscc.trim(),
      regionCode: values.regionCode,
    };
    try {
      if (department) await updateDepartment(department.id, body);
      else await createDepartment(body);
      message.success(department ? t('departments.updated') : t('departments.created'));
      await queryClient.invalidateQueries({ queryKey: departmentKeys.all });
      onClose();
    } catch (e) {
      setError(e);
      setUnmatched(applyFieldErrors(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={department ? t('departments.edit') : t('departments.create')}
      destroyOnHidden
      data-testid="department-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="department-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} extraMessages={unmatched} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="code"
          label={t('departments.code')}
          extra={t('departments.codeHint')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: CODE_PATTERN, message: t('departments.codeFormat') },
          ]}
        >
          <Input data-testid="department-code" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 60, message: t('departments.nameLength') },
          ]}
        >
          <Input data-testid="department-name" />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('departments.shortName')}
          rules={[{ required: true, whitespace: true, max: 30, message: t('common.required') }]}
        >
          <Input data-testid="department-short-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('departments.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: departmentKindLabel(k) }))}
            data-testid="department-kind"
          />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('departments.uscc')}
          normalize={(v: string | undefined) => v?.toUpperCase()}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: USCC_PATTERN, message: t('departments.usccFormat') },
          ]}
        >
          <Input maxLength={18} data-testid="department-uscc" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('departments.region')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <RegionSelect testId="department-region" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
