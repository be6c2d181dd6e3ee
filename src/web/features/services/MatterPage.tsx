import { useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileTextOutlined, LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors.ts';
import type { Guide, GuideMaterial, Matter, MatterDetail, MatterFee, MatterStage } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, serviceLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { errorText } from '../../shared/errorText.ts';
import { createMatter, fetchMatter, matterKeys, saveGuide, setMatterStatus, updateMatter } from './api.ts';
import { MatterStatusTag, useOwnDepartment } from './codes.tsx';
import { EditDrawer } from './EditDrawer.tsx';
import { chinaDateTime } from './format.ts';
import { GuideFields, guideFieldKnown, guideValues, toGuideInput, type GuideValues } from './GuideForm.tsx';
import {
  ConflictAlert,
  MatterFields,
  matterFieldKnown,
  matterValues,
  newMatterValues,
  toMatterInput,
  type MatterValues,
} from './MatterForm.tsx';
import { VisitsText } from './MattersPage.tsx';
import { useNestedFormSubmit } from './useNestedFormSubmit.tsx';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/services/matters" data-testid="matter-back">
      <ArrowLeftOutlined /> {t('services.matter.back')}
    </Link>
  );
}

/** Text of a guide element, or a clear "not given" (which guide inspection reports). */
function Text({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value?.trim())
    return (
      <Typography.Text type="danger" italic>
        {t('services.guide.missing')}
      </Typography.Text>
    );
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
}

function StagesTable({ stages }: { stages: MatterStage[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MatterStage> = [
    { key: 'order', title: '#', width: 40, render: (_: unknown, _s, i) => i + 1 },
    { key: 'code', title: t('services.matter.stage'), render: (_: unknown, s) => caseLabel('stage', s.code) },
    {
      key: 'limit',
      title: t('services.matter.stageLimit'),
      render: (_: unknown, s) =>
        s.limitDays === null ? (
          <Typography.Text type="secondary">{t('services.matter.noStageLimit')}</Typography.Text>
        ) : (
          t('services.matter.days', { count: s.limitDays })
        ),
    },
    {
      key: 'role',
      title: t('services.matter.stageRole'),
      render: (_: unknown, s) => caseLabel('stageRole', s.role),
    },
    {
      key: 'required',
      title: t('services.matter.stageRequired'),
      render: (_: unknown, s) => (s.required ? t('common.yes') : t('services.matter.optional')),
    },
  ];
  return (
    <Table<MatterStage>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={stages}
      pagination={false}
      data-testid="matter-stages"
    />
  );
}

function FeesTable({ fees }: { fees: MatterFee[] }) {
  const { t } = useTranslation();
  if (fees.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="matter-fees">
        {t('services.matter.noFees')}
      </Typography.Text>
    );
  const columns: TableColumnsType<MatterFee> = [
    { key: 'name', dataIndex: 'name', title: t('services.matter.feeName') },
    {
      key: 'amount',
      title: t('services.matter.feeAmount'),
      align: 'right',
      render: (_: unknown, f) => t('services.matter.yuan', { amount: f.amount.toFixed(2) }),
    },
    {
      key: 'basis',
      title: t('services.matter.feeBasis'),
      render: (_: unknown, f) => <Text value={f.basis} />,
    },
  ];
  return (
    <Table<MatterFee>
      size="small"
      rowKey={(f) => f.name}
      columns={columns}
      dataSource={fees}
      pagination={false}
      data-testid="matter-fees"
    />
  );
}

function MaterialsTable({ materials }: { materials: GuideMaterial[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<GuideMaterial> = [
    { key: 'order', title: '#', width: 40, render: (_: unknown, _m, i) => i + 1 },
    { key: 'name', dataIndex: 'name', title: t('services.guide.materialName'), width: 220 },
    {
      key: 'form',
      title: t('services.guide.materialForm'),
      width: 110,
      render: (_: unknown, m) => caseLabel('materialForm', m.form),
    },
    {
      key: 'copies',
      dataIndex: 'copies',
      title: t('services.guide.materialCopies'),
      width: 70,
      align: 'right',
    },
    {
      key: 'medium',
      title: t('services.guide.materialMedium'),
      width: 110,
      render: (_: unknown, m) => caseLabel('materialMedium', m.medium),
    },
    {
      key: 'required',
      title: t('services.guide.materialRequired'),
      width: 80,
      render: (_: unknown, m) => (m.required ? t('common.yes') : t('services.matter.optional')),
    },
    {
      key: 'sample',
      title: t('services.guide.materialSample'),
      width: 200,
      render: (_: unknown, m) =>
        m.sample ? (
          /^https?:\/\//i.test(m.sample) ? (
            <a href={m.sample} target="_blank" rel="noopener noreferrer">
              {t('services.guide.sampleLink')}
            </a>
          ) : (
            m.sample
          )
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<GuideMaterial>
      size="small"
      rowKey={(m) => m.name}
      columns={columns}
      dataSource={materials}
      pagination={false}
      scroll={{ x: 830 }}
      locale={{ emptyText: t('services.guide.noMaterials') }}
      data-testid="guide-materials"
    />
  );
}

function MatterFacts({ m }: { m: Matter }) {
  const { t } = useTranslation();
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    {
      key: 'code',
      label: t('services.matter.code'),
      children: (
        <Typography.Text copyable code>
          {m.code}
        </Typography.Text>
      ),
      span: 2,
    },
    { key: 'type', label: t('services.matter.type'), children: caseLabel('matterType', m.type) },
    { key: 'level', label: t('services.matter.level'), children: serviceLabel('matterLevel', m.level) },
    { key: 'department', label: t('services.matter.department'), children: m.department.name },
    { key: 'region', label: t('services.matter.region'), children: m.regionCode },
    {
      key: 'limits',
      label: t('services.matter.limits'),
      children: m.onTheSpot ? (
        <Tag color="green">{t('services.matter.onTheSpotLong')}</Tag>
      ) : (
        t('services.matter.limitsLong', { committed: m.committedLimitDays, statutory: m.statutoryLimitDays })
      ),
      span: 2,
    },
    {
      key: 'extension',
      label: t('services.matter.maxExtensionDays'),
      children:
        m.maxExtensionDays > 0
          ? t('services.matter.days', { count: m.maxExtensionDays })
          : t('services.matter.noExtension'),
    },
    { key: 'visits', label: t('services.matter.visits'), children: <VisitsText visits={m.visits} /> },
    {
      key: 'onlineDepth',
      label: t('services.matter.onlineDepth'),
      children: serviceLabel('onlineDepth', m.onlineDepth),
      span: 2,
    },
    {
      key: 'special',
      label: t('services.matter.specialProcedures'),
      children:
        m.specialProcedures.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {m.specialProcedures.map((p) => (
              <Tag key={p} style={{ marginInlineEnd: 0 }}>
                {caseLabel('specialProcedure', p)}
              </Tag>
            ))}
          </Flex>
        ),
      span: 2,
    },
    {
      key: 'minHandling',
      label: t('services.matter.minHandlingMinutes'),
      children: t('services.matter.minutes', { count: m.minHandlingMinutes }),
    },
    {
      key: 'updated',
      label: t('services.matter.updatedAt'),
      children: `${chinaDateTime(m.updatedAt)} · v${m.version}`,
    },
  ];
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} data-testid="matter-facts" />
  );
}

function GuideView({ guide }: { guide: Guide }) {
  const { t } = useTranslation();
  const items = [
    {
      key: 'conditions',
      label: t('services.guide.conditions'),
      children: <Text value={guide.conditions} />,
      span: 2,
    },
    { key: 'process', label: t('services.guide.process'), children: <Text value={guide.process} />, span: 2 },
    {
      key: 'legalBasis',
      label: t('services.guide.legalBasis'),
      children: <Text value={guide.legalBasis} />,
      span: 2,
    },
    { key: 'place', label: t('services.guide.place'), children: <Text value={guide.place} />, span: 2 },
    { key: 'hours', label: t('services.guide.hours'), children: <Text value={guide.hours} />, span: 2 },
    {
      key: 'contactPhone',
      label: t('services.guide.contactPhone'),
      children: <Text value={guide.contactPhone} />,
    },
    {
      key: 'complaintPhone',
      label: t('services.guide.complaintPhone'),
      children: <Text value={guide.complaintPhone} />,
    },
    {
      key: 'onlineUrl',
      label: t('services.guide.onlineUrl'),
      span: 2,
      children: guide.onlineUrl ? (
        <a href={guide.onlineUrl} target="_blank" rel="noopener noreferrer" data-testid="guide-online-link">
          <LinkOutlined /> {guide.onlineUrl}
        </a>
      ) : (
        <Typography.Text type="secondary">{t('services.guide.noOnlineUrl')}</Typography.Text>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={items}
        styles={{ label: { minWidth: 120 } }}
        data-testid="guide-facts"
      />
      <div>
        <Typography.Title level={5}>{t('services.guide.materials')}</Typography.Title>
        <MaterialsTable materials={guide.materials} />
      </div>
      <Typography.Text type="secondary">
        {t('services.guide.updated', { at: chinaDateTime(guide.updatedAt), by: guide.updatedBy ?? '–' })}
      </Typography.Text>
    </Space>
  );
}

/** 新增事项: the matter form on a page; the guide is written next, on the matter's page. */
function MatterCreate() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const own = useOwnDepartment();
  const [form] = Form.useForm<MatterValues>();
  const [initial] = useState(() => newMatterValues(own?.id));
  const submit = useNestedFormSubmit<MatterValues>(
    form,
    matterFieldKnown,
    async (values) => {
      const out = await createMatter(toMatterInput(values, !own));
      message.success(t('services.edit.created', { name: out.matter.name }));
      await queryClient.invalidateQueries({ queryKey: matterKeys.all });
      navigate(`/services/matters/${out.matter.id}`, { state: { created: true } });
    },
    'matter-create-error',
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-matter-new">
      <BackLink />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('services.matters.create')}
      </Typography.Title>
      <Card>
        {submit.alert}
        <Form<MatterValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit.onFinish}
          scrollToFirstError
        >
          <MatterFields chooseDepartment={!own} currentDepartment={own} />
          <Flex gap={8} justify="flex-end" style={{ marginTop: 24 }}>
            <Button onClick={() => navigate('/services/matters')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="matter-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Space>
  );
}

function MatterEditDrawer({
  detail,
  open,
  onClose,
  onReload,
}: {
  detail: MatterDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => Promise<MatterDetail | undefined>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const own = useOwnDepartment();
  const [form] = Form.useForm<MatterValues>();
  const m = detail.matter;
  const submit = useNestedFormSubmit<MatterValues>(
    form,
    matterFieldKnown,
    async (values) => {
      const out = await updateMatter(m.id, { ...toMatterInput(values, !own), version: m.version });
      queryClient.setQueryData(matterKeys.detail(m.id), out);
      await queryClient.invalidateQueries({ queryKey: matterKeys.all });
      message.success(t('services.edit.saved', { name: out.matter.name }));
      onClose();
    },
    'matter-edit-error',
    (e) =>
      isApiError(e) && e.status === 409 && e.fields.some((f) => f.path === 'version') ? (
        <ConflictAlert
          error={e}
          testId="matter-conflict"
          onReload={() =>
            void onReload().then((fresh) => {
              if (!fresh) return;
              submit.clear();
              form.resetFields();
              form.setFieldsValue(matterValues(fresh.matter));
            })
          }
        />
      ) : null,
  );
  return (
    <EditDrawer<MatterValues>
      open={open}
      onClose={onClose}
      title={t('services.edit.matterTitle', { name: m.name })}
      form={form}
      submit={submit}
      initialValues={matterValues(m)}
      testId="matter-drawer"
      saveTestId="matter-save"
    >
      <MatterFields chooseDepartment={!own} currentDepartment={m.department} />
    </EditDrawer>
  );
}

function GuideEditDrawer({
  detail,
  open,
  onClose,
  onReload,
}: {
  detail: MatterDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => Promise<MatterDetail | undefined>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GuideValues>();
  const m = detail.matter;
  const submit = useNestedFormSubmit<GuideValues>(
    form,
    guideFieldKnown,
    async (values) => {
      const guide = await saveGuide(m.id, toGuideInput(values, detail.guide?.updatedAt));
      queryClient.setQueryData<MatterDetail>(matterKeys.detail(m.id), (d) => (d ? { ...d, guide } : d));
      message.success(t('services.edit.guideSaved'));
      onClose();
    },
    'guide-edit-error',
    (e) =>
      isApiError(e) && e.status === 409 ? (
        <ConflictAlert
          error={e}
          testId="guide-conflict"
          onReload={() =>
            void onReload().then((fresh) => {
              if (!fresh) return;
              submit.clear();
              form.resetFields();
              form.setFieldsValue(guideValues(fresh.guide));
            })
          }
        />
      ) : null,
  );
  return (
    <EditDrawer<GuideValues>
      open={open}
      onClose={onClose}
      title={t('services.edit.guideTitle', { name: m.name })}
      form={form}
      submit={submit}
      initialValues={guideValues(detail.guide)}
      testId="guide-drawer"
      saveTestId="guide-save"
    >
      <GuideFields />
    </EditDrawer>
  );
}

function StatusButton({ m, onDone }: { m: Matter; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const verb = m.status === 'active' ? 'suspend' : 'activate';
  const run = async () => {
    setBusy(true);
    try {
      const out = await setMatterStatus(m.id, verb, m.version);
      queryClient.setQueryData(matterKeys.detail(m.id), out);
      await queryClient.invalidateQueries({ queryKey: matterKeys.all });
      message.success(verb === 'suspend' ? t('services.matter.suspended') : t('services.matter.activated'));
    } catch (e) {
      message.error(errorText(e, t));
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={verb === 'suspend' ? t('services.matter.suspendConfirm') : t('services.matter.activateConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => void run()}
    >
      <Button danger={verb === 'suspend'} loading={busy} data-testid={`matter-${verb}`}>
        {verb === 'suspend' ? t('services.matter.suspend') : t('services.matter.activate')}
      </Button>
    </Popconfirm>
  );
}

function MatterView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const own = useOwnDepartment();
  const [editing, setEditing] = useState<'matter' | 'guide' | null>(null);
  const result = useQuery({ queryKey: matterKeys.detail(id), queryFn: () => fetchMatter(id) });
  const detail = result.data;

  if (result.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (result.isError || !detail) {
    if (isApiError(result.error) && result.error.status === 404)
      return (
        <Result
          status="404"
          title={t('services.matter.notFound')}
          extra={<BackLink />}
          data-testid="matter-not-found"
        />
      );
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <BackLink />
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      </Space>
    );
  }
  const m = detail.matter;
  const canEdit = can('matters.edit') && (!own || own.id === m.department.id);
  const reload = async () => (await result.refetch()).data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-matter">
      <BackLink />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="matter-title">
            {m.name}
          </Typography.Title>
          <Flex gap={6} wrap style={{ marginTop: 6 }}>
            <MatterStatusTag status={m.status} />
            <Tag style={{ marginInlineEnd: 0 }}>{caseLabel('matterType', m.type)}</Tag>
            {m.onTheSpot && (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('services.matter.onTheSpot')}
              </Tag>
            )}
            {m.visits === 0 && (
              <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
                {t('services.matter.noVisit')}
              </Tag>
            )}
          </Flex>
        </div>
        {canEdit && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing('matter')} data-testid="matter-edit">
              {t('services.matter.edit')}
            </Button>
            <Button icon={<FileTextOutlined />} onClick={() => setEditing('guide')} data-testid="guide-edit">
              {t('services.guide.edit')}
            </Button>
            <StatusButton m={m} onDone={() => void result.refetch()} />
          </Space>
        )}
      </Flex>
      <Card size="small" title={t('services.matter.sectionFacts')}>
        <MatterFacts m={m} />
      </Card>
      <Card size="small" title={t('services.matter.stages')}>
        <StagesTable stages={m.stages} />
      </Card>
      <Card size="small" title={t('services.matter.fees')}>
        <FeesTable fees={m.fees} />
      </Card>
      <Card size="small" title={t('services.guide.title')} data-testid="guide-card">
        {detail.guide ? (
          <GuideView guide={detail.guide} />
        ) : (
          <Empty description={t('services.guide.none')} data-testid="guide-none">
            {canEdit && (
              <Button type="primary" onClick={() => setEditing('guide')} data-testid="guide-write">
                {t('services.guide.write')}
              </Button>
            )}
          </Empty>
        )}
      </Card>
      {canEdit && (
        <>
          <MatterEditDrawer
            detail={detail}
            open={editing === 'matter'}
            onClose={() => setEditing(null)}
            onReload={reload}
          />
          <GuideEditDrawer
            detail={detail}
            open={editing === 'guide'}
            onClose={() => setEditing(null)}
            onReload={reload}
          />
        </>
      )}
    </Space>
  );
}

/** A matter and its guide (view, edit, suspend / activate), or 新增事项 at /services/matters/new. */
export function MatterPage() {
  const { id } = useParams();
  return id ? <MatterView key={id} id={id} /> : <MatterCreate />;
}
