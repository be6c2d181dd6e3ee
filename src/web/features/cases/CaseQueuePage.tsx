import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Statistic,
  Tabs,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseChannel, CaseClockFilter, CaseListItem, CaseQuery, CaseStatus } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { useRegionScope } from '../../app/regionScope.tsx';
import {
  CASE_CHANNELS,
  CASE_CLOCK_FILTERS,
  CASE_SORT_FIELDS,
  CASE_STATUSES,
  caseLabel,
  oneOf,
} from '../../i18n/labels.ts';
import { chinaDateTime } from '../../shared/chinaTime.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { caseKeys, countCases, fetchCases } from './api.ts';
import { CaseStatusTag, ClockTag, CLOCK_COLORS } from './common.tsx';
import { MatterSelect } from './MatterSelect.tsx';

const FILTERS = ['q', 'status', 'clock', 'channel', 'departmentId', 'matterId', 'internal', 'scope'] as const;

const SCOPES = ['open', 'closed', 'all'] as const;
type Scope = (typeof SCOPES)[number];
type QuickTab = 'all' | 'warning' | 'overdue' | 'supplementing';

/** Roles whose cases the server limits to their own department. */
const DEPARTMENT_ROLES = ['dept_case_officer', 'dept_case_approver', 'dept_data_officer'];

function openOf(scope: Scope): CaseQuery['open'] {
  return scope === 'open' ? 'true' : scope === 'closed' ? 'false' : undefined;
}

/** The counts above the queue: open cases, due soon, overdue and paused, in the same scope as the list. */
function QueueSummary({ base, onPick }: { base: CaseQuery; onPick: (tab: QuickTab | 'paused') => void }) {
  const { t } = useTranslation();
  const queries = {
    open: { ...base, open: 'true' },
    warning: { ...base, open: 'true', clock: 'warning' },
    overdue: { ...base, open: 'true', clock: 'overdue' },
    paused: { ...base, open: 'true', clock: 'paused' },
  } satisfies Record<string, CaseQuery>;
  const open = useQuery({ queryKey: caseKeys.count(queries.open), queryFn: () => countCases(queries.open) });
  const warning = useQuery({
    queryKey: caseKeys.count(queries.warning),
    queryFn: () => countCases(queries.warning),
  });
  const overdue = useQuery({
    queryKey: caseKeys.count(queries.overdue),
    queryFn: () => countCases(queries.overdue),
  });
  const paused = useQuery({
    queryKey: caseKeys.count(queries.paused),
    queryFn: () => countCases(queries.paused),
  });
  const tiles: {
    key: 'open' | 'warning' | 'overdue' | 'paused';
    label: string;
    value: number | undefined;
    color: string | undefined;
    loading: boolean;
    pick: QuickTab | 'paused';
  }[] = [
    {
      key: 'open',
      label: t('cases.queue.summary.open'),
      value: open.data,
      color: undefined,
      loading: open.isPending,
      pick: 'all',
    },
    {
      key: 'warning',
      label: t('cases.queue.summary.warning'),
      value: warning.data,
      color: CLOCK_COLORS.warning,
      loading: warning.isPending,
      pick: 'warning',
    },
    {
      key: 'overdue',
      label: t('cases.queue.summary.overdue'),
      value: overdue.data,
      color: CLOCK_COLORS.overdue,
      loading: overdue.isPending,
      pick: 'overdue',
    },
    {
      key: 'paused',
      label: t('cases.queue.summary.paused'),
      value: paused.data,
      color: CLOCK_COLORS.paused,
      loading: paused.isPending,
      pick: 'paused',
    },
  ];
  const total = open.data ?? 0;
  const shares = tiles.slice(1).map((s) => ({ ...s, share: total > 0 ? (s.value ?? 0) / total : 0 }));
  return (
    <Card size="small" data-testid="case-summary">
      <Row gutter={[16, 12]} align="middle">
        {tiles.map((s) => (
          <Col key={s.key} xs={12} sm={6} md={4}>
            <button
              type="button"
              onClick={() => onPick(s.pick)}
              style={{ all: 'unset', cursor: 'pointer', display: 'block' }}
              data-testid={`case-summary-${s.key}`}
            >
              <Statistic
                title={s.label}
                value={s.value ?? 0}
                loading={s.loading}
                styles={{ content: s.color ? { color: s.color } : {} }}
              />
            </button>
          </Col>
        ))}
        <Col xs={24} md={8}>
          {/* One bar: the share of open cases per clock condition, read at a glance. */}
          <div aria-label={t('cases.queue.summary.chart')} role="img">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cases.queue.summary.chart')}
            </Typography.Text>
            <div
              style={{
                display: 'flex',
                height: 12,
                borderRadius: 6,
                overflow: 'hidden',
                background: CLOCK_COLORS.normal,
                marginTop: 6,
              }}
            >
              {shares.map((s) =>
                s.share > 0 ? (
                  <Tooltip key={s.key} title={`${s.label} ${s.value}`}>
                    <div style={{ width: `${s.share * 100}%`, background: s.color }} />
                  </Tooltip>
                ) : null,
              )}
            </div>
            <Flex gap={12} wrap style={{ marginTop: 4, fontSize: 12 }}>
              <span>
                <Badge color={CLOCK_COLORS.normal} text={t('cases.queue.summary.normal')} />
              </span>
              {shares.map((s) => (
                <span key={s.key}>
                  <Badge color={s.color} text={s.label} />
                </span>
              ))}
            </Flex>
          </div>
        </Col>
      </Row>
    </Card>
  );
}

/** The window officer's workbench: cases in scope, the least time left first, coloured by their clock. */
export function CaseQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, can } = useAuth();
  const { selected, root } = useRegionScope();
  const regionCode = selected.code === root.code ? undefined : selected.code;
  const ownDepartmentOnly = me.roles.length > 0 && me.roles.every((r) => DEPARTMENT_ROLES.includes(r));

  const table = useListTable({
    filters: FILTERS,
    sortFields: CASE_SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }): CaseQuery => ({
      q: filters.q,
      status: oneOf(CASE_STATUSES, filters.status),
      clock: oneOf(CASE_CLOCK_FILTERS, filters.clock),
      channel: oneOf(CASE_CHANNELS, filters.channel),
      departmentId: ownDepartmentOnly ? undefined : filters.departmentId,
      matterId: filters.matterId,
      internal: filters.internal === 'true' || filters.internal === 'false' ? filters.internal : undefined,
      open: openOf(oneOf(SCOPES, filters.scope) ?? 'open'),
      regionCode,
      // The server sorts ascending only: the least time left, the oldest, the lowest number first.
      sort: sort && !sort.startsWith('-') ? (sort as CaseQuery['sort']) : undefined,
      page,
      pageSize,
    }),
    queryKey: caseKeys.list,
    fetch: fetchCases,
  });
  const { list, query } = table;
  const scope = oneOf(SCOPES, list.filters.scope) ?? 'open';

  const summaryBase = useMemo<CaseQuery>(
    () => ({
      departmentId: query.departmentId,
      matterId: query.matterId,
      channel: query.channel,
      internal: query.internal,
      regionCode: query.regionCode,
    }),
    [query.departmentId, query.matterId, query.channel, query.internal, query.regionCode],
  );

  const tab: QuickTab =
    query.clock === 'warning' && !query.status
      ? 'warning'
      : query.clock === 'overdue' && !query.status
        ? 'overdue'
        : query.status === 'supplementing' && !query.clock
          ? 'supplementing'
          : 'all';

  const pickTab = (next: QuickTab | 'paused') => {
    const scopeOpen = { scope: undefined };
    if (next === 'all') list.setFilters({ clock: undefined, status: undefined, ...scopeOpen });
    else if (next === 'supplementing')
      list.setFilters({ clock: undefined, status: 'supplementing', ...scopeOpen });
    else list.setFilters({ clock: next, status: undefined, ...scopeOpen });
  };

  const ascendOnly = (field: (typeof CASE_SORT_FIELDS)[number]) => {
    const s = table.sortable(field);
    const active = query.sort === field || (field === 'remaining' && !query.sort);
    return { ...s, sortDirections: ['ascend' as const], sortOrder: active ? ('ascend' as const) : null };
  };

  const columns: TableColumnsType<CaseListItem> = [
    {
      ...ascendOnly('caseNo'),
      dataIndex: 'caseNo',
      title: t('cases.queue.caseNo'),
      width: 224,
      fixed: 'left',
      render: (caseNo: string, c: CaseListItem) => (
        <Link
          to={`/cases/${c.id}`}
          data-testid={`case-link-${caseNo}`}
          style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
        >
          {caseNo}
        </Link>
      ),
    },
    {
      key: 'matter',
      title: t('cases.queue.matter'),
      width: 230,
      ellipsis: { showTitle: false },
      render: (_: unknown, c: CaseListItem) => (
        <Tooltip title={`${c.matter.name} · ${c.matter.code}`}>
          <span>{c.matter.name}</span>
        </Tooltip>
      ),
    },
    // A department officer sees only their own department's cases: the column would say the same everywhere.
    ...(ownDepartmentOnly
      ? []
      : [
          {
            key: 'department',
            title: t('cases.queue.department'),
            width: 150,
            ellipsis: true,
            render: (_: unknown, c: CaseListItem) => c.department.name,
          },
        ]),
    {
      key: 'applicant',
      title: t('cases.queue.applicant'),
      width: 150,
      ellipsis: true,
      render: (_: unknown, c: CaseListItem) => (
        <span>
          {c.applicantName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {caseLabel('applicantType', c.applicantType)}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'channel',
      title: t('cases.queue.channel'),
      width: 84,
      render: (_: unknown, c: CaseListItem) => caseLabel('channel', c.channel),
    },
    {
      key: 'status',
      title: t('cases.queue.status'),
      width: 110,
      render: (_: unknown, c: CaseListItem) => <CaseStatusTag status={c.status} />,
    },
    {
      ...ascendOnly('remaining'),
      title: t('cases.queue.committed'),
      width: 170,
      render: (_: unknown, c: CaseListItem) => (
        <ClockTag clock={c.committed} t={t} testId={`case-clock-${c.caseNo}`} />
      ),
    },
    {
      key: 'statutoryDue',
      title: t('cases.queue.statutoryDue'),
      width: 112,
      render: (_: unknown, c: CaseListItem) => (
        <span style={{ color: c.statutory.overdue ? CLOCK_COLORS.overdue : undefined }}>
          {c.statutory.due ?? '—'}
        </span>
      ),
    },
    {
      key: 'flags',
      title: t('cases.queue.flags'),
      width: 70,
      align: 'center',
      render: (_: unknown, c: CaseListItem) =>
        c.openFlags > 0 ? (
          <Tooltip title={t('cases.queue.openFlags', { count: c.openFlags })}>
            <Badge count={c.openFlags} data-testid={`case-flags-${c.caseNo}`} />
          </Tooltip>
        ) : null,
    },
    {
      ...ascendOnly('submittedAt'),
      title: t('cases.queue.submittedAt'),
      width: 140,
      render: (_: unknown, c: CaseListItem) => (
        <Typography.Text type="secondary">{chinaDateTime(c.submittedAt)}</Typography.Text>
      ),
    },
  ];

  const select = <T extends string>(
    key: 'status' | 'clock' | 'channel',
    values: readonly T[],
    label: (v: T) => string,
    placeholder: string,
    width: number,
  ) => (
    <Select<T>
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      value={query[key] as T | undefined}
      onChange={(v) => list.setFilters({ [key]: v })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid={`cases-${key}-filter`}
    />
  );

  return (
    <ListPage title={t('cases.queue.title')} testId="page-case-queue">
      <QueueSummary
        base={summaryBase}
        onPick={(p) =>
          p === 'paused'
            ? list.setFilters({ clock: 'paused', status: undefined, scope: undefined })
            : pickTab(p)
        }
      />
      <Card size="small">
        <Tabs
          activeKey={scope === 'open' ? tab : 'all'}
          onChange={(k) => pickTab(k as QuickTab)}
          size="small"
          data-testid="case-tabs"
          items={(['all', 'warning', 'overdue', 'supplementing'] as const).map((k) => ({
            key: k,
            label: <span data-testid={`case-tab-${k}`}>{t(`cases.queue.tabs.${k}`)}</span>,
          }))}
        />
        <ListToolbar
          search={{
            value: list.filters.q,
            onSearch: (q) => list.setFilters({ q }),
            placeholder: t('cases.queue.searchPlaceholder'),
            testId: 'cases-search',
            width: 220,
          }}
          onReset={list.reset}
          exportTo={{
            path: '/api/cases/export.xlsx',
            query,
            filename: 'cases.xlsx',
            testId: 'cases-export',
          }}
          actions={
            can('cases.handle') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/cases/new')}
                data-testid="case-new"
              >
                {t('cases.queue.newCase')}
              </Button>
            )
          }
        >
          <Select<Scope>
            value={scope}
            aria-label={t('cases.queue.scope.label')}
            onChange={(v) => list.setFilters({ scope: v === 'open' ? undefined : v })}
            options={SCOPES.map((s) => ({ value: s, label: t(`cases.queue.scope.${s}`) }))}
            style={{ width: 90 }}
            data-testid="cases-scope-filter"
          />
          {select<CaseStatus>(
            'status',
            CASE_STATUSES,
            (v) => caseLabel('status', v),
            t('cases.queue.status'),
            120,
          )}
          {select<CaseClockFilter>(
            'clock',
            CASE_CLOCK_FILTERS,
            (v) => t(`cases.queue.clockOptions.${v}`),
            t('cases.queue.clockFilter'),
            110,
          )}
          {select<CaseChannel>(
            'channel',
            CASE_CHANNELS,
            (v) => caseLabel('channel', v),
            t('cases.queue.channel'),
            100,
          )}
          {!ownDepartmentOnly && can('departments.read') && (
            // The shared chooser takes no aria-label: a label element names it for screen readers.
            <label>
              <span className="od-visually-hidden">{t('cases.queue.department')}</span>
              <DepartmentSelect
                value={list.filters.departmentId}
                onChange={(departmentId) => list.setFilters({ departmentId })}
                placeholder={t('cases.queue.department')}
                style={{ width: 160 }}
                testId="cases-department-filter"
              />
            </label>
          )}
          {can('matters.read') && (
            <MatterSelect
              value={list.filters.matterId}
              onChange={(matterId) => list.setFilters({ matterId })}
              placeholder={t('cases.queue.matterFilter')}
              style={{ width: 200 }}
              testId="cases-matter-filter"
            />
          )}
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('cases.queue.internalFilter')}
            aria-label={t('cases.queue.internalFilter')}
            value={query.internal}
            onChange={(v) => list.setFilters({ internal: v })}
            options={[
              { value: 'false', label: t('cases.queue.internalOptions.public') },
              { value: 'true', label: t('cases.queue.internalOptions.internal') },
            ]}
            style={{ width: 130 }}
            popupMatchSelectWidth={false}
            data-testid="cases-internal-filter"
          />
        </ListToolbar>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 12 }}>
          {t('cases.queue.scopeNote')}
        </Typography.Paragraph>
        <ListTable<CaseListItem> table={table} rowKey="id" testId="cases-table" columns={columns} />
      </Card>
    </ListPage>
  );
}
