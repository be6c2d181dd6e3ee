import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentInput } from '../../api/types.ts';
import { DEPARTMENT_KINDS, departmentKindLabel } from '../../i18n/labels.ts';
import { RegionSelect } from '../../app/RegionPicker.tsx';
import { useRegionScope } from '../../app/regionScope.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { createDepartment, departmentKeys, updateDepartment } from './api.ts';

/** A short machine code, as the server accepts it (e.g. `jw`, `health-bureau`). */
const CODE_PATTERN = /^[a-z][a-z0-9_-]{1,31}$/;

/** GB 32100-2015 character set and length; the check digits are verified by the server. */
const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

const FIELDS = ['code', 'name', 'shortName', 'kind', 'uscc', 'regionCode'] as const;

/** The form holds exactly the create body the API takes (generated types). */
type Values = DepartmentInput;

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

  const submit = useFormSubmit(form, FIELDS, async (values: Values) => {
    const body: DepartmentInput = {
      code: values.code.trim(),
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      kind: values.kind,
      uscc: values.uscc.trim(),
      regionCode: values.regionCode,
    };
    if (department) await updateDepartment(department.id, body);
    else await createDepartment(body);
    message.success(department ? t('departments.updated') : t('departments.created'));
    await queryClient.invalidateQueries({ queryKey: departmentKeys.all });
    onClose();
  });
  const initialValues = department
    ? {
        code: department.code,
        name: department.name,
        shortName: department.shortName,
        kind: department.kind,
        uscc: department.uscc,
        regionCode: department.regionCode,
      }
    : { regionCode: root.code };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={department ? t('departments.edit') : t('departments.create')}
      form={form}
      submit={submit}
      initialValues={initialValues}
      testId="department-drawer"
      saveTestId="department-save"
    >
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
        rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('departments.nameLength') }]}
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
    </FormDrawer>
  );
}
