import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type {
  BaseResource,
  Dataset,
  DatasetFormat,
  OpenType,
  SharingMethod,
  UpdateFrequency,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import {
  BASE_RESOURCES,
  catalogCodeLabel,
  DATASET_CATEGORIES,
  DATASET_FORMATS,
  OPEN_TYPES,
  SHARING_METHODS,
  SHARING_TYPES,
  UPDATE_FREQUENCIES,
} from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { FormErrorAlert } from '../../shared/useFormSubmit.tsx';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import {
  createDataset,
  datasetAction,
  datasetKeys,
  fetchDataset,
  fetchSourceSystems,
  updateDataset,
} from './api.ts';
import { LevelTag } from './CodeTags.tsx';
import {
  allowedOpenTypes,
  applyDatasetErrors,
  bodyOf,
  EMPTY_FIELD,
  maxLevel,
  valuesOf,
  type DatasetFormValues,
} from './datasetForm.ts';
import { FieldsEditor } from './FieldsEditor.tsx';

/** A resource code's shape (the server checks the category digit and the base-resource item too). */
const CODE_PATTERN = /^[123]\d{5}\d{0,6}\/\d{6}$/;

const NEW_VALUES: Partial<DatasetFormValues> = {
  category: 'department',
  format: 'database',
  updateFrequency: 'monthly',
  sharingType: 'conditional',
  openType: 'closed',
  fields: [{ ...EMPTY_FIELD }],
  keywords: [],
  relatedCodes: [],
};

/** Why an entry's form is read-only. */
type LockReason = 'submitted' | 'deprecated' | 'department';

const LOCK_MESSAGES = {
  submitted: 'catalog.edit.lockedSubmitted',
  deprecated: 'catalog.edit.lockedDeprecated',
  department: 'catalog.edit.lockedDepartment',
} as const satisfies Record<LockReason, string>;

/**
 * The reason an entry cannot be edited, as the server decides (`can.edit`: the caller's department, or
 * the bureau, and a status that allows editing). A deprecated entry is closed to everyone; a submitted
 * one is editable again once withdrawn, which only its provider can do; else it is another department's.
 */
function lockReasonOf(dataset: Dataset): LockReason {
  if (dataset.status === 'deprecated') return 'deprecated';
  if (dataset.status === 'submitted' && dataset.can.withdraw) return 'submitted';
  return 'department';
}

function SourceSystemSelect({
  departmentId,
  value,
  onChange,
  current,
  disabled = false,
}: {
  departmentId: string | undefined;
  value?: string | null;
  onChange?: (id: string | null) => void;
  current: Dataset['sourceSystem'] | undefined;
  /** A locked form: an explicit `disabled` here would otherwise override the form's. */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const query = { departmentId, pageSize: 200, sort: 'name' as const };
  const systems = useQuery({
    queryKey: ['systems', 'options', query],
    queryFn: () => fetchSourceSystems(query),
    enabled: Boolean(departmentId),
  });
  const options = (systems.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: `${current.name}（${current.code}）` });
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={disabled || !departmentId}
      loading={systems.isFetching}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      options={options}
      placeholder={
        departmentId
          ? t('catalog.edit.sourceSystemPlaceholder')
          : t('catalog.edit.sourceSystemNeedsDepartment')
      }
      data-testid="dataset-source-system"
    />
  );
}

interface FormProps {
  /** The entry being edited; none for a new one. */
  dataset: Dataset | null;
}

function DatasetForm({ dataset }: FormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me, can } = useAuth();
  const [form] = Form.useForm<DatasetFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  const bureau = can('catalog.review');
  const status = dataset?.status;
  const locked = dataset !== null && (!dataset.can.edit || status === 'submitted' || status === 'deprecated');
  const lockReason = locked ? lockReasonOf(dataset) : null;
  const published = status === 'published';
  const codeFrozen = (dataset?.version ?? 0) > 0;

  const category = Form.useWatch('category', form);
  const sharingType = Form.useWatch('sharingType', form);
  const openType = Form.useWatch('openType', form);
  const fields = Form.useWatch('fields', form);
  const departmentId = Form.useWatch('departmentId', form);
  const level = maxLevel(fields);
  const allowed = allowedOpenTypes(level, sharingType);

  const initialValues: Partial<DatasetFormValues> = dataset
    ? valuesOf(dataset)
    : { ...NEW_VALUES, ...(bureau ? {} : { departmentId: me.department?.id }) };

  const save = async (values: DatasetFormValues, andSubmit: boolean) => {
    setBusy(andSubmit ? 'submit' : 'save');
    setError(null);
    setUnmatched([]);
    try {
      const body = bodyOf(values);
      let saved: Dataset;
      if (dataset) {
        const { departmentId: _department, code, ...rest } = body;
        saved = await updateDataset(dataset.id, {
          ...rest,
          ...(codeFrozen ? {} : { code }),
          updatedAt: dataset.updatedAt,
          ...(published && values.changeNote?.trim() ? { changeNote: values.changeNote.trim() } : {}),
        });
      } else {
        saved = await createDataset(bureau ? body : { ...body, departmentId: undefined });
      }
      if (andSubmit && saved.can.submit) {
        saved = await datasetAction(saved.id, { action: 'submit', updatedAt: saved.updatedAt });
        message.success(t('catalog.edit.submitted'));
      } else message.success(t('catalog.edit.saved'));
      await queryClient.invalidateQueries({ queryKey: datasetKeys.all });
      navigate(`/catalog/datasets/${saved.id}`);
    } catch (e) {
      setError(e);
      setUnmatched(applyDatasetErrors(form, e, values.fields?.length ?? 0, t));
    } finally {
      setBusy(null);
    }
  };

  const submitWith = (andSubmit: boolean) => {
    form
      .validateFields()
      .then((values) => save(values, andSubmit))
      .catch((info: { errorFields?: { name: (string | number)[] }[] }) => {
        // Client-side problems: bring the first one into view (each is shown beside its input).
        const first = info.errorFields?.[0]?.name;
        if (first) form.scrollToField(first, { behavior: 'smooth', block: 'center' });
      });
  };

  const cancelTo = dataset ? `/catalog/datasets/${dataset.id}` : '/catalog';
  const required = { required: true, message: t('common.required') };

  return (
    <Form<DatasetFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      disabled={locked}
      data-testid="dataset-form"
      scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {locked && (
          <Alert
            type="warning"
            showIcon
            title={lockReason ? t(LOCK_MESSAGES[lockReason]) : undefined}
            data-testid="dataset-locked"
            data-reason={lockReason ?? undefined}
          />
        )}
        {!locked && published && (
          <Alert
            type="info"
            showIcon
            title={t('catalog.edit.publishedNotice', { version: (dataset?.version ?? 0) + 1 })}
            data-testid="dataset-new-version-notice"
          />
        )}
        {!locked && status === 'approved' && (
          <Alert type="warning" showIcon title={t('catalog.edit.approvedNotice')} />
        )}
        {error !== null && <FormErrorAlert error={error} unmatched={unmatched} testId="dataset-form-error" />}

        <Card title={t('catalog.edit.basic')} size="small">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                name="code"
                label={t('catalog.meta.code')}
                extra={codeFrozen ? t('catalog.edit.codeFrozen') : t('catalog.edit.codeHint')}
                rules={[required, { pattern: CODE_PATTERN, message: t('catalog.edit.codeHint') }]}
              >
                <Input
                  disabled={locked || codeFrozen}
                  style={{ fontFamily: 'monospace' }}
                  placeholder="301001001/000001"
                  autoComplete="off"
                  data-testid="dataset-code"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="name"
                label={t('catalog.meta.name')}
                rules={[required, { min: 2, max: 100, message: t('catalog.edit.nameLength') }]}
              >
                <Input maxLength={100} data-testid="dataset-name" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="summary"
            label={t('catalog.meta.summary')}
            extra={t('catalog.edit.summaryHint')}
            rules={[required, { min: 10, max: 2000, message: t('catalog.edit.summaryHint') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="dataset-summary" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="category" label={t('catalog.meta.category')} rules={[required]}>
                <Radio.Group
                  optionType="button"
                  options={DATASET_CATEGORIES.map((c) => ({
                    value: c,
                    label: catalogCodeLabel('category', c),
                  }))}
                  data-testid="dataset-category"
                />
              </Form.Item>
            </Col>
            {category === 'base' && (
              <Col xs={24} md={8}>
                <Form.Item name="baseResource" label={t('catalog.meta.baseResource')} rules={[required]}>
                  <Select<BaseResource>
                    options={BASE_RESOURCES.map((b) => ({
                      value: b,
                      label: catalogCodeLabel('baseResource', b),
                    }))}
                    data-testid="dataset-base-resource"
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item
                name="theme"
                label={t('catalog.meta.theme')}
                rules={category === 'theme' ? [{ ...required, whitespace: true }] : []}
              >
                <Input maxLength={50} data-testid="dataset-theme" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {dataset || !bureau ? (
                <Form.Item
                  label={t('catalog.meta.department')}
                  extra={!dataset && !bureau ? t('catalog.edit.departmentFixed') : undefined}
                >
                  <Input
                    disabled
                    value={dataset?.provider.name ?? me.department?.name ?? ''}
                    data-testid="dataset-department-fixed"
                  />
                </Form.Item>
              ) : (
                <Form.Item name="departmentId" label={t('catalog.meta.department')} rules={[required]}>
                  <DepartmentSelect
                    placeholder={t('catalog.meta.department')}
                    testId="dataset-department"
                    onChange={() => form.setFieldValue('sourceSystemId', null)}
                  />
                </Form.Item>
              )}
            </Col>
            {can('registry.read') && (
              <Col xs={24} md={12}>
                <Form.Item name="sourceSystemId" label={t('catalog.meta.sourceSystem')}>
                  <SourceSystemSelect
                    departmentId={
                      dataset?.provider.id ?? (bureau ? departmentId : me.department?.id) ?? undefined
                    }
                    current={dataset?.sourceSystem}
                    disabled={locked}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="keywords" label={t('catalog.meta.keywords')}>
                <Select<string[]>
                  mode="tags"
                  open={false}
                  tokenSeparators={[',', '，', '、', ' ']}
                  maxCount={20}
                  placeholder={t('catalog.edit.keywordsPlaceholder')}
                  suffixIcon={null}
                  data-testid="dataset-keywords"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="relatedCodes" label={t('catalog.meta.relatedCodes')}>
                <Select<string[]>
                  mode="tags"
                  open={false}
                  tokenSeparators={[',', '，', ' ']}
                  placeholder={t('catalog.edit.relatedPlaceholder')}
                  suffixIcon={null}
                  data-testid="dataset-related-codes"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('catalog.edit.format')} size="small">
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="format" label={t('catalog.meta.format')} rules={[required]}>
                <Select<DatasetFormat>
                  options={DATASET_FORMATS.map((f) => ({ value: f, label: catalogCodeLabel('format', f) }))}
                  data-testid="dataset-format"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="formatDetail" label={t('catalog.meta.formatDetail')}>
                <Input maxLength={200} placeholder="CSV / Oracle / SHP" data-testid="dataset-format-detail" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="updateFrequency" label={t('catalog.meta.updateFrequency')} rules={[required]}>
                <Select<UpdateFrequency>
                  options={UPDATE_FREQUENCIES.map((f) => ({
                    value: f,
                    label: catalogCodeLabel('updateFrequency', f),
                  }))}
                  data-testid="dataset-update-frequency"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="releaseDate"
                label={t('catalog.meta.releaseDate')}
                getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
                normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
              >
                <DatePicker style={{ width: '100%' }} data-testid="dataset-release-date" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('catalog.edit.sharing')} size="small">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="sharingType" label={t('catalog.meta.sharingType')} rules={[required]}>
                <Radio.Group
                  optionType="button"
                  options={SHARING_TYPES.map((s) => ({
                    value: s,
                    label: catalogCodeLabel('sharingType', s),
                  }))}
                  data-testid="dataset-sharing-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sharingMethod" label={t('catalog.meta.sharingMethod')}>
                <Select<SharingMethod>
                  allowClear
                  options={SHARING_METHODS.map((s) => ({
                    value: s,
                    label: catalogCodeLabel('sharingMethod', s),
                  }))}
                  data-testid="dataset-sharing-method"
                />
              </Form.Item>
            </Col>
          </Row>
          {(sharingType === 'conditional' || sharingType === 'none') && (
            <Form.Item
              name="sharingConditions"
              label={
                sharingType === 'none' ? t('catalog.edit.sharingReason') : t('catalog.meta.sharingConditions')
              }
              rules={[{ ...required, whitespace: true }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="dataset-sharing-conditions" />
            </Form.Item>
          )}
          <Form.Item
            name="openType"
            label={t('catalog.meta.openType')}
            extra={
              <span data-testid="dataset-open-type-hint">
                {t('catalog.edit.openTypeHint', {
                  level,
                  allowed: allowed
                    .map((o) => catalogCodeLabel('openType', o))
                    .join(t('common.listSeparator')),
                })}
              </span>
            }
            dependencies={['fields', 'sharingType']}
            rules={[
              required,
              {
                validator: async (_, value: OpenType | undefined) => {
                  if (value && !allowed.includes(value))
                    throw new Error(
                      t('catalog.edit.openTypeHint', {
                        level,
                        allowed: allowed
                          .map((o) => catalogCodeLabel('openType', o))
                          .join(t('common.listSeparator')),
                      }),
                    );
                },
              },
            ]}
          >
            <Radio.Group
              optionType="button"
              options={OPEN_TYPES.map((o) => ({
                value: o,
                label: catalogCodeLabel('openType', o),
                disabled: !allowed.includes(o) && o !== openType,
              }))}
              data-testid="dataset-open-type"
            />
          </Form.Item>
          {openType === 'conditional' && (
            <Form.Item
              name="openConditions"
              label={t('catalog.meta.openConditions')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="dataset-open-conditions" />
            </Form.Item>
          )}
        </Card>

        <Card
          title={t('catalog.edit.fields')}
          size="small"
          extra={
            <Space>
              <Typography.Text type="secondary">
                {t('catalog.edit.fieldsCount', { count: fields?.length ?? 0 })}
              </Typography.Text>
              <LevelTag level={level} />
            </Space>
          }
        >
          <FieldsEditor disabled={locked} />
        </Card>

        {!locked && published && (
          <Card size="small">
            <Form.Item name="changeNote" label={t('catalog.edit.changeNote')} style={{ marginBottom: 0 }}>
              <Input.TextArea
                rows={2}
                maxLength={500}
                showCount
                placeholder={t('catalog.edit.changeNotePlaceholder')}
                data-testid="dataset-change-note"
              />
            </Form.Item>
          </Card>
        )}

        <Flex
          justify="flex-end"
          gap={8}
          wrap
          style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: 'inherit' }}
        >
          <Button disabled={false} onClick={() => navigate(cancelTo)} data-testid="dataset-cancel">
            {t('common.cancel')}
          </Button>
          {!locked && (
            <Button
              icon={<SaveOutlined />}
              type={published ? 'primary' : 'default'}
              loading={busy === 'save'}
              disabled={busy !== null}
              onClick={() => submitWith(false)}
              data-testid="dataset-save"
            >
              {published ? t('catalog.edit.save') : t('catalog.edit.saveDraft')}
            </Button>
          )}
          {!locked && !published && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              disabled={busy !== null}
              onClick={() => submitWith(true)}
              data-testid="dataset-save-submit"
            >
              {t('catalog.edit.saveAndSubmit')}
            </Button>
          )}
        </Flex>
      </Space>
    </Form>
  );
}

/** New dataset (`/catalog/new`) or edit one (`/catalog/datasets/:id/edit`). */
export function DatasetEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const dataset = useQuery({
    queryKey: datasetKeys.detail(id ?? ''),
    queryFn: () => fetchDataset(id!),
    enabled: Boolean(id),
  });

  const back = (
    <Link to={id ? `/catalog/datasets/${id}` : '/catalog'} data-testid="dataset-edit-back">
      <ArrowLeftOutlined /> {id ? (dataset.data?.name ?? t('catalog.detail.back')) : t('catalog.detail.back')}
    </Link>
  );

  let body;
  if (!id) body = <DatasetForm dataset={null} />;
  else if (dataset.isPending) body = <Skeleton active paragraph={{ rows: 12 }} />;
  else if (dataset.isError)
    body =
      isApiError(dataset.error) && dataset.error.status === 404 ? (
        <Result status="404" title={t('catalog.detail.notFound')} />
      ) : (
        <ErrorAlert error={dataset.error} onRetry={() => void dataset.refetch()} />
      );
  // Keyed by the version the form was filled from: a reload after someone else's change starts afresh.
  else body = <DatasetForm key={dataset.data.updatedAt} dataset={dataset.data} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-dataset-edit">
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? t('catalog.edit.editTitle', { name: dataset.data?.name ?? '' }) : t('catalog.edit.createTitle')}
      </Typography.Title>
      {body}
    </Space>
  );
}
