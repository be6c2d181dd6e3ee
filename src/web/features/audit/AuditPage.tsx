import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../api/types.ts';

type AuditResult = AuditRecord['result'];
import { auditResultLabel, roleLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { PAGE_SIZE_OPTIONS, useListParams } from '../../shared/useListParams.ts';
import { auditKeys, fetchAudit, type AuditQuery } from './api.ts';
import { VerifyChain } from './VerifyChain.tsx';

const FILTERS = ['actor', 'action', 'result', 'from', 'to'] as const;
const RESULTS: AuditResult[] = ['success', 'failure', 'denied'];
const RESULT_COLORS: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'volcano' };

function asResult(value: string | undefined): AuditResult | undefined {
  return RESULTS.find((r) => r === value);
}

interface FilterValues {
  actor?: string;
  action?: string;
  result?: AuditResult;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Day boundaries in the user's time zone, sent as instants. */
function rangeToQuery(range: FilterValues['range']): { from?: string | undefined; to?: string | undefined } {
  return {
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
}

/** The audit log (audit administrators): search, page, export, and verification of the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();

  const query: AuditQuery = {
    ...list.filters,
    result: asResult(list.filters.result),
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: () => fetchAudit(query),
    placeholderData: keepPreviousData,
  });

  const initial: FilterValues = {
    ...(list.filters.actor ? { actor: list.filters.actor } : {}),
    ...(list.filters.action ? { action: list.filters.action } : {}),
    ...(query.result ? { result: query.result } : {}),
    range:
      list.filters.from || list.filters.to
        ? [
            list.filters.from ? dayjs(list.filters.from) : null,
            list.filters.to ? dayjs(list.filters.to) : null,
          ]
        : null,
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-audit">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <VerifyChain />
      </Card>
      <Card size="small">
        <Form<FilterValues>
          form={form}
          layout="inline"
          initialValues={initial}
          onFinish={(v) =>
            list.setFilters({
              actor: v.actor?.trim(),
              action: v.action?.trim(),
              result: v.result,
              ...rangeToQuery(v.range),
            })
          }
          style={{ rowGap: 12, marginBottom: 12 }}
          data-testid="audit-filters"
        >
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear style={{ width: 160 }} data-testid="audit-actor" />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Input allowClear style={{ width: 180 }} data-testid="audit-action" />
          </Form.Item>
          <Form.Item name="result" label={t('audit.result')}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={RESULTS.map((r) => ({ value: r, label: auditResultLabel(r) }))}
              data-testid="audit-result"
            />
          </Form.Item>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('audit.startDate'), t('audit.endDate')]}
              data-testid="audit-range"
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({
                    actor: undefined,
                    action: undefined,
                    result: undefined,
                    range: null,
                  });
                  list.reset();
                }}
              >
                {t('common.reset')}
              </Button>
              <ExportButton
                path="/api/audit/export.xlsx"
                query={{ ...list.filters }}
                filename="audit.xlsx"
                testId="audit-export"
              />
            </Space>
          </Form.Item>
        </Form>
        {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
        <Table<AuditRecord>
          rowKey="seq"
          size="small"
          data-testid="audit-table"
          loading={result.isFetching}
          dataSource={result.data?.items ?? []}
          scroll={{ x: 1200 }}
          expandable={{
            rowExpandable: (r) => Object.keys(r.detail).length > 0,
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(r.detail, null, 2)}
              </pre>
            ),
          }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: result.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: list.setPage,
          }}
          columns={[
            { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 90 },
            {
              key: 'at',
              dataIndex: 'at',
              title: t('audit.at'),
              width: 170,
              render: (v: string) => formatDateTime(v),
            },
            { key: 'actor', dataIndex: 'actor', title: t('audit.actor'), width: 120 },
            {
              key: 'role',
              dataIndex: 'role',
              title: t('audit.role'),
              width: 140,
              // A comma-separated role list, or api_client / anonymous.
              render: (v: string) =>
                v
                  .split(',')
                  .filter(Boolean)
                  .map((r) => roleLabel(r))
                  .join(t('common.listSeparator')),
            },
            { key: 'action', dataIndex: 'action', title: t('audit.action'), width: 180 },
            { key: 'target', dataIndex: 'target', title: t('audit.target'), ellipsis: true },
            { key: 'scope', dataIndex: 'scope', title: t('audit.scope'), width: 110 },
            { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 130 },
            {
              key: 'result',
              dataIndex: 'result',
              title: t('audit.result'),
              width: 90,
              render: (v: AuditResult) => <Tag color={RESULT_COLORS[v]}>{auditResultLabel(v)}</Tag>,
            },
            {
              key: 'requestId',
              dataIndex: 'requestId',
              title: t('audit.requestId'),
              width: 150,
              ellipsis: true,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
