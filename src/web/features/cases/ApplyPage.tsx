import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Pagination,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type {
  ApplicationInput,
  ApplicationResult,
  ApplyGuide,
  ApplyMatter,
  ApplyMatterDetail,
  ApplyMatterQuery,
} from '../../api/types.ts';
import { caseLabel, oneOf } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { FormErrorAlert } from '../../shared/useFormSubmit.tsx';
import { applyKeys, applyOnline, fetchApplyMatter, fetchApplyMatters, newIdempotencyKey } from './api.ts';
import { showFieldErrors } from './formErrors.ts';
import { PublicLayout } from './PublicLayout.tsx';

const PAGE_SIZE = 10;
type PublicType = NonNullable<ApplyMatterQuery['type']>;
const PUBLIC_TYPES: readonly PublicType[] = [
  'licensing',
  'confirmation',
  'adjudication',
  'payment',
  'reward',
  'filing',
  'other_power',
  'public_service',
];

/** The server takes online applications for matters of online depth 3 (网上申请) or 4 (全程网办). */
const canApplyOnline = (m: Pick<ApplyMatter, 'onlineDepth' | 'type'>) =>
  m.onlineDepth >= 3 && m.type !== 'internal';

function MatterFacts({ m }: { m: ApplyMatter }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={6} align="center">
      <Tag color="blue">{caseLabel('matterType', m.type)}</Tag>
      <Tag>
        {m.onTheSpot
          ? t('cases.apply.onTheSpot')
          : `${t('cases.apply.limits')} ${t('cases.apply.limitDays', { days: m.committedLimitDays })}`}
      </Tag>
      <Tag color={m.visits === 0 ? 'green' : 'default'}>
        {m.visits === 0
          ? t('cases.apply.visitsZero')
          : `${t('cases.apply.visits')} ${t('cases.apply.visitsN', { count: m.visits })}`}
      </Tag>
      {canApplyOnline(m) ? (
        <Tag color="green" icon={<CheckCircleOutlined />}>
          {t('cases.apply.online')}
        </Tag>
      ) : (
        <Tag>{t('cases.apply.offline')}</Tag>
      )}
    </Flex>
  );
}

function MatterList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const type = oneOf(PUBLIC_TYPES, params.get('type'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q ?? '');
  const query: ApplyMatterQuery = { q, type, page, pageSize: PAGE_SIZE };
  const result = useQuery({ queryKey: applyKeys.list(query), queryFn: () => fetchApplyMatters(query) });
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="apply-list">
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('cases.apply.subtitle')}
        </Typography.Paragraph>
        <Flex wrap gap={8}>
          <Input.Search
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            placeholder={t('cases.apply.searchPlaceholder')}
            aria-label={t('cases.apply.search')}
            enterButton={t('cases.apply.search')}
            style={{ flex: '1 1 260px', maxWidth: 520 }}
            data-testid="apply-search"
          />
          <Select<PublicType>
            allowClear
            value={type}
            onChange={(v) => set({ type: v })}
            placeholder={t('cases.apply.typeFilter')}
            aria-label={t('cases.apply.typeFilter')}
            options={PUBLIC_TYPES.map((v) => ({ value: v, label: caseLabel('matterType', v) }))}
            style={{ width: 160 }}
            data-testid="apply-type-filter"
          />
        </Flex>
      </Card>
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      {result.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : result.data && result.data.items.length === 0 ? (
        <Card>
          <Empty />
        </Card>
      ) : (
        <Flex vertical gap={8} data-testid="apply-results">
          {result.data?.items.map((m) => (
            <Card key={m.id} size="small" hoverable data-testid={`apply-matter-${m.id}`}>
              <Flex wrap justify="space-between" gap={8} align="center">
                <Flex vertical gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
                  <Link to={`/apply/${m.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
                    {m.name}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.department.name} · <span style={{ fontFamily: 'monospace' }}>{m.code}</span>
                  </Typography.Text>
                  <MatterFacts m={m} />
                </Flex>
                <Link to={`/apply/${m.id}`} data-testid={`apply-open-${m.id}`}>
                  <Button icon={<FileSearchOutlined />}>
                    {canApplyOnline(m) ? t('cases.apply.applyButton') : t('cases.apply.viewGuide')}
                  </Button>
                </Link>
              </Flex>
            </Card>
          ))}
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={result.data?.total ?? 0}
            showSizeChanger={false}
            showTotal={(total) => t('common.total', { total })}
            onChange={(p) => set({ page: p > 1 ? String(p) : undefined })}
            style={{ alignSelf: 'center', marginTop: 8 }}
            size="small"
            data-testid="apply-pager"
          />
        </Flex>
      )}
    </Space>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 6 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

const prose = (text: string, empty: string) =>
  text.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{empty}</Typography.Text>
  );

function Guide({ detail }: { detail: ApplyMatterDetail }) {
  const { t } = useTranslation();
  const m = detail.matter;
  const g: ApplyGuide | null = detail.guide;
  const empty = t('cases.apply.guide.empty');
  return (
    <Card size="small" title={t('cases.apply.guide.title')} data-testid="apply-guide">
      {!g && <Alert type="info" showIcon title={t('cases.apply.guide.none')} style={{ marginBottom: 16 }} />}
      {g && (
        <>
          <Section title={t('cases.apply.guide.conditions')} testId="guide-conditions">
            {prose(g.conditions, empty)}
          </Section>
          <Section title={t('cases.apply.guide.materials')} testId="guide-materials">
            <Table
              size="small"
              rowKey={(r) => r.name}
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={g.materials}
              locale={{ emptyText: empty }}
              columns={[
                { key: 'i', title: '#', width: 40, render: (_, __, i) => i + 1 },
                { dataIndex: 'name', title: t('cases.apply.guide.materialName'), width: 220 },
                {
                  key: 'form',
                  title: t('cases.apply.guide.form'),
                  width: 110,
                  render: (_, r) => caseLabel('materialForm', r.form),
                },
                { dataIndex: 'copies', title: t('cases.apply.guide.copies'), width: 60 },
                {
                  key: 'medium',
                  title: t('cases.apply.guide.medium'),
                  width: 100,
                  render: (_, r) => caseLabel('materialMedium', r.medium),
                },
                {
                  key: 'required',
                  title: t('cases.apply.guide.required'),
                  width: 90,
                  render: (_, r) =>
                    r.required ? t('cases.apply.guide.requiredYes') : t('cases.apply.guide.requiredNo'),
                },
                {
                  key: 'sample',
                  title: t('cases.apply.guide.sample'),
                  width: 140,
                  render: (_, r) =>
                    r.sample && /^https?:\/\//.test(r.sample) ? (
                      <a href={r.sample} target="_blank" rel="noreferrer">
                        {t('cases.apply.guide.sample')}
                      </a>
                    ) : (
                      (r.sample ?? '')
                    ),
                },
              ]}
            />
          </Section>
          <Section title={t('cases.apply.guide.process')} testId="guide-process">
            {prose(g.process, empty)}
          </Section>
        </>
      )}
      <Section title={t('cases.apply.guide.limits')} testId="guide-limits">
        {m.onTheSpot
          ? t('cases.apply.onTheSpot')
          : t('cases.apply.guide.limitsText', {
              statutory: m.statutoryLimitDays,
              committed: m.committedLimitDays,
            })}
        {m.specialProcedures.length > 0 && (
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">{t('cases.apply.guide.specialProcedures')}：</Typography.Text>
            {m.specialProcedures.map((p) => caseLabel('specialProcedure', p)).join(t('common.listSeparator'))}
          </div>
        )}
      </Section>
      <Section title={t('cases.apply.guide.fees')} testId="guide-fees">
        {m.fees.length === 0 ? (
          t('cases.apply.guide.feeFree')
        ) : (
          <Table
            size="small"
            rowKey={(r) => r.name}
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={m.fees}
            columns={[
              { dataIndex: 'name', title: t('cases.apply.guide.feeName'), width: 160 },
              { dataIndex: 'amount', title: t('cases.apply.guide.feeAmount'), width: 100 },
              { dataIndex: 'basis', title: t('cases.apply.guide.feeBasis') },
            ]}
          />
        )}
      </Section>
      {g && (
        <>
          <Section title={t('cases.apply.guide.legalBasis')} testId="guide-legal-basis">
            {prose(g.legalBasis, empty)}
          </Section>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            bordered
            data-testid="guide-contacts"
            items={[
              { key: 'place', label: t('cases.apply.guide.place'), children: g.place || empty },
              { key: 'hours', label: t('cases.apply.guide.hours'), children: g.hours || empty },
              { key: 'phone', label: t('cases.apply.guide.contactPhone'), children: g.contactPhone || empty },
              {
                key: 'complaint',
                label: t('cases.apply.guide.complaintPhone'),
                children: g.complaintPhone || empty,
              },
              {
                key: 'online',
                label: t('cases.apply.guide.onlineUrl'),
                children: g.onlineUrl ? (
                  <a href={g.onlineUrl} target="_blank" rel="noreferrer">
                    {g.onlineUrl}
                  </a>
                ) : (
                  empty
                ),
                span: { xs: 1, md: 2 },
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

interface ApplyForm {
  applicantType: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  phone: string;
  agree: boolean;
}

const FIELD_OF: Record<string, string> = {
  'applicant.type': 'applicantType',
  'applicant.name': 'name',
  'applicant.idNumber': 'idNumber',
  'applicant.phone': 'phone',
};

function ApplyDone({ result }: { result: ApplicationResult }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="apply-done">
      <Result
        status="success"
        title={t('cases.apply.done.title')}
        subTitle={t('cases.apply.done.subtitle')}
        style={{ padding: '16px 0' }}
        extra={
          <Link to={`/status?caseNo=${encodeURIComponent(result.caseNo)}`} data-testid="apply-to-status">
            <Button type="primary">{t('cases.apply.done.toStatus')}</Button>
          </Link>
        }
      >
        <Flex vertical gap={12} style={{ textAlign: 'center' }}>
          <div>
            <Typography.Text type="secondary">{t('cases.apply.done.caseNo')}</Typography.Text>
            <div>
              <Typography.Text
                copyable
                strong
                style={{ fontFamily: 'monospace', fontSize: 17, wordBreak: 'break-all' }}
                data-testid="apply-case-no"
              >
                {result.caseNo}
              </Typography.Text>
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('cases.apply.done.password')}</Typography.Text>
            <div>
              {result.queryPassword ? (
                <Typography.Text
                  copyable
                  strong
                  style={{ fontFamily: 'monospace', fontSize: 24, letterSpacing: 4 }}
                  data-testid="apply-password"
                >
                  {result.queryPassword}
                </Typography.Text>
              ) : (
                '—'
              )}
            </div>
          </div>
        </Flex>
        <Alert
          style={{ marginTop: 12 }}
          type={result.queryPassword ? 'warning' : 'info'}
          showIcon
          title={result.queryPassword ? t('cases.apply.done.save') : t('cases.apply.done.retried')}
          description={
            result.committedLimitDays > 0
              ? t('cases.apply.done.committed', { days: result.committedLimitDays })
              : undefined
          }
        />
      </Result>
    </Card>
  );
}

function ApplyFormCard({ matter }: { matter: ApplyMatterDetail['matter'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplyForm>();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [result, setResult] = useState<ApplicationResult | null>(null);
  const type = Form.useWatch('applicantType', form) ?? 'person';

  if (result) return <ApplyDone result={result} />;
  if (!canApplyOnline(matter))
    return (
      <Card size="small" title={t('cases.apply.form.title')} data-testid="apply-form-card">
        <Alert type="info" showIcon title={t('cases.apply.form.notOnline')} data-testid="apply-not-online" />
      </Card>
    );

  const submit = async (v: ApplyForm) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const body: ApplicationInput = {
      matterId: matter.id,
      channel: 'online',
      applicant: {
        type: v.applicantType,
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone.trim(),
      },
    };
    try {
      setResult(await applyOnline(body, key));
    } catch (e) {
      setError(e);
      setUnmatched(showFieldErrors(form, e, FIELD_OF));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('cases.apply.form.title')} data-testid="apply-form-card">
      <Form<ApplyForm>
        form={form}
        layout="vertical"
        initialValues={{ applicantType: 'person', agree: false }}
        onFinish={(v) => void submit(v)}
        data-testid="apply-form"
      >
        {error !== null && (
          <div style={{ marginBottom: 12 }}>
            <FormErrorAlert error={error} unmatched={unmatched} testId="apply-error" />
          </div>
        )}
        <Form.Item name="applicantType" label={t('cases.apply.form.applicantType')}>
          <Radio.Group
            data-testid="apply-applicant-type"
            options={(['person', 'enterprise'] as const).map((v) => ({
              value: v,
              label: caseLabel('applicantType', v),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={
            type === 'enterprise' ? t('cases.apply.form.nameEnterprise') : t('cases.apply.form.namePerson')
          }
          rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}
        >
          <Input autoComplete={type === 'person' ? 'name' : 'organization'} data-testid="apply-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={
            type === 'enterprise'
              ? t('cases.apply.form.idNumberEnterprise')
              : t('cases.apply.form.idNumberPerson')
          }
          rules={[{ required: true, whitespace: true, max: 30, message: t('common.required') }]}
        >
          <Input autoComplete="off" maxLength={30} data-testid="apply-id-number" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('cases.apply.form.phone')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('cases.apply.form.phoneFormat') },
          ]}
        >
          <Input autoComplete="tel" inputMode="tel" maxLength={14} data-testid="apply-phone" />
        </Form.Item>
        <Form.Item
          name="agree"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, v: boolean) => {
                if (!v) throw new Error(t('cases.apply.form.agreeRequired'));
              },
            },
          ]}
        >
          <Checkbox data-testid="apply-agree">{t('cases.apply.form.agree')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="apply-submit">
          {t('cases.apply.form.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('cases.apply.form.privacy')}
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}

function MatterGuidePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: applyKeys.detail(id), queryFn: () => fetchApplyMatter(id) });
  const back = (
    <Link to="/apply" data-testid="apply-back">
      <ArrowLeftOutlined /> {t('cases.apply.back')}
    </Link>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError)
    return isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400) ? (
      <Result status="404" title={t('cases.apply.notFound')} extra={back} data-testid="apply-not-found" />
    ) : (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
    );
  const m = detail.data.matter;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="apply-matter">
      {back}
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="apply-matter-name">
          {m.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {m.department.name} · <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{m.code}</span>
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <MatterFacts m={m} />
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 15, order: 1 }}>
          <Guide detail={detail.data} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 9, order: 2 }}>
          <ApplyFormCard matter={m} />
        </Col>
      </Row>
    </Space>
  );
}

/** 网上办事 (public): find a matter, read its guide, apply online when the matter allows. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { matterId } = useParams();
  return (
    <PublicLayout title={t('cases.apply.title')} testId="page-apply">
      {matterId ? <MatterGuidePage key={matterId} id={matterId} /> : <MatterList />}
    </PublicLayout>
  );
}
