import { GUIDE_RULES } from '../../../domain/guide-inspection.ts';
import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type {
  FindingSeverity,
  GuideFinding,
  GuideFindingQuery,
  GuideInspectionDepartment,
  GuideInspectionRun,
  GuideInspectionSummary,
  GuideRule,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, oneOf, SERVICE_CODES, serviceLabel } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { errorText } from '../../shared/errorText.ts';
import { ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import {
  fetchFindings,
  fetchInspectionLatest,
  fetchInspectionRuns,
  inspectionKeys,
  matterKeys,
  runInspection,
} from './api.ts';
import { encodeHTML, SEVERITY_CHART_COLORS } from './charts.ts';
import { SeverityTag, useOwnDepartment } from './codes.tsx';
import { chinaDateTime, rate } from './format.ts';
import { LongTask } from './LongTask.tsx';

/** `department` is what the inbox notice links with; `run` shows an earlier run's findings. */
const FILTERS = ['department', 'rule', 'severity', 'run'] as const;
const TOP = 20;

/** The severity of each rule, as the server's inspection reports it. */
const GUIDE_RULE_SEVERITY: Record<GuideRule, FindingSeverity> = GUIDE_RULES;

/**
 * The latest run's figures. Errors, warnings and departments are counted from the per-department
 * results (in the caller's scope), so that a department sees its own and the totals always agree.
 */
function RunFacts({ run, rows }: { run: GuideInspectionRun; rows: GuideInspectionDepartment[] }) {
  const { t } = useTranslation();
  const sum = (f: (r: GuideInspectionDepartment) => number) => rows.reduce((n, r) => n + f(r), 0);
  const errors = sum((r) => r.bySeverity.error);
  const warnings = sum((r) => r.bySeverity.warning);
  const stats = [
    {
      key: 'matters',
      title: t('services.inspection.matters'),
      value: sum((r) => r.matters) || run.matterCount,
    },
    { key: 'findings', title: t('services.inspection.findings'), value: errors + warnings },
    {
      key: 'errors',
      title: t('services.inspection.errors'),
      value: errors,
      color: SEVERITY_CHART_COLORS.error,
    },
    { key: 'warnings', title: t('services.inspection.warnings'), value: warnings, color: '#d48806' },
    {
      key: 'departments',
      title: t('services.inspection.departmentsWithFindings'),
      value: rows.filter((r) => r.findings > 0).length,
    },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="inspection-run">
      {stats.map((s) => (
        <Col key={s.key} xs={12} sm={8} lg={4}>
          <Statistic
            title={s.title}
            value={s.value}
            styles={{ content: { color: s.value > 0 ? s.color : undefined } }}
            data-testid={`inspection-stat-${s.key}`}
          />
        </Col>
      ))}
      <Col xs={24} lg={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('services.inspection.runAt', {
            at: chinaDateTime(run.finishedAt ?? run.startedAt),
            trigger: serviceLabel('inspectionTrigger', run.trigger),
          })}
        </Typography.Text>
      </Col>
    </Row>
  );
}

function DepartmentChart({
  rows,
  onDepartment,
}: {
  rows: GuideInspectionDepartment[];
  onDepartment: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const top = rows.filter((r) => r.findings > 0).slice(0, TOP);
  const key = JSON.stringify(top.map((r) => [r.department.id, r.bySeverity])) + i18n.language;
  const option = useMemo(
    (): EChartsCoreOption => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { name: string; seriesName: string; value: number; marker: string }[]) =>
          [
            encodeHTML(params[0]?.name ?? ''),
            ...params.map((p) => `${p.marker}${encodeHTML(p.seriesName)}: ${p.value}`),
          ].join('<br/>'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map((r) => r.department.name),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: SERVICE_CODES.findingSeverity.map((s) => ({
        type: 'bar',
        stack: 'findings',
        name: serviceLabel('findingSeverity', s),
        barMaxWidth: 16,
        itemStyle: { color: SEVERITY_CHART_COLORS[s] },
        data: top.map((r) => ({ value: r.bySeverity[s], id: r.department.id })),
      })),
    }),
    [key],
  );
  if (top.length === 0) return <Empty description={t('services.inspection.noFindings')} />;
  return (
    <EChart
      option={option}
      style={{ height: Math.max(200, top.length * 24 + 40) }}
      testId="inspection-chart-departments"
      ariaLabel={top
        .map((r) =>
          t('services.inspection.chartAria', {
            name: r.department.name,
            errors: r.bySeverity.error,
            warnings: r.bySeverity.warning,
          }),
        )
        .join(t('common.listSeparator'))}
      onClick={(p) => {
        const id = (p.data as { id?: string } | undefined)?.id;
        if (id) onDepartment(id);
      }}
    />
  );
}

function RuleBreakdown({
  rows,
  onRule,
}: {
  rows: GuideInspectionDepartment[];
  onRule: (rule: GuideRule) => void;
}) {
  const { t } = useTranslation();
  const totals = new Map<string, number>();
  for (const r of rows)
    for (const [rule, n] of Object.entries(r.byRule)) totals.set(rule, (totals.get(rule) ?? 0) + n);
  const data = SERVICE_CODES.guideRule
    .map((rule) => ({ rule, n: totals.get(rule) ?? 0 }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n);
  const max = Math.max(1, ...data.map((d) => d.n));
  const columns: TableColumnsType<(typeof data)[number]> = [
    {
      key: 'rule',
      title: t('services.inspection.rule'),
      render: (_: unknown, d) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onRule(d.rule)}
          data-testid={`inspection-rule-${d.rule}`}
        >
          {serviceLabel('guideRule', d.rule)}
        </Button>
      ),
    },
    {
      key: 'severity',
      title: t('services.inspection.severity'),
      width: 70,
      render: (_: unknown, d) => <SeverityTag severity={GUIDE_RULE_SEVERITY[d.rule]} />,
    },
    {
      key: 'n',
      title: t('services.inspection.findings'),
      width: 140,
      render: (_: unknown, d) => (
        <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <div
            aria-hidden
            style={{
              height: 8,
              width: `${(d.n / max) * 80}px`,
              background: SEVERITY_CHART_COLORS[GUIDE_RULE_SEVERITY[d.rule]],
              borderRadius: 2,
            }}
          />
          {d.n}
        </div>
      ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="rule"
      columns={columns}
      dataSource={data}
      pagination={false}
      locale={{ emptyText: t('services.inspection.noFindings') }}
      data-testid="inspection-rules"
    />
  );
}

function DepartmentTable({
  rows,
  selected,
  onDepartment,
}: {
  rows: GuideInspectionDepartment[];
  selected: string | undefined;
  onDepartment: (id: string) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<GuideInspectionDepartment> = [
    {
      key: 'department',
      title: t('services.matter.department'),
      width: 180,
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onDepartment(r.department.id)}
          data-testid={`inspection-department-${r.department.code}`}
        >
          {r.department.name}
        </Button>
      ),
    },
    {
      key: 'matters',
      dataIndex: 'matters',
      title: t('services.inspection.activeMatters'),
      width: 90,
      align: 'right',
      sorter: (a, b) => a.matters - b.matters,
    },
    {
      key: 'mattersWithFindings',
      dataIndex: 'mattersWithFindings',
      title: t('services.inspection.mattersWithFindings'),
      width: 110,
      align: 'right',
      sorter: (a, b) => a.mattersWithFindings - b.mattersWithFindings,
    },
    {
      key: 'passRate',
      title: t('services.inspection.passRate'),
      width: 90,
      align: 'right',
      sorter: (a, b) => passRate(a) - passRate(b),
      render: (_: unknown, r) => (r.matters > 0 ? rate(passRate(r), 1) : '–'),
    },
    {
      key: 'errors',
      title: t('services.inspection.errors'),
      width: 80,
      align: 'right',
      sorter: (a, b) => a.bySeverity.error - b.bySeverity.error,
      defaultSortOrder: 'descend',
      render: (_: unknown, r) => (
        <Typography.Text type={r.bySeverity.error > 0 ? 'danger' : undefined}>
          {r.bySeverity.error}
        </Typography.Text>
      ),
    },
    {
      key: 'warnings',
      title: t('services.inspection.warnings'),
      width: 80,
      align: 'right',
      sorter: (a, b) => a.bySeverity.warning - b.bySeverity.warning,
      render: (_: unknown, r) => r.bySeverity.warning,
    },
  ];
  return (
    <Table<GuideInspectionDepartment>
      size="small"
      rowKey={(r) => r.department.id}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      rowClassName={(r) => (r.department.id === selected ? 'ant-table-row-selected' : '')}
      scroll={{ x: 630 }}
      data-testid="inspection-departments"
    />
  );
}

function passRate(r: GuideInspectionDepartment): number {
  return r.matters > 0 ? Math.max(0, r.matters - r.mattersWithFindings) / r.matters : 1;
}

function RunsHistory({ current, onPick }: { current: string | undefined; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 10 };
  const result = useQuery({
    queryKey: inspectionKeys.runs(query),
    queryFn: () => fetchInspectionRuns(query),
  });
  const columns: TableColumnsType<GuideInspectionRun> = [
    {
      key: 'startedAt',
      title: t('services.inspection.startedAt'),
      width: 140,
      render: (_: unknown, r) => chinaDateTime(r.startedAt),
    },
    {
      key: 'trigger',
      title: t('services.inspection.trigger'),
      width: 90,
      render: (_: unknown, r) => serviceLabel('inspectionTrigger', r.trigger),
    },
    {
      key: 'startedBy',
      title: t('services.inspection.startedBy'),
      width: 110,
      render: (_: unknown, r) => r.startedBy ?? t('services.inspection.scheduler'),
    },
    {
      key: 'matters',
      dataIndex: 'matterCount',
      title: t('services.inspection.matters'),
      width: 80,
      align: 'right',
    },
    {
      key: 'findings',
      dataIndex: 'findingCount',
      title: t('services.inspection.findings'),
      width: 80,
      align: 'right',
    },
    {
      key: 'view',
      title: t('common.actions'),
      width: 100,
      render: (_: unknown, r) =>
        r.id === current ? (
          <Tag color="blue">{t('services.inspection.viewing')}</Tag>
        ) : (
          <Button
            type="link"
            size="small"
            onClick={() => onPick(r.id)}
            data-testid={`inspection-run-${r.id}`}
          >
            {t('services.inspection.viewFindings')}
          </Button>
        ),
    },
  ];
  return (
    <>
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      <Table<GuideInspectionRun>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        pagination={{
          current: page,
          pageSize: 10,
          total: result.data?.total ?? 0,
          onChange: setPage,
          size: 'small',
          showSizeChanger: false,
        }}
        scroll={{ x: 660 }}
        data-testid="inspection-runs"
      />
    </>
  );
}

function Findings({ runId, latestId }: { runId: string; latestId: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const own = useOwnDepartment();
  const table = useListTable({
    filters: FILTERS,
    toQuery: ({ filters, page, pageSize }): GuideFindingQuery => ({
      departmentId: own ? undefined : filters.department,
      rule: oneOf(SERVICE_CODES.guideRule, filters.rule),
      severity: oneOf(SERVICE_CODES.findingSeverity, filters.severity),
      page,
      pageSize,
    }),
    queryKey: (q) => inspectionKeys.findings(runId, q),
    fetch: (q) => fetchFindings(runId, q),
  });
  const { list, query } = table;
  const columns: TableColumnsType<GuideFinding> = [
    {
      key: 'matter',
      title: t('services.inspection.matter'),
      width: 260,
      render: (_: unknown, f) => (
        <div>
          <Link to={`/services/matters/${f.matter.id}`} data-testid={`finding-matter-${f.id}`}>
            {f.matter.name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {caseLabel('matterType', f.matter.type)} ·{' '}
              <span style={{ fontFamily: 'monospace' }}>{f.matter.code}</span>
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'department',
      title: t('services.matter.department'),
      width: 150,
      ellipsis: true,
      render: (_: unknown, f) => f.department.name,
    },
    {
      key: 'severity',
      title: t('services.inspection.severity'),
      width: 70,
      render: (_: unknown, f) => <SeverityTag severity={f.severity} />,
    },
    {
      key: 'rule',
      title: t('services.inspection.rule'),
      width: en ? 200 : 160,
      render: (_: unknown, f) => serviceLabel('guideRule', f.rule),
    },
    { key: 'message', dataIndex: 'message', title: t('services.inspection.reason'), width: 360 },
  ];
  return (
    <Card
      size="small"
      title={
        runId === latestId ? t('services.inspection.findingsTitle') : t('services.inspection.findingsOfRun')
      }
      data-testid="inspection-findings-card"
    >
      <ListToolbar
        onReset={() => list.setFilters({ department: undefined, rule: undefined, severity: undefined })}
        exportTo={{
          path: `/api/guides/inspections/${runId}/findings/export.xlsx`,
          query,
          filename: en ? 'guide-inspection.xlsx' : '办事指南检查结果.xlsx',
          testId: 'inspection-export',
        }}
      >
        <Select<GuideRule>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('services.inspection.rule')}
          aria-label={t('services.inspection.rule')}
          value={query.rule}
          onChange={(rule) => list.setFilters({ rule })}
          options={SERVICE_CODES.guideRule.map((r) => ({ value: r, label: serviceLabel('guideRule', r) }))}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          data-testid="inspection-rule-filter"
        />
        <Select<FindingSeverity>
          allowClear
          placeholder={t('services.inspection.severity')}
          aria-label={t('services.inspection.severity')}
          value={query.severity}
          onChange={(severity) => list.setFilters({ severity })}
          options={SERVICE_CODES.findingSeverity.map((s) => ({
            value: s,
            label: serviceLabel('findingSeverity', s),
          }))}
          style={{ width: 100 }}
          data-testid="inspection-severity-filter"
        />
      </ListToolbar>
      <ListTable<GuideFinding> table={table} rowKey="id" testId="inspection-findings" columns={columns} />
    </Card>
  );
}

/**
 * Guide inspection (办事指南检查): the latest run per department as a chart and a table, the rule
 * breakdown, the findings with their reasons and the Excel report; the bureau inspects now and
 * browses earlier runs. A department sees its own results.
 */
export function GuideInspectionPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const own = useOwnDepartment();
  const [params, setParams] = useSearchParams();
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<GuideInspectionSummary | null>(null);
  const canInspect = can('guides.inspect');
  const latest = useQuery({ queryKey: inspectionKeys.latest, queryFn: fetchInspectionLatest });

  const department = own ? undefined : (params.get('department') ?? undefined);
  const setFilter = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const inspect = async () => {
    setRunning(true);
    setSummary(null);
    try {
      const out = await runInspection();
      setSummary(out);
      setFilter({ run: undefined });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: inspectionKeys.all }),
        queryClient.invalidateQueries({ queryKey: matterKeys.all }),
      ]);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setRunning(false);
    }
  };

  const rows = latest.data?.departments ?? [];
  const shown = department ? rows.filter((r) => r.department.id === department) : rows;
  const run = latest.data?.run ?? null;
  const runId = params.get('run') ?? run?.id;
  const departmentName = department
    ? rows.find((r) => r.department.id === department)?.department.name
    : undefined;

  return (
    <div data-testid="page-guide-inspection" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('services.inspection.title')}
        </Typography.Title>
        {canInspect && (
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            loading={running}
            onClick={() => void inspect()}
            data-testid="inspection-run-now"
          >
            {t('services.inspection.runNow')}
          </Button>
        )}
      </div>
      <LongTask
        open={running}
        title={t('services.inspection.running')}
        description={t('services.inspection.runningHint')}
        expectedSeconds={5}
        testId="inspection-progress"
      />
      {summary && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSummary(null), 'aria-label': t('common.close') }}
          title={t('services.inspection.done', {
            matters: summary.matterCount,
            findings: summary.findingCount,
            notified: summary.notified,
          })}
          data-testid="inspection-summary"
        />
      )}
      {own && (
        <Typography.Text type="secondary">
          {t('services.inspection.onlyOwnDepartment', { name: own.name })}
        </Typography.Text>
      )}
      {latest.isError && <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.isPending ? (
        <Skeleton active />
      ) : !run ? (
        <Card>
          <Empty description={t('services.inspection.noRun')} data-testid="inspection-none" />
        </Card>
      ) : (
        <>
          <Card size="small" title={t('services.inspection.latest')}>
            <RunFacts run={run} rows={rows} />
          </Card>
          {departmentName && (
            <Alert
              type="info"
              showIcon
              title={t('services.inspection.filteredTo', { name: departmentName })}
              action={
                <Button
                  size="small"
                  onClick={() => setFilter({ department: undefined })}
                  data-testid="inspection-department-clear"
                >
                  {t('services.inspection.allDepartments')}
                </Button>
              }
              data-testid="inspection-department-filter"
            />
          )}
          <Row gutter={[16, 16]}>
            {/* One department (its own, or the one filtered to) needs no chart of departments. */}
            {!own && !department && (
              <Col xs={24} xl={14}>
                <Card
                  size="small"
                  title={t('services.inspection.chartTitle', { n: TOP })}
                  style={{ height: '100%' }}
                >
                  <DepartmentChart rows={shown} onDepartment={(id) => setFilter({ department: id })} />
                </Card>
              </Col>
            )}
            <Col xs={24} xl={!own && !department ? 10 : 24}>
              <Card size="small" title={t('services.inspection.ruleBreakdown')} style={{ height: '100%' }}>
                <RuleBreakdown rows={shown} onRule={(rule) => setFilter({ rule })} />
              </Card>
            </Col>
          </Row>
          {!own && (
            <Card size="small" title={t('services.inspection.byDepartment')}>
              <DepartmentTable
                rows={rows}
                selected={department}
                onDepartment={(id) => setFilter({ department: id })}
              />
            </Card>
          )}
          {runId && <Findings runId={runId} latestId={run.id} />}
          {canInspect && (
            <Card size="small" title={t('services.inspection.history')}>
              <RunsHistory
                current={runId}
                onPick={(id) => setFilter({ run: id === run.id ? undefined : id })}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
