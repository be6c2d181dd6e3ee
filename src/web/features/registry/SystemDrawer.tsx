import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type {
  SystemDeployment,
  SystemInput,
  SystemInterface,
  SystemLevel,
  SystemOrigin,
  SystemPatchInput,
  SystemRecord,
  SystemStatus,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import {
  registryLabel,
  SECURITY_LEVELS,
  securityLevelLabel,
  SYSTEM_DEPLOYMENTS,
  SYSTEM_INTERFACE_DIRECTIONS,
  SYSTEM_LEVELS,
  SYSTEM_ORIGINS,
  SYSTEM_STATUSES,
} from '../../i18n/labels.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { createSystem, systemKeys, updateSystem } from './api.ts';
import { chinaToday, useOwnDepartment } from './common.tsx';

/** As the server checks it: an upper-case letter, then upper-case letters, digits and hyphens. */
const CODE_PATTERN = /^[A-Z][A-Z0-9-]{2,31}$/;
const MAX_INTERFACES = 50;

const FIELDS = [
  'code',
  'name',
  'purpose',
  'departmentId',
  'operator',
  'origin',
  'verticalLine',
  'level',
  'deployment',
  'securityLevel',
  'status',
  'launchDate',
  'budget',
  'userCount',
  'url',
  'interfaces',
] as const;

interface InterfaceValues {
  name?: string;
  direction?: SystemInterface['direction'];
  protocol?: string;
  description?: string;
}

interface Values {
  code: string;
  name: string;
  purpose?: string;
  departmentId?: string;
  operator?: string;
  origin: SystemOrigin;
  verticalLine?: string;
  level: SystemLevel;
  deployment: SystemDeployment;
  securityLevel: number;
  status: SystemStatus;
  launchDate?: Dayjs | null;
  budget?: number | null;
  userCount?: number | null;
  url?: string;
  interfaces?: InterfaceValues[];
}

/** The create body from the form's values (blank optional texts left out or null). */
function toInput(v: Values): SystemInput {
  const text = (s: string | undefined) => s?.trim() ?? '';
  return {
    code: text(v.code),
    name: text(v.name),
    purpose: text(v.purpose),
    ...(v.departmentId ? { departmentId: v.departmentId } : {}),
    operator: text(v.operator),
    origin: v.origin,
    verticalLine: v.origin === 'vertical' ? text(v.verticalLine) || null : null,
    level: v.level,
    deployment: v.deployment,
    securityLevel: v.securityLevel,
    status: v.status,
    launchDate: v.launchDate ? v.launchDate.format('YYYY-MM-DD') : null,
    budget: v.budget ?? null,
    userCount: v.userCount ?? null,
    url: text(v.url) || null,
    interfaces: (v.interfaces ?? []).map((i) => ({
      name: text(i.name),
      direction: i.direction ?? 'provides',
      protocol: text(i.protocol),
      ...(text(i.description) ? { description: text(i.description) } : {}),
    })),
  };
}

/** Only what changed, so that the audit record names the fields really edited. */
function changedFields(before: SystemInput, after: SystemInput): SystemPatchInput {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof SystemInput)[]) {
    if (JSON.stringify(after[key] ?? null) !== JSON.stringify(before[key] ?? null)) patch[key] = after[key];
  }
  return patch as SystemPatchInput;
}

function valuesOf(system: SystemRecord): Values {
  return {
    code: system.code,
    name: system.name,
    purpose: system.purpose,
    departmentId: system.department.id,
    operator: system.operator,
    origin: system.origin,
    verticalLine: system.verticalLine ?? '',
    level: system.level,
    deployment: system.deployment,
    securityLevel: system.securityLevel,
    status: system.status,
    launchDate: system.launchDate ? dayjs(system.launchDate) : null,
    budget: system.budget,
    userCount: system.userCount,
    url: system.url ?? '',
    interfaces: system.interfaces.map((i) => ({ ...i, description: i.description ?? '' })),
  };
}

/** `interfaces.3.name` → the input of row 3, so that a row's problem shows beside it. */
function showInterfaceErrors(form: ReturnType<typeof Form.useForm<Values>>[0], error: unknown): void {
  if (!isApiError(error)) return;
  const nested = error.fields.flatMap((f) => {
    const m = /^(?:body\.)?interfaces\.(\d+)\.(name|direction|protocol|description)$/.exec(f.path);
    return m ? [{ name: ['interfaces', Number(m[1]), m[2]!], errors: [f.message] }] : [];
  });
  if (nested.length) form.setFields(nested as Parameters<typeof form.setFields>[0]);
}

interface Props {
  open: boolean;
  /** null: register a new system */
  system: SystemRecord | null;
  onClose: () => void;
  /** After a save, with the saved system. */
  onSaved?: (system: SystemRecord) => void;
}

/** Register or edit an information system; its interfaces as an editable list. */
export function SystemDrawer({ open, system, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const own = useOwnDepartment();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const origin = Form.useWatch('origin', form);
  const status = Form.useWatch('status', form);

  const submit = useFormSubmit(form, FIELDS, async (values: Values) => {
    const input = toInput(values);
    let saved: SystemRecord;
    try {
      saved = system
        ? await updateSystem(system.id, changedFields(toInput(valuesOf(system)), input))
        : await createSystem(input);
    } catch (e) {
      showInterfaceErrors(form, e);
      // The drawer may be scrolled down to the interfaces: bring the first problem into view once it is shown.
      setTimeout(() => {
        const first = form.getFieldsError().find((f) => f.errors.length > 0);
        if (first) form.scrollToField(first.name, { block: 'center' });
        else document.querySelector('.ant-drawer-open .ant-drawer-body')?.scrollTo({ top: 0 });
      }, 0);
      throw e;
    }
    message.success(
      system
        ? t('registry.systems.updated', { name: saved.name })
        : t('registry.systems.created', { name: saved.name }),
    );
    await queryClient.invalidateQueries({ queryKey: systemKeys.all });
    onSaved?.(saved);
    onClose();
  });

  const initialValues: Partial<Values> = system
    ? valuesOf(system)
    : {
        origin: 'local',
        level: 'district',
        deployment: 'gov_cloud',
        securityLevel: 2,
        status: 'planned',
        interfaces: [],
        ...(own ? { departmentId: own.id } : {}),
      };

  const needsLaunchDate = status === 'live';
  const noFutureLaunch = status === 'live' || status === 'retired';
  const today = chinaToday();

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={system ? t('registry.systems.edit') : t('registry.systems.create')}
      form={form}
      submit={submit}
      initialValues={initialValues}
      testId="system-drawer"
      saveTestId="system-save"
    >
      <Form.Item
        name="code"
        label={t('registry.systems.code')}
        extra={t('registry.systems.codeHint')}
        normalize={(v: string | undefined) => v?.toUpperCase()}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: CODE_PATTERN, message: t('registry.systems.codeFormat') },
        ]}
      >
        <Input autoComplete="off" maxLength={32} data-testid="system-code" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('registry.systems.name')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 2, max: 60, message: t('registry.systems.nameLength') },
        ]}
      >
        <Input maxLength={60} data-testid="system-name" />
      </Form.Item>
      <Form.Item name="purpose" label={t('registry.systems.purpose')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="system-purpose" />
      </Form.Item>
      <Form.Item
        name="departmentId"
        label={t('registry.systems.department')}
        extra={own ? t('registry.systems.departmentFixed') : undefined}
        rules={[{ required: true, message: t('common.required') }]}
      >
        {can('departments.read') && !own ? (
          <DepartmentSelect current={system?.department} testId="system-department" />
        ) : (
          <Select
            disabled
            options={[own ?? system?.department ?? { id: '', name: '' }].map((d) => ({
              value: d.id,
              label: d.name,
            }))}
            data-testid="system-department"
          />
        )}
      </Form.Item>
      <Form.Item name="operator" label={t('registry.systems.operator')}>
        <Input maxLength={100} data-testid="system-operator" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="origin"
          label={t('registry.systems.origin')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 140px' }}
        >
          <Select
            options={SYSTEM_ORIGINS.map((o) => ({ value: o, label: registryLabel('origin', o) }))}
            data-testid="system-origin"
          />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('registry.systems.level')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 140px' }}
        >
          <Select
            options={SYSTEM_LEVELS.map((l) => ({ value: l, label: registryLabel('level', l) }))}
            data-testid="system-level"
          />
        </Form.Item>
      </Flex>
      {origin === 'vertical' && (
        <Form.Item
          name="verticalLine"
          label={t('registry.systems.verticalLine')}
          rules={[{ required: true, whitespace: true, message: t('registry.systems.verticalLineRequired') }]}
        >
          <Input
            maxLength={60}
            placeholder={t('registry.systems.verticalLinePlaceholder')}
            data-testid="system-vertical-line"
          />
        </Form.Item>
      )}
      <Flex gap={12} wrap>
        <Form.Item
          name="deployment"
          label={t('registry.systems.deployment')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 140px' }}
        >
          <Select
            options={SYSTEM_DEPLOYMENTS.map((d) => ({ value: d, label: registryLabel('deployment', d) }))}
            data-testid="system-deployment"
          />
        </Form.Item>
        <Form.Item
          name="securityLevel"
          label={t('registry.systems.securityLevel')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 140px' }}
        >
          <Select
            options={SECURITY_LEVELS.map((n) => ({ value: n, label: securityLevelLabel(n) }))}
            data-testid="system-security-level"
          />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="status"
          label={t('registry.systems.status')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 140px' }}
        >
          <Select
            options={SYSTEM_STATUSES.map((s) => ({ value: s, label: registryLabel('status', s) }))}
            data-testid="system-status"
          />
        </Form.Item>
        <Form.Item
          name="launchDate"
          label={t('registry.systems.launchDate')}
          dependencies={['status']}
          style={{ flex: '1 1 140px' }}
          rules={[
            { required: needsLaunchDate, message: t('registry.systems.launchDateRequired') },
            {
              validator: (_, d: Dayjs | null | undefined) =>
                noFutureLaunch && d && d.format('YYYY-MM-DD') > today
                  ? Promise.reject(new Error(t('registry.systems.launchDateFuture')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="system-launch-date" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="budget"
          label={t('registry.systems.budget')}
          style={{ flex: '1 1 140px' }}
          rules={[{ type: 'number', min: 0, message: t('registry.systems.notNegative') }]}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="system-budget" />
        </Form.Item>
        <Form.Item
          name="userCount"
          label={t('registry.systems.userCount')}
          style={{ flex: '1 1 140px' }}
          rules={[{ type: 'number', min: 0, message: t('registry.systems.notNegative') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="system-user-count" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="url"
        label={t('registry.systems.url')}
        rules={[{ type: 'url', message: t('registry.systems.urlFormat') }]}
      >
        <Input maxLength={500} placeholder="https://" data-testid="system-url" />
      </Form.Item>
      <Typography.Text strong>{t('registry.systems.interfaces')}</Typography.Text>
      <Form.List
        name="interfaces"
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) => {
              if ((list?.length ?? 0) > MAX_INTERFACES) throw new Error(t('registry.systems.interfacesMax'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="system-interfaces" style={{ marginTop: 8 }}>
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('registry.systems.noInterfaces')}
              </Typography.Paragraph>
            )}
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                styles={{ body: { paddingBottom: 0 } }}
                data-testid={`system-interface-${index}`}
              >
                <Flex gap={8} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('registry.systems.interfaceName')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ flex: '2 1 160px', marginBottom: 8 }}
                  >
                    <Input maxLength={100} data-testid={`system-interface-name-${index}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'direction']}
                    label={t('registry.systems.interfaceDirection')}
                    initialValue="provides"
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ flex: '1 1 90px', marginBottom: 8 }}
                  >
                    <Select
                      options={SYSTEM_INTERFACE_DIRECTIONS.map((d) => ({
                        value: d,
                        label: registryLabel('direction', d),
                      }))}
                      data-testid={`system-interface-direction-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'protocol']}
                    label={t('registry.systems.interfaceProtocol')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ flex: '1 1 90px', marginBottom: 8 }}
                  >
                    <Input
                      maxLength={40}
                      placeholder="HTTPS"
                      data-testid={`system-interface-protocol-${index}`}
                    />
                  </Form.Item>
                </Flex>
                <Flex gap={8} align="flex-end">
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('registry.systems.interfaceDescription')}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input maxLength={500} data-testid={`system-interface-description-${index}`} />
                  </Form.Item>
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('registry.systems.removeInterface', { index: index + 1 })}
                    title={t('registry.systems.removeInterface', { index: index + 1 })}
                    style={{ marginBottom: 8 }}
                    data-testid={`system-interface-remove-${index}`}
                  />
                </Flex>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_INTERFACES}
              onClick={() => add({ direction: 'provides', protocol: 'HTTPS' })}
              data-testid="system-interface-add"
            >
              {t('registry.systems.addInterface')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  );
}
