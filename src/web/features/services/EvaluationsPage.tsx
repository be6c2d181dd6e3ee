import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Rate,
  Row,
  Select,
  Statistic,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  EvaluationListItem,
  EvaluationQuery,
  EvaluationStage,
  EvaluationSummary,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, gradeLabel, oneOf, SERVICE_CODES } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import {
  caseFlagKeys,
  evaluationKeys,
  fetchEvaluations,
  fetchEvaluationSummary,
  rankingKeys,
  recordReturnVisit,
} from './api.ts';
import { GRADE_CHART_COLORS } from './charts.ts';
import { FlagStatusTag, useOwnDepartment } from './codes.tsx';
import { chinaDateTime, rate } from './format.ts';
import { PeriodPicker, usePeriod } from './Period.tsx';

const FILTERS = ['grade', 'poor', 'realName', 'returnVisit', 'stage', 'departmentId', 'caseNo'] as const;
const SORT_FIELDS = ['at', 'grade'] as const;
const GRADES = [5, 4, 3, 2, 1] as const;
const BOOLEANS = ['true', 'false'] as const;
const VISITS = ['pending', 'done'] as const;

function Summary({ summary }: { summary: EvaluationSummary }) {
  const { t, i18n } = useTranslation();
  const byGrade = GRADES.map((g) => ({
    grade: g,
    count: summary.byGrade.find((b) => b.grade === g)?.count ?? 0,
  }));
  const gradeKey = JSON.stringify(byGrade) + i18n.language;
  const gradeOption = useMemo(
    (): EChartsCoreOption => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: byGrade.map((b) => gradeLabel(b.grade)) },
      series: [
        {
          type: 'bar',
          name: t('services.evaluations.count'),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          data: byGrade.map((b) => ({ value: b.count, itemStyle: { color: GRADE_CHART_COLORS[b.grade] } })),
        },
      ],
    }),
    [gradeKey],
  );
  const visitRate = summary.returnVisitRate;
  const target = summary.returnVisitTarget;
  const gaugeKey = `${visitRate}-${target}-${i18n.language}`;
  const gaugeOption = useMemo(
    (): EChartsCoreOption => ({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          radius: '100%',
          center: ['50%', '62%'],
          startAngle: 200,
          endAngle: -20,
          progress: {
            show: true,
            width: 16,
            itemStyle: { color: (visitRate ?? 0) >= target ? '#389e0d' : '#fa8c16' },
          },
          axisLine: { lineStyle: { width: 16 } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          title: { show: false },
          detail: {
            valueAnimation: false,
            offsetCenter: [0, '0%'],
            fontSize: 24,
            fontWeight: 600,
            formatter: () => rate(visitRate, 1),
          },
          data: [{ value: visitRate === null ? 0 : Math.round(visitRate * 1000) / 10 }],
        },
      ],
    }),
    [gaugeKey],
  );
  const stats = [
    { key: 'total', title: t('services.evaluations.total'), value: String(summary.total) },
    {
      key: 'satisfaction',
      title: t('services.evaluations.satisfactionRate'),
      value: rate(summary.satisfactionRate),
    },
    {
      key: 'poor',
      title: t('services.evaluations.poor'),
      value: String(summary.poor),
      danger: summary.poor > 0,
    },
    {
      key: 'realNamePoor',
      title: t('services.evaluations.realNamePoor'),
      value: String(summary.realNamePoor),
    },
    {
      key: 'returnVisited',
      title: t('services.evaluations.returnVisited'),
      value: String(summary.returnVisited),
    },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="evaluations-summary">
      <Col xs={24} lg={8}>
        <Card size="small" title={t('services.evaluations.figures')} style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            {stats.map((s) => (
              <Col key={s.key} xs={12}>
                <Statistic
                  title={s.title}
                  value={s.value}
                  styles={{ content: { fontSize: 20, color: s.danger ? '#cf1322' : undefined } }}
                  data-testid={`evaluations-stat-${s.key}`}
                />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={12} lg={9}>
        <Card size="small" title={t('services.evaluations.byGrade')} style={{ height: '100%' }}>
          <EChart
            option={gradeOption}
            style={{ height: 200 }}
            testId="evaluations-chart-grades"
            ariaLabel={byGrade
              .map((b) => `${gradeLabel(b.grade)} ${b.count}`)
              .join(t('common.listSeparator'))}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} lg={7}>
        <Card size="small" title={t('services.evaluations.returnVisitRate')} style={{ height: '100%' }}>
          <EChart
            option={gaugeOption}
            style={{ height: 170 }}
            testId="evaluations-gauge"
            ariaLabel={t('services.evaluations.gaugeAria', {
              rate: rate(visitRate, 1),
              target: rate(target, 0),
            })}
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center', fontSize: 12 }}>
            {visitRate === null
              ? t('services.evaluations.noRealNamePoor')
              : t('services.evaluations.visitTarget', {
                  done: summary.returnVisited,
                  total: summary.realNamePoor,
                  target: rate(target, 0),
                })}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}

interface VisitValues {
  note: string;
}

function ReturnVisitModal({
  evaluation,
  onClose,
}: {
  evaluation: EvaluationListItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VisitValues>();
  const submit = useFormSubmit<VisitValues>(
    form,
    ['note'],
    async (v) => {
      if (!evaluation) return;
      await recordReturnVisit(evaluation.id, v.note.trim());
      message.success(t('services.evaluations.visitSaved'));
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseFlagKeys.all }),
        queryClient.invalidateQueries({ queryKey: rankingKeys.all }),
      ]);
    },
    'return-visit-error',
  );
  return (
    <Modal
      open={evaluation !== null}
      title={t('services.evaluations.visitTitle', { caseNo: evaluation?.case.caseNo ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submit.busy, 'data-testid': 'return-visit-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="return-visit-modal"
    >
      {evaluation && (
        <Typography.Paragraph>
          <Rate disabled value={evaluation.grade} style={{ fontSize: 14 }} /> {gradeLabel(evaluation.grade)} ·{' '}
          {evaluation.applicantName}
          {evaluation.comment && (
            <>
              <br />
              <Typography.Text type="secondary">{evaluation.comment}</Typography.Text>
            </>
          )}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t('services.evaluations.visitHint')}</Typography.Paragraph>
      {submit.alert}
      <Form<VisitValues>
        form={form}
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={{ note: '' }}
      >
        <Form.Item
          name="note"
          label={t('services.evaluations.visitNote')}
          rules={[
            { required: true, whitespace: true, message: t('services.supervision.noteLength') },
            { min: 2, max: 2000, message: t('services.supervision.noteLength') },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            data-testid="return-visit-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 好差评: the summary over a period (grades, satisfaction, return visits to 100%), the list, return visits. */
export function EvaluationsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { can } = useAuth();
  const own = useOwnDepartment();
  const { period, setPeriod } = usePeriod();
  const [visiting, setVisiting] = useState<EvaluationListItem | null>(null);
  const summary = useQuery({
    queryKey: evaluationKeys.summary(period),
    queryFn: () => fetchEvaluationSummary(period),
  });

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }): EvaluationQuery => ({
      grade: GRADES.find((g) => String(g) === filters.grade),
      poor: oneOf(BOOLEANS, filters.poor),
      realName: oneOf(BOOLEANS, filters.realName),
      returnVisit: oneOf(VISITS, filters.returnVisit),
      stage: oneOf(SERVICE_CODES.evaluationStage, filters.stage),
      departmentId: own ? undefined : filters.departmentId,
      caseNo: filters.caseNo,
      // The list follows the period picked for the figures above it.
      from: period.from,
      to: period.to,
      sort,
      page,
      pageSize,
    }),
    queryKey: evaluationKeys.list,
    fetch: fetchEvaluations,
  });
  const { list, query } = table;
  const canVisit = can('cases.rectify');

  const columns: TableColumnsType<EvaluationListItem> = [
    {
      ...table.sortable('at'),
      title: t('services.evaluations.at'),
      width: 130,
      render: (_: unknown, e) => chinaDateTime(e.at),
    },
    {
      key: 'case',
      title: t('services.supervision.case'),
      width: 220,
      render: (_: unknown, e) => (
        <div>
          <Link
            to={`/cases/${e.case.id}`}
            style={{ fontFamily: 'monospace' }}
            data-testid={`evaluation-case-${e.case.caseNo}`}
          >
            {e.case.caseNo}
          </Link>
          <Typography.Paragraph
            style={{ margin: 0, fontSize: 12 }}
            ellipsis={{ rows: 1, tooltip: e.case.matterName }}
          >
            {e.case.matterName}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      key: 'department',
      title: t('services.matter.department'),
      width: 140,
      ellipsis: true,
      render: (_: unknown, e) => e.department.name,
    },
    {
      key: 'stage',
      title: t('services.evaluations.stage'),
      width: 90,
      render: (_: unknown, e) => caseLabel('evaluationStage', e.stage),
    },
    {
      ...table.sortable('grade'),
      title: t('services.evaluations.grade'),
      width: en ? 170 : 150,
      render: (_: unknown, e) => (
        <Tooltip title={gradeLabel(e.grade)}>
          <span data-grade={e.grade}>
            <Rate disabled value={e.grade} style={{ fontSize: 12 }} />{' '}
            {e.poor && (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t('services.evaluations.poorTag')}
              </Tag>
            )}
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'comment',
      title: t('services.evaluations.comment'),
      width: 220,
      render: (_: unknown, e) =>
        e.comment ? (
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: e.comment }}>
            {e.comment}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      key: 'realName',
      title: t('services.evaluations.realName'),
      width: 100,
      render: (_: unknown, e) =>
        e.realName ? (
          (e.applicantName ?? t('common.yes'))
        ) : (
          <Typography.Text type="secondary">{t('services.evaluations.anonymous')}</Typography.Text>
        ),
    },
    {
      key: 'flag',
      title: t('services.evaluations.rectification'),
      width: 110,
      render: (_: unknown, e) =>
        e.flag ? (
          <Link to={`/supervision/flags/${e.flag.id}`} data-testid={`evaluation-flag-${e.id}`}>
            <FlagStatusTag status={e.flag.status} />
          </Link>
        ) : (
          '–'
        ),
    },
    {
      key: 'returnVisit',
      title: t('services.evaluations.returnVisit'),
      width: 190,
      fixed: 'right',
      render: (_: unknown, e) =>
        e.returnVisit ? (
          <div>
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('services.evaluations.visited')}
            </Tag>
            <Typography.Paragraph
              style={{ margin: 0, fontSize: 12 }}
              ellipsis={{ rows: 2, tooltip: e.returnVisit.note }}
            >
              {chinaDateTime(e.returnVisit.at)} · {e.returnVisit.by}：{e.returnVisit.note}
            </Typography.Paragraph>
          </div>
        ) : e.returnVisitPending ? (
          <Flex gap={4} align="center" wrap>
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('services.evaluations.visitPending')}
            </Tag>
            {canVisit && (
              <Button
                type="link"
                size="small"
                onClick={() => setVisiting(e)}
                data-testid={`return-visit-${e.id}`}
              >
                {t('services.evaluations.recordVisit')}
              </Button>
            )}
          </Flex>
        ) : (
          '–'
        ),
    },
  ];

  const select = <T extends string>(
    key: 'poor' | 'realName' | 'returnVisit' | 'stage',
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
      data-testid={`evaluations-${key}-filter`}
    />
  );

  return (
    <ListPage title={t('services.evaluations.title')} testId="page-evaluations">
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('services.period.label')}</Typography.Text>
        <PeriodPicker shown={summary.data} period={period} onChange={setPeriod} testId="evaluations-period" />
        {own && (
          <Typography.Text type="secondary">
            {t('services.evaluations.onlyOwnDepartment', { name: own.name })}
          </Typography.Text>
        )}
      </Flex>
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && <Summary summary={summary.data} />}
      <Card size="small" title={t('services.evaluations.list')}>
        <ListToolbar
          search={{
            value: list.filters.caseNo,
            onSearch: (caseNo) => list.setFilters({ caseNo }),
            placeholder: t('services.supervision.caseNoPlaceholder'),
            testId: 'evaluations-case-search',
            width: 200,
          }}
          onReset={() =>
            list.setFilters({
              grade: undefined,
              poor: undefined,
              realName: undefined,
              returnVisit: undefined,
              stage: undefined,
              departmentId: undefined,
              caseNo: undefined,
              sort: undefined,
            })
          }
          exportTo={{
            path: '/api/evaluations/export.xlsx',
            query,
            filename: en ? 'evaluations.xlsx' : '办件评价.xlsx',
            testId: 'evaluations-export',
          }}
        >
          <Select<number>
            allowClear
            placeholder={t('services.evaluations.grade')}
            aria-label={t('services.evaluations.grade')}
            value={query.grade}
            onChange={(g) => list.setFilters({ grade: g === undefined ? undefined : String(g) })}
            options={GRADES.map((g) => ({ value: g, label: gradeLabel(g) }))}
            style={{ width: 120 }}
            popupMatchSelectWidth={false}
            data-testid="evaluations-grade-filter"
          />
          {select<'true' | 'false'>(
            'poor',
            BOOLEANS,
            (v) => (v === 'true' ? t('services.evaluations.poorOnly') : t('services.evaluations.notPoor')),
            t('services.evaluations.poorFilter'),
            110,
          )}
          {select<'true' | 'false'>(
            'realName',
            BOOLEANS,
            (v) => (v === 'true' ? t('services.evaluations.realName') : t('services.evaluations.anonymous')),
            t('services.evaluations.realNameFilter'),
            110,
          )}
          {select<'pending' | 'done'>(
            'returnVisit',
            VISITS,
            (v) =>
              v === 'pending' ? t('services.evaluations.visitPending') : t('services.evaluations.visited'),
            t('services.evaluations.returnVisit'),
            110,
          )}
          {select<EvaluationStage>(
            'stage',
            SERVICE_CODES.evaluationStage,
            (v) => caseLabel('evaluationStage', v),
            t('services.evaluations.stage'),
            110,
          )}
          {!own && can('departments.read') && (
            <DepartmentSelect
              value={list.filters.departmentId}
              onChange={(departmentId) => list.setFilters({ departmentId })}
              placeholder={t('services.matter.department')}
              style={{ width: 170 }}
              testId="evaluations-department-filter"
            />
          )}
        </ListToolbar>
        <ListTable<EvaluationListItem>
          table={table}
          rowKey="id"
          testId="evaluations-table"
          columns={own ? columns.filter((c) => c.key !== 'department') : columns}
        />
      </Card>
      {canVisit && <ReturnVisitModal evaluation={visiting} onClose={() => setVisiting(null)} />}
    </ListPage>
  );
}
