import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Space,
  Typography,
} from 'antd';
import { FileTextOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type {
  CaseApplicantType,
  CaseIntakeInput,
  CaseIntakeResult,
  Department,
  IntakeMatter,
  Page,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel } from '../../i18n/labels.ts';
import { chinaDate } from '../../shared/chinaTime.ts';
import { PrintSheet } from '../../shared/PrintSheet.tsx';
import { FormErrorAlert } from '../../shared/useFormSubmit.tsx';
import { departmentKeys } from '../departments/api.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { caseKeys, intakeCase, newIdempotencyKey } from './api.ts';
import { showFieldErrors } from './formErrors.ts';
import { MatterSelect } from './MatterSelect.tsx';

interface IntakeForm {
  matterId: string;
  channel: 'window' | 'self_service';
  applicantType: CaseApplicantType;
  name: string;
  idNumber?: string;
  phone?: string;
  departmentId?: string;
}

const FIELD_OF: Record<string, string> = {
  matterId: 'matterId',
  channel: 'channel',
  'applicant.type': 'applicantType',
  'applicant.name': 'name',
  'applicant.idNumber': 'idNumber',
  'applicant.phone': 'phone',
  'applicant.departmentId': 'departmentId',
};

const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** The paper receipt (受理回执 / 收件凭证) handed to the applicant. */
export function IntakeReceipt({ result }: { result: CaseIntakeResult }) {
  const { t } = useTranslation();
  const c = result.case;
  const rows: [string, string][] = [
    [t('cases.intake.receipt.caseNo'), c.caseNo],
    [t('cases.intake.receipt.password'), result.queryPassword ?? '—'],
    [t('cases.intake.receipt.matter'), `${c.matter.name}（${c.matter.code}）`],
    [t('cases.intake.receipt.department'), c.department.name],
    [
      t('cases.intake.receipt.applicant'),
      `${c.applicantName}（${caseLabel('applicantType', c.applicantType)}）`,
    ],
    [
      t('cases.intake.receipt.committed'),
      c.matter.onTheSpot
        ? t('cases.intake.receipt.onTheSpot')
        : t('cases.intake.receipt.committedDays', { days: c.matter.committedLimitDays }),
    ],
    [t('cases.intake.receipt.date'), chinaDate(c.submittedAt ?? new Date())],
    [t('cases.intake.receipt.place'), c.region.name],
  ];
  return (
    <PrintSheet testId="intake-receipt">
      <h1>{t('cases.intake.receipt.title')}</h1>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th style={{ width: '28%' }}>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('cases.intake.receipt.note')}</p>
      <p>{t('cases.intake.receipt.lookup', { url: `${window.location.origin}/status` })}</p>
      <div className="od-print-foot">
        <div>{c.department.name}</div>
        <div>{t('cases.intake.receipt.seal')}</div>
        <div>{chinaDate(c.submittedAt ?? new Date())}</div>
      </div>
    </PrintSheet>
  );
}

function IntakeDone({ result, onAnother }: { result: CaseIntakeResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const c = result.case;
  return (
    <Card data-testid="intake-result">
      <Result
        status="success"
        title={t('cases.intake.resultTitle')}
        subTitle={t('cases.intake.resultSubtitle')}
        extra={[
          <Button
            key="print"
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="intake-print"
          >
            {t('cases.intake.print')}
          </Button>,
          <Link key="open" to={`/cases/${c.id}`} data-testid="intake-open-case">
            <Button icon={<FileTextOutlined />}>{t('cases.intake.openCase')}</Button>
          </Link>,
          <Button key="again" icon={<PlusOutlined />} onClick={onAnother} data-testid="intake-another">
            {t('cases.intake.another')}
          </Button>,
        ]}
      >
        <Descriptions
          column={1}
          bordered
          size="middle"
          style={{ maxWidth: 560, margin: '0 auto' }}
          items={[
            {
              key: 'caseNo',
              label: t('cases.intake.caseNo'),
              children: (
                <Typography.Text
                  copyable
                  strong
                  style={{ fontSize: 18, fontFamily: 'monospace' }}
                  data-testid="intake-case-no"
                >
                  {c.caseNo}
                </Typography.Text>
              ),
            },
            {
              key: 'password',
              label: t('cases.intake.password'),
              children: result.queryPassword ? (
                <Typography.Text
                  strong
                  style={{ fontSize: 22, fontFamily: 'monospace', letterSpacing: 4 }}
                  data-testid="intake-password"
                >
                  {result.queryPassword}
                </Typography.Text>
              ) : (
                '—'
              ),
            },
            { key: 'matter', label: t('cases.intake.matter'), children: c.matter.name },
          ]}
        />
        <Alert
          style={{ maxWidth: 560, margin: '16px auto 0' }}
          type={result.queryPassword ? 'warning' : 'info'}
          showIcon
          title={result.queryPassword ? t('cases.intake.passwordOnce') : t('cases.intake.passwordRetried')}
        />
      </Result>
      <IntakeReceipt result={result} />
    </Card>
  );
}

/** 窗口收件: choose the matter, enter the applicant, take the case in; the password is shown once. */
export function IntakePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IntakeForm>();
  // One key per form fill: a double click or a retried request never makes a second case.
  const [key, setKey] = useState(newIdempotencyKey);
  const [matter, setMatter] = useState<IntakeMatter | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [result, setResult] = useState<CaseIntakeResult | null>(null);
  const applicantType = Form.useWatch('applicantType', form) ?? 'person';
  const internal = matter?.type === 'internal';

  const onMatter = (id: string | undefined, m: IntakeMatter | undefined) => {
    setMatter(m);
    form.setFieldValue('matterId', id);
    const type = form.getFieldValue('applicantType') as CaseApplicantType | undefined;
    if (m?.type === 'internal') form.setFieldsValue({ applicantType: 'department', idNumber: undefined });
    else if (type === 'department')
      form.setFieldsValue({ applicantType: 'person', departmentId: undefined, name: '' });
  };

  /** A department applicant's name is the department's: filled in from the list the chooser loaded. */
  const onDepartment = (id: string | undefined) => {
    const pages = queryClient.getQueriesData<Page<Department>>({ queryKey: departmentKeys.all });
    const found = pages.flatMap(([, page]) => page?.items ?? []).find((d) => d.id === id);
    if (found) form.setFieldsValue({ name: found.name });
  };

  const submit = async (v: IntakeForm) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const body: CaseIntakeInput = {
      matterId: v.matterId,
      channel: v.channel,
      applicant: {
        type: v.applicantType,
        name: v.name.trim(),
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.applicantType === 'department' && v.departmentId ? { departmentId: v.departmentId } : {}),
      },
    };
    try {
      const out = await intakeCase(body, key);
      setResult(out);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    } catch (e) {
      setError(e);
      setUnmatched(showFieldErrors(form, e, FIELD_OF));
    } finally {
      setBusy(false);
    }
  };

  const another = () => {
    setResult(null);
    setError(null);
    setMatter(undefined);
    form.resetFields();
    setKey(newIdempotencyKey());
  };

  if (result) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-intake">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cases.intake.title')}
        </Typography.Title>
        <IntakeDone result={result} onAnother={another} />
      </Space>
    );
  }

  const nameLabel =
    applicantType === 'enterprise'
      ? t('cases.intake.nameEnterprise')
      : applicantType === 'person'
        ? t('cases.intake.namePerson')
        : t('cases.intake.name');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-intake">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('cases.intake.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Form<IntakeForm>
              form={form}
              layout="vertical"
              initialValues={{ channel: 'window', applicantType: 'person' }}
              onFinish={(v) => void submit(v)}
              onValuesChange={() => error !== null && setError(null)}
              data-testid="intake-form"
              style={{ maxWidth: 720 }}
            >
              {error !== null && (
                <div style={{ marginBottom: 16 }}>
                  <FormErrorAlert error={error} unmatched={unmatched} testId="intake-error" />
                </div>
              )}
              <Form.Item
                name="matterId"
                label={t('cases.intake.matter')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <MatterSelect detailed activeOnly onChange={onMatter} testId="intake-matter" />
              </Form.Item>
              {matter && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginTop: -8, marginBottom: 16 }}
                  data-testid="intake-matter-limits"
                  title={`${matter.name} · ${matter.department.name}`}
                  description={
                    matter.onTheSpot
                      ? t('cases.intake.matterOnTheSpot')
                      : t('cases.intake.matterLimits', {
                          committed: matter.committedLimitDays,
                          statutory: matter.statutoryLimitDays,
                        })
                  }
                />
              )}
              <Form.Item name="channel" label={t('cases.intake.channel')}>
                <Radio.Group
                  data-testid="intake-channel"
                  options={(['window', 'self_service'] as const).map((c) => ({
                    value: c,
                    label: caseLabel('channel', c),
                  }))}
                />
              </Form.Item>
              <Typography.Title level={5}>{t('cases.intake.applicant')}</Typography.Title>
              <Form.Item name="applicantType" label={t('cases.intake.applicantType')}>
                <Radio.Group
                  data-testid="intake-applicant-type"
                  options={(internal ? (['department'] as const) : (['person', 'enterprise'] as const)).map(
                    (v) => ({ value: v, label: caseLabel('applicantType', v) }),
                  )}
                />
              </Form.Item>
              {internal && (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                    {t('cases.intake.internalHint')}
                  </Typography.Paragraph>
                  {can('departments.read') && (
                    <Form.Item
                      name="departmentId"
                      label={t('cases.intake.department')}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <DepartmentSelect testId="intake-department" onChange={onDepartment} />
                    </Form.Item>
                  )}
                </>
              )}
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="name"
                    label={nameLabel}
                    rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}
                  >
                    <Input autoComplete="off" data-testid="intake-name" />
                  </Form.Item>
                </Col>
                {!internal && (
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="idNumber"
                      label={
                        applicantType === 'enterprise'
                          ? t('cases.intake.idNumberEnterprise')
                          : t('cases.intake.idNumberPerson')
                      }
                      rules={[{ required: true, whitespace: true, max: 30, message: t('common.required') }]}
                    >
                      <Input autoComplete="off" maxLength={30} data-testid="intake-id-number" />
                    </Form.Item>
                  </Col>
                )}
                <Col xs={24} md={12}>
                  <Form.Item
                    name="phone"
                    label={t('cases.intake.phone')}
                    rules={[{ pattern: PHONE_RE, message: t('cases.intake.phoneFormat') }]}
                  >
                    <Input autoComplete="off" inputMode="tel" maxLength={14} data-testid="intake-phone" />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
                {busy ? t('cases.intake.submitting') : t('cases.intake.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
