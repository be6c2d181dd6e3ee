import { Button, Card, DatePicker, Select, Tag, Tooltip, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../api/types.ts';
import {
  AUDIT_ACTIONS,
  AUDIT_RESULTS,
  auditActionLabel,
  auditResultLabel,
  oneOf,
  roleLabel,
  type AuditResult,
} from '../../i18n/labels.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { auditKeys, fetchAudit } from './api.ts';
import { VerifyChain } from './VerifyChain.tsx';

const FILTERS = ['actor', 'action', 'result', 'from', 'to'] as const;
const RESULT_COLORS: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'volcano' };

type Range = [Dayjs | null, Dayjs | null] | null;

/** Day boundaries in the user's time zone, sent as instants. */
function rangeToQuery(range: Range): { from: string | undefined; to: string | undefined } {
  return {
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
}

/** The action in the user's language: the server's `actionLabel`, else the UI's own label, else the code. */
function actionText(record: AuditRecord): string {
  return record.actionLabel || auditActionLabel(record.action);
}

/** The audit log (audit administrators): search, page, export, and verification of the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const table = useListTable({
    filters: FILTERS,
    toQuery: ({ filters, page, pageSize }) => ({
      ...filters,
      result: oneOf(AUDIT_RESULTS, filters.result),
      page,
      pageSize,
    }),
    queryKey: auditKeys.list,
    fetch: fetchAudit,
  });
  const { list, query } = table;
  const range: Range =
    list.filters.from || list.filters.to
      ? [list.filters.from ? dayjs(list.filters.from) : null, list.filters.to ? dayjs(list.filters.to) : null]
      : null;

  const columns: TableColumnsType<AuditRecord> = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 70 },
    {
      key: 'at',
      dataIndex: 'at',
      title: t('audit.at'),
      width: 165,
      render: (v: string) => formatDateTime(v),
    },
    { key: 'actor', dataIndex: 'actor', title: t('audit.actor'), width: 140, ellipsis: true },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('audit.role'),
      width: 140,
      ellipsis: true,
      // A comma-separated role list, or api_client / anonymous / system.
      render: (v: string) =>
        v
          .split(',')
          .filter(Boolean)
          .map((r) => roleLabel(r))
          .join(t('common.listSeparator')),
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      width: 160,
      ellipsis: { showTitle: false },
      render: (_: unknown, record: AuditRecord) => (
        <Tooltip title={t('audit.actionCode', { code: record.action })}>
          <span data-action={record.action}>{actionText(record)}</span>
        </Tooltip>
      ),
    },
    { key: 'target', dataIndex: 'target', title: t('audit.target'), width: 180, ellipsis: true },
    { key: 'scope', dataIndex: 'scope', title: t('audit.scope'), width: 100, ellipsis: true },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 120, ellipsis: true },
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
      width: 140,
      ellipsis: true,
    },
  ];

  return (
    <ListPage title={t('audit.title')} testId="page-audit">
      <Card size="small">
        <VerifyChain />
      </Card>
      <Card size="small">
        <div data-testid="audit-filters">
          <ListToolbar
            search={{
              value: list.filters.actor,
              onSearch: (actor) => list.setFilters({ actor }),
              placeholder: t('audit.actorPlaceholder'),
              testId: 'audit-actor',
              width: 220,
              enterButton: (
                <Button
                  icon={<SearchOutlined />}
                  aria-label={t('common.search')}
                  data-testid="audit-search"
                />
              ),
            }}
            onReset={list.reset}
            exportTo={{
              path: '/api/audit/export.xlsx',
              query,
              filename: 'audit.xlsx',
              testId: 'audit-export',
            }}
          >
            <Select<string>
              allowClear
              showSearch={{
                filterOption: (input, option) =>
                  `${option?.label ?? ''} ${option?.value ?? ''}`.toLowerCase().includes(input.toLowerCase()),
              }}
              placeholder={t('audit.action')}
              value={list.filters.action}
              onChange={(action) => list.setFilters({ action })}
              options={AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a) }))}
              style={{ width: 200 }}
              popupMatchSelectWidth={false}
              data-testid="audit-action"
            />
            <Select<AuditResult>
              allowClear
              placeholder={t('audit.result')}
              value={query.result}
              onChange={(result) => list.setFilters({ result })}
              options={AUDIT_RESULTS.map((r) => ({ value: r, label: auditResultLabel(r) }))}
              style={{ width: 120 }}
              data-testid="audit-result"
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={range}
              onChange={(value) => list.setFilters(rangeToQuery(value))}
              placeholder={[t('audit.startDate'), t('audit.endDate')]}
              aria-label={t('audit.dateRange')}
              data-testid="audit-range"
            />
          </ListToolbar>
        </div>
        <ListTable<AuditRecord>
          table={table}
          rowKey="seq"
          testId="audit-table"
          columns={columns}
          expandable={{
            rowExpandable: (r) => Object.keys(r.detail).length > 0,
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(r.detail, null, 2)}
              </pre>
            ),
          }}
        />
      </Card>
    </ListPage>
  );
}
