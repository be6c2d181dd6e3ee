import { defaultStages as domainDefaultStages } from '../../../domain/matters.ts';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  Matter,
  MatterCreateInput,
  MatterLevel,
  MatterStageCode,
  MatterStageInput,
  MatterStageRole,
  MatterType,
  SpecialProcedure,
} from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import { caseLabel, SERVICE_CODES, serviceLabel } from '../../i18n/labels.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { cellStyle, RowsEditor } from './RowsEditor.tsx';

export interface StageValues {
  code: MatterStageCode;
  limitDays: number | null;
  role: MatterStageRole;
  required: boolean;
}

export interface FeeValues {
  name: string;
  amount: number | null;
  basis: string;
}

export interface MatterValues {
  departmentId?: string | undefined;
  basicCode: string;
  level: MatterLevel;
  name: string;
  type: MatterType;
  onTheSpot: boolean;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  maxExtensionDays: number | null;
  visits: number | null;
  onlineDepth: number;
  stages: StageValues[];
  specialProcedures: SpecialProcedure[];
  fees: FeeValues[];
  minHandlingMinutes: number | null;
}

const TOP_FIELDS = [
  'departmentId',
  'basicCode',
  'level',
  'name',
  'type',
  'onTheSpot',
  'statutoryLimitDays',
  'committedLimitDays',
  'maxExtensionDays',
  'visits',
  'onlineDepth',
  'stages',
  'specialProcedures',
  'fees',
  'minHandlingMinutes',
];
const ROW_FIELDS: Record<string, string[]> = {
  stages: ['code', 'limitDays', 'role', 'required'],
  fees: ['name', 'amount', 'basis'],
};

/** Whether the matter form has a field at a server path (`stages.1.role`, `fees`, `name` …). */
export function matterFieldKnown(path: (string | number)[]): boolean {
  const [top, index, sub] = path;
  if (path.length === 1) return typeof top === 'string' && TOP_FIELDS.includes(top);
  return (
    path.length === 3 &&
    typeof top === 'string' &&
    typeof index === 'number' &&
    typeof sub === 'string' &&
    (ROW_FIELDS[top]?.includes(sub) ?? false)
  );
}

/** The domain's default stages for a type, for a new matter. */
export function defaultStages(type: MatterType, onTheSpot: boolean): StageValues[] {
  return domainDefaultStages(type, onTheSpot);
}

export function newMatterValues(departmentId?: string): MatterValues {
  return {
    departmentId,
    basicCode: '',
    level: 'district',
    name: '',
    type: 'licensing',
    onTheSpot: false,
    statutoryLimitDays: 20,
    committedLimitDays: 10,
    maxExtensionDays: 0,
    visits: 1,
    onlineDepth: 3,
    stages: defaultStages('licensing', false),
    specialProcedures: [],
    fees: [],
    minHandlingMinutes: 30,
  };
}

const isStageRole = (r: string): r is MatterStageRole =>
  (SERVICE_CODES.stageRole as readonly string[]).includes(r);
const isSpecial = (p: string): p is SpecialProcedure =>
  (SERVICE_CODES.specialProcedure as readonly string[]).includes(p);

export function matterValues(m: Matter): MatterValues {
  return {
    departmentId: m.department.id,
    basicCode: m.basicCode,
    level: m.level,
    name: m.name,
    type: m.type,
    onTheSpot: m.onTheSpot,
    statutoryLimitDays: m.statutoryLimitDays,
    committedLimitDays: m.committedLimitDays,
    maxExtensionDays: m.maxExtensionDays,
    visits: m.visits,
    onlineDepth: m.onlineDepth,
    stages: m.stages.map((s) => ({
      code: s.code,
      limitDays: s.limitDays,
      role: isStageRole(s.role) ? s.role : 'dept_case_officer',
      required: s.required,
    })),
    specialProcedures: m.specialProcedures.filter(isSpecial),
    fees: m.fees.map((f) => ({ name: f.name, amount: f.amount, basis: f.basis })),
    minHandlingMinutes: m.minHandlingMinutes,
  };
}

/** The request body from the form (numbers left blank go as 0 so the server names the problem). */
export function toMatterInput(v: MatterValues, withDepartment: boolean): MatterCreateInput {
  const n = (x: number | null | undefined) => x ?? 0;
  const stages: MatterStageInput[] = (v.stages ?? []).map((s) => ({
    code: s.code,
    limitDays: s.limitDays ?? null,
    role: s.role,
    required: Boolean(s.required),
  }));
  return {
    ...(withDepartment && v.departmentId ? { departmentId: v.departmentId } : {}),
    basicCode: v.basicCode.trim(),
    level: v.level,
    name: v.name.trim(),
    type: v.type,
    onTheSpot: v.onTheSpot,
    statutoryLimitDays: n(v.statutoryLimitDays),
    committedLimitDays: n(v.committedLimitDays),
    maxExtensionDays: n(v.maxExtensionDays),
    visits: n(v.visits),
    onlineDepth: v.onlineDepth,
    stages,
    specialProcedures: v.specialProcedures ?? [],
    fees: (v.fees ?? []).map((f) => ({ name: f.name.trim(), amount: f.amount ?? 0, basis: f.basis.trim() })),
    minHandlingMinutes: n(v.minHandlingMinutes),
  };
}

/** A version conflict (409): someone saved since this editor read the record. */
export function ConflictAlert({
  error,
  onReload,
  testId,
}: {
  error: unknown;
  onReload: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={
        isApiError(error)
          ? (error.fields.find((f) => f.path === 'version' || f.path === 'updatedAt')?.message ??
            error.message)
          : t('services.edit.conflict')
      }
      description={t('services.edit.conflictHint')}
      action={
        <Button size="small" onClick={onReload} data-testid={`${testId}-reload`}>
          {t('services.edit.reload')}
        </Button>
      }
    />
  );
}

interface FieldsProps {
  /** The bureau chooses the department; an approver's matters are their own department's. */
  chooseDepartment: boolean;
  currentDepartment?: { id: string; name: string } | null | undefined;
}

/** The matter form's fields: identity, limits, visits and online depth, stages, special procedures, fees. */
export function MatterFields({ chooseDepartment, currentDepartment }: FieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<MatterValues>();
  const onTheSpot = Form.useWatch('onTheSpot', form);
  const required = { required: true, message: t('common.required') };

  const fillStages = () => {
    const v = form.getFieldsValue(['type', 'onTheSpot']);
    form.setFieldValue('stages', defaultStages(v.type ?? 'licensing', Boolean(v.onTheSpot)));
  };

  const number = (name: keyof MatterValues, label: string, max: number, extra?: string, min = 0) => (
    <Form.Item name={name} label={label} extra={extra} rules={[required]}>
      <InputNumber
        min={min}
        max={max}
        precision={0}
        style={{ width: '100%' }}
        data-testid={`matter-${name}`}
      />
    </Form.Item>
  );

  return (
    <>
      <Typography.Title level={5}>{t('services.matter.sectionBasic')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="name"
            label={t('services.matter.name')}
            rules={[required, { min: 2, max: 200, message: t('services.edit.nameLength') }]}
          >
            <Input maxLength={200} data-testid="matter-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="type" label={t('services.matter.type')} rules={[required]}>
            <Select<MatterType>
              options={SERVICE_CODES.matterType.map((v) => ({ value: v, label: caseLabel('matterType', v) }))}
              data-testid="matter-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="departmentId"
            label={t('services.matter.department')}
            rules={chooseDepartment ? [required] : []}
            extra={chooseDepartment ? undefined : t('services.edit.ownDepartment')}
          >
            <DepartmentSelect
              current={currentDepartment}
              disabled={!chooseDepartment}
              placeholder={t('services.edit.chooseDepartment')}
              testId="matter-department"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="level" label={t('services.matter.level')} rules={[required]}>
            <Select<MatterLevel>
              options={SERVICE_CODES.matterLevel.map((v) => ({
                value: v,
                label: serviceLabel('matterLevel', v),
              }))}
              popupMatchSelectWidth={false}
              data-testid="matter-level"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="basicCode"
            label={t('services.matter.basicCode')}
            rules={[required, { pattern: /^\d{12}$/, message: t('services.edit.basicCodeFormat') }]}
          >
            <Input
              maxLength={12}
              inputMode="numeric"
              style={{ fontFamily: 'monospace' }}
              data-testid="matter-basic-code"
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('services.edit.codeHint')}
      </Typography.Paragraph>

      <Typography.Title level={5}>{t('services.matter.sectionLimits')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="onTheSpot"
            label={t('services.matter.onTheSpot')}
            valuePropName="checked"
            extra={t('services.edit.onTheSpotHint')}
          >
            <Switch
              data-testid="matter-on-the-spot"
              onChange={(checked) => {
                if (checked) form.setFieldsValue({ statutoryLimitDays: 0, committedLimitDays: 0 });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          {number('statutoryLimitDays', t('services.matter.statutoryLimitDays'), 365)}
        </Col>
        <Col xs={12} md={8}>
          {number(
            'committedLimitDays',
            t('services.matter.committedLimitDays'),
            365,
            onTheSpot ? undefined : t('services.edit.committedHint'),
          )}
        </Col>
        <Col xs={12} md={8}>
          {number('maxExtensionDays', t('services.matter.maxExtensionDays'), 365)}
        </Col>
        <Col xs={12} md={8}>
          {number('visits', t('services.matter.visits'), 10, t('services.edit.visitsHint'))}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="onlineDepth" label={t('services.matter.onlineDepth')} rules={[required]}>
            <Select<number>
              options={[1, 2, 3, 4].map((d) => ({ value: d, label: serviceLabel('onlineDepth', d) }))}
              popupMatchSelectWidth={false}
              data-testid="matter-online-depth"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          {number(
            'minHandlingMinutes',
            t('services.matter.minHandlingMinutes'),
            100000,
            t('services.edit.minHandlingHint'),
          )}
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="specialProcedures" label={t('services.matter.specialProcedures')}>
            <Checkbox.Group
              options={SERVICE_CODES.specialProcedure.map((p) => ({
                value: p,
                label: caseLabel('specialProcedure', p),
              }))}
              data-testid="matter-special-procedures"
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('services.matter.stages')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('services.edit.stagesHint')}{' '}
        <Button
          type="link"
          size="small"
          onClick={fillStages}
          style={{ padding: 0 }}
          data-testid="matter-stages-default"
        >
          {t('services.edit.stagesDefault')}
        </Button>
      </Typography.Paragraph>
      <RowsEditor
        name="stages"
        testId="stage"
        movable
        max={12}
        addLabel={t('services.edit.addStage')}
        emptyText={t('services.edit.noStages')}
        newRow={() => {
          const used = new Set(
            (form.getFieldValue('stages') as StageValues[] | undefined)?.map((s) => s.code),
          );
          const code = SERVICE_CODES.stage.find((c) => !used.has(c)) ?? 'review';
          return { code, limitDays: null, role: 'dept_case_officer', required: true };
        }}
        columns={[
          {
            key: 'code',
            title: t('services.matter.stage'),
            width: 120,
            render: (name, i) => (
              <Form.Item name={[name, 'code']} style={cellStyle} rules={[required]}>
                <Select<MatterStageCode>
                  aria-label={`${t('services.matter.stage')} ${i + 1}`}
                  options={SERVICE_CODES.stage.map((c) => ({ value: c, label: caseLabel('stage', c) }))}
                  data-testid={`stage-${i}-code`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'limitDays',
            title: t('services.matter.stageLimit'),
            width: 120,
            render: (name, i) => (
              <Form.Item name={[name, 'limitDays']} style={cellStyle}>
                <InputNumber
                  min={0}
                  max={365}
                  precision={0}
                  placeholder={t('services.edit.noStageLimit')}
                  aria-label={`${t('services.matter.stageLimit')} ${i + 1}`}
                  style={{ width: '100%' }}
                  data-testid={`stage-${i}-limit`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'role',
            title: t('services.matter.stageRole'),
            width: 170,
            render: (name, i) => (
              <Form.Item name={[name, 'role']} style={cellStyle} rules={[required]}>
                <Select<MatterStageRole>
                  aria-label={`${t('services.matter.stageRole')} ${i + 1}`}
                  options={SERVICE_CODES.stageRole.map((r) => ({
                    value: r,
                    label: caseLabel('stageRole', r),
                  }))}
                  popupMatchSelectWidth={false}
                  data-testid={`stage-${i}-role`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'required',
            title: t('services.matter.stageRequired'),
            width: 80,
            render: (name, i) => (
              <Form.Item name={[name, 'required']} valuePropName="checked" style={cellStyle}>
                <Checkbox
                  aria-label={`${t('services.matter.stageRequired')} ${i + 1}`}
                  data-testid={`stage-${i}-required`}
                />
              </Form.Item>
            ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('services.matter.fees')}
      </Typography.Title>
      <RowsEditor
        name="fees"
        testId="fee"
        max={50}
        addLabel={t('services.edit.addFee')}
        emptyText={t('services.matter.noFees')}
        newRow={() => ({ name: '', amount: 0, basis: '' })}
        columns={[
          {
            key: 'name',
            title: t('services.matter.feeName'),
            width: 180,
            render: (name, i) => (
              <Form.Item name={[name, 'name']} style={cellStyle} rules={[{ ...required, whitespace: true }]}>
                <Input
                  maxLength={100}
                  aria-label={`${t('services.matter.feeName')} ${i + 1}`}
                  data-testid={`fee-${i}-name`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'amount',
            title: t('services.matter.feeAmount'),
            width: 110,
            render: (name, i) => (
              <Form.Item name={[name, 'amount']} style={cellStyle} rules={[required]}>
                <InputNumber
                  min={0}
                  precision={2}
                  aria-label={`${t('services.matter.feeAmount')} ${i + 1}`}
                  style={{ width: '100%' }}
                  data-testid={`fee-${i}-amount`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'basis',
            title: t('services.matter.feeBasis'),
            width: 260,
            render: (name, i) => (
              <Form.Item name={[name, 'basis']} style={cellStyle}>
                <Input
                  maxLength={500}
                  placeholder={t('services.edit.feeBasisPlaceholder')}
                  aria-label={`${t('services.matter.feeBasis')} ${i + 1}`}
                  data-testid={`fee-${i}-basis`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
    </>
  );
}
