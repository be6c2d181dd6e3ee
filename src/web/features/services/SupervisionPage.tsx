import { Button, Card, Checkbox, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type {
  CaseFlag,
  CaseFlagLevel,
  CaseFlagQuery,
  CaseFlagStatus,
  CaseFlagType,
} from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, oneOf, SERVICE_CODES } from '../../i18n/labels.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { caseFlagKeys, fetchCaseFlags } from './api.ts';
import { FlagLevelTag, FlagStatusTag, useOwnDepartment } from './codes.tsx';
import { FlagCharts } from './FlagCharts.tsx';
import { FlagDrawer } from './FlagDrawer.tsx';
import { chinaDateTime } from './format.ts';

const FILTERS = ['type', 'level', 'status', 'departmentId', 'rectificationOverdue', 'caseNo'] as const;
const SORT_FIELDS = ['detectedAt', 'level', 'dueOn'] as const;

/**
 * 超期与异常办件: the flags (type, level, status, the case, the rectification deadline) with charts of
 * the open ones; a flag opens in a drawer (/supervision/flags/:id, the inbox links there) where the
 * department rectifies and the bureau reviews.
 */
export function SupervisionPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useAuth();
  const own = useOwnDepartment();

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }): CaseFlagQuery => ({
      type: oneOf(SERVICE_CODES.flagType, filters.type),
      level: oneOf(SERVICE_CODES.flagLevel, filters.level),
      status: oneOf(SERVICE_CODES.flagStatus, filters.status),
      departmentId: own ? undefined : filters.departmentId,
      rectificationOverdue: filters.rectificationOverdue === 'true' ? 'true' : undefined,
      caseNo: filters.caseNo,
      sort,
      page,
      pageSize,
    }),
    queryKey: caseFlagKeys.list,
    fetch: fetchCaseFlags,
  });
  const { list, query } = table;

  const open = (flagId: string) =>
    navigate({ pathname: `/supervision/flags/${flagId}`, search: location.search });
  const close = () => navigate({ pathname: '/supervision', search: location.search });

  const columns: TableColumnsType<CaseFlag> = [
    {
      ...table.sortable('level'),
      title: t('services.supervision.level'),
      width: 80,
      render: (_: unknown, f) => <FlagLevelTag level={f.level} />,
    },
    {
      key: 'type',
      title: t('services.supervision.type'),
      width: en ? 200 : 150,
      render: (_: unknown, f) => (
        <div>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }}
            onClick={() => open(f.id)}
            data-testid={`flag-open-${f.id}`}
          >
            {caseLabel('flagType', f.type)}
          </Button>
          <Typography.Paragraph
            type="secondary"
            style={{ margin: 0, fontSize: 12 }}
            ellipsis={{ rows: 2, tooltip: f.reason }}
          >
            {f.reason}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      key: 'case',
      title: t('services.supervision.case'),
      width: 220,
      render: (_: unknown, f) => (
        <div>
          <Link
            to={`/cases/${f.case.id}`}
            data-testid={`flag-case-${f.case.caseNo}`}
            style={{ fontFamily: 'monospace' }}
          >
            {f.case.caseNo}
          </Link>
          <Typography.Paragraph
            style={{ margin: 0, fontSize: 12 }}
            ellipsis={{ rows: 1, tooltip: f.case.matterName }}
          >
            {f.case.matterName}
          </Typography.Paragraph>
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
      ...table.sortable('detectedAt'),
      title: t('services.supervision.detectedAt'),
      width: 130,
      render: (_: unknown, f) => chinaDateTime(f.detectedAt),
    },
    {
      ...table.sortable('dueOn'),
      title: t('services.supervision.dueOnColumn'),
      width: 120,
      render: (_: unknown, f) =>
        f.dueOn ? (
          <span data-overdue={f.rectificationOverdue || undefined}>
            <Typography.Text
              type={f.rectificationOverdue ? 'danger' : undefined}
              strong={f.rectificationOverdue}
            >
              {f.dueOn}
            </Typography.Text>
            {f.rectificationOverdue && (
              <div>
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {t('services.supervision.rectificationOverdue')}
                </Typography.Text>
              </div>
            )}
          </span>
        ) : (
          '–'
        ),
    },
    {
      key: 'status',
      title: t('services.supervision.status'),
      width: 90,
      render: (_: unknown, f) => <FlagStatusTag status={f.status} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      fixed: 'right',
      render: (_: unknown, f) => {
        const act =
          (f.status === 'open' && can('cases.rectify')) ||
          (f.status === 'explained' && can('cases.supervise'));
        return (
          <Button type="link" size="small" onClick={() => open(f.id)} data-testid={`flag-action-${f.id}`}>
            {act
              ? f.status === 'open'
                ? t('services.supervision.rectify')
                : t('services.supervision.review')
              : t('services.supervision.view')}
          </Button>
        );
      },
    },
  ];

  const select = <T extends string>(
    key: 'type' | 'level' | 'status',
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
      data-testid={`case-flags-${key}-filter`}
    />
  );

  return (
    <ListPage title={t('services.supervision.title')} testId="page-supervision">
      <FlagCharts
        departmentId={query.departmentId}
        onType={(type) =>
          list.setFilters({ type, status: 'open', level: undefined, rectificationOverdue: undefined })
        }
        onLevel={(level) =>
          list.setFilters({ level, status: 'open', type: undefined, rectificationOverdue: undefined })
        }
        onStatistic={(patch) =>
          list.setFilters({
            status: undefined,
            level: undefined,
            type: undefined,
            rectificationOverdue: undefined,
            ...patch,
          })
        }
      />
      <Card size="small">
        <ListToolbar
          search={{
            value: list.filters.caseNo,
            onSearch: (caseNo) => list.setFilters({ caseNo }),
            placeholder: t('services.supervision.caseNoPlaceholder'),
            testId: 'case-flags-case-search',
            width: 200,
          }}
          onReset={list.reset}
          exportTo={{
            path: '/api/supervision/flags/export.xlsx',
            query,
            filename: en ? 'case-flags.xlsx' : '超期异常办件.xlsx',
            testId: 'case-flags-export',
          }}
        >
          {select<CaseFlagType>(
            'type',
            SERVICE_CODES.flagType,
            (v) => caseLabel('flagType', v),
            t('services.supervision.type'),
            150,
          )}
          {select<CaseFlagLevel>(
            'level',
            SERVICE_CODES.flagLevel,
            (v) => caseLabel('flagLevel', v),
            t('services.supervision.level'),
            90,
          )}
          {select<CaseFlagStatus>(
            'status',
            SERVICE_CODES.flagStatus,
            (v) => caseLabel('flagStatus', v),
            t('services.supervision.status'),
            100,
          )}
          {!own && can('departments.read') && (
            <DepartmentSelect
              value={list.filters.departmentId}
              onChange={(departmentId) => list.setFilters({ departmentId })}
              placeholder={t('services.matter.department')}
              style={{ width: 170 }}
              testId="case-flags-department-filter"
            />
          )}
          <Checkbox
            checked={query.rectificationOverdue === 'true'}
            onChange={(e) => list.setFilters({ rectificationOverdue: e.target.checked ? 'true' : undefined })}
            data-testid="case-flags-overdue-filter"
          >
            {t('services.supervision.rectificationOverdueOnly')}
          </Checkbox>
        </ListToolbar>
        {own && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('services.supervision.onlyOwnDepartment', { name: own.name })}
          </Typography.Paragraph>
        )}
        <ListTable<CaseFlag>
          table={table}
          rowKey="id"
          testId="case-flags-table"
          columns={own ? columns.filter((c) => c.key !== 'department') : columns}
          rowClassName={(f) => (f.id === id ? 'ant-table-row-selected' : '')}
        />
      </Card>
      <FlagDrawer id={id} onClose={close} />
    </ListPage>
  );
}
