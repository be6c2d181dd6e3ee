import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Rate,
  Result,
  Row,
  Skeleton,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type { CaseApplicantUnmasked, CaseDetail, CaseEventKind } from '../../api/types.ts';
import { caseLabel, gradeLabel } from '../../i18n/labels.ts';
import { chinaDateTime } from '../../shared/chinaTime.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { caseKeys, fetchCase } from './api.ts';
import { ClockCard } from './ClockCard.tsx';
import {
  actorRoleLabel,
  CaseStatusTag,
  eventPayloadLines,
  FLAG_STATUS_COLORS,
  FlagLevelTag,
  flagReason,
} from './common.tsx';
import { SupplementNoticeSheet } from './SupplementNotice.tsx';
import { UnmaskApplicantButton } from './UnmaskApplicant.tsx';

const EVENT_COLORS: Partial<Record<CaseEventKind, string>> = {
  submitted: 'blue',
  accepted: 'green',
  refused: 'red',
  withdrawn: 'gray',
  supplement_requested: 'orange',
  supplement_received: 'green',
  special_started: 'purple',
  special_ended: 'purple',
  extended: 'orange',
  completed: 'green',
  delivered: 'green',
};

const ROW = { padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' } as const;

function Rows({ children }: { children: ReactNode }) {
  return <div style={{ marginTop: -8 }}>{children}</div>;
}

function CaseHeader({
  c,
  unmasked,
  onUnmasked,
}: {
  c: CaseDetail;
  /** The applicant's full data once a holder of cases.unmask asked for it (page state only). */
  unmasked: CaseApplicantUnmasked | null;
  onUnmasked: (a: CaseApplicantUnmasked) => void;
}) {
  const { t } = useTranslation();
  const openFlags = c.flags.filter((f) => f.status === 'open' || f.status === 'explained');
  return (
    <Card size="small" data-testid="case-header">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontFamily: 'monospace' }} data-testid="case-no">
          {c.caseNo}
        </Typography.Title>
        <CaseStatusTag status={c.status} testId="case-status" />
        {c.result && <Tag color="cyan">{caseLabel('result', c.result)}</Tag>}
        {openFlags.map((f) => (
          <Tag key={f.id} color={f.level === 'alarm' ? 'red' : f.level === 'warning' ? 'orange' : 'blue'}>
            {caseLabel('flagType', f.type)}
          </Tag>
        ))}
        {c.source === 'import' && <Tag>{t('cases.detail.sourceImport')}</Tag>}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'matter',
            label: t('cases.detail.matter'),
            children: <span data-testid="case-matter">{c.matter.name}</span>,
            span: { xs: 1, sm: 2, lg: 2 },
          },
          {
            key: 'code',
            label: t('cases.detail.matterCode'),
            children: (
              <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {c.matter.code}
              </Typography.Text>
            ),
          },
          { key: 'dept', label: t('cases.detail.department'), children: c.department.name },
          { key: 'place', label: t('cases.detail.place'), children: c.region.name },
          { key: 'channel', label: t('cases.detail.channel'), children: caseLabel('channel', c.channel) },
          {
            key: 'applicant',
            label: t('cases.detail.applicant'),
            children: (
              <span>
                <span data-testid="case-applicant">{unmasked?.name ?? c.applicantName}</span>{' '}
                <Typography.Text type="secondary">
                  ({caseLabel('applicantType', c.applicantType)})
                </Typography.Text>
                {unmasked ? (
                  <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="case-unmasked">
                    {t('cases.detail.unmask.shown')}
                  </Tag>
                ) : (
                  c.canUnmask && <UnmaskApplicantButton detail={c} onUnmasked={onUnmasked} />
                )}
              </span>
            ),
          },
          {
            key: 'id',
            label: t('cases.detail.applicantId'),
            children: (
              <span data-testid="case-applicant-id">
                {(unmasked ? unmasked.idNumber : c.applicantIdMasked) ?? '—'}
              </span>
            ),
          },
          {
            key: 'phone',
            label: t('cases.detail.applicantPhone'),
            children: (
              <span data-testid="case-applicant-phone">
                {(unmasked ? unmasked.phone : c.applicantPhoneMasked) ?? '—'}
              </span>
            ),
          },
          { key: 'visits', label: t('cases.detail.visits'), children: c.visits },
          {
            key: 'submitted',
            label: t('cases.detail.submittedAt'),
            children: chinaDateTime(c.submittedAt) || '—',
          },
          {
            key: 'accepted',
            label: t('cases.detail.acceptedAt'),
            children: chinaDateTime(c.acceptedAt) || '—',
          },
          {
            key: 'completed',
            label: t('cases.detail.completedAt'),
            children: chinaDateTime(c.completedAt) || '—',
          },
          ...(c.deliveredAt
            ? [
                {
                  key: 'delivered',
                  label: t('cases.detail.deliveredAt'),
                  children: chinaDateTime(c.deliveredAt),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.detail.timeline')} data-testid="case-timeline">
      {c.events.length === 0 ? (
        <Empty description={t('cases.detail.noEvents')} />
      ) : (
        <Timeline
          items={c.events.map((e) => ({
            key: e.seq,
            color: EVENT_COLORS[e.kind] ?? 'blue',
            content: (
              <div data-testid={`case-event-${e.seq}`} data-kind={e.kind}>
                <Flex wrap gap={8} align="baseline">
                  <Typography.Text strong>{caseLabel('eventKind', e.kind)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {chinaDateTime(e.at)}
                  </Typography.Text>
                  {(actorOf(e) || e.actorRole) && (
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12 }}
                      title={e.actorName ?? undefined}
                    >
                      {actorOf(e) && e.actorRole
                        ? t('cases.detail.actor', { name: actorOf(e), role: actorRoleLabel(e.actorRole) })
                        : (actorOf(e) ?? actorRoleLabel(e.actorRole))}
                    </Typography.Text>
                  )}
                </Flex>
                {eventPayloadLines(e, t).map((line, i) => (
                  <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
                    {line}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function CaseFlags({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.detail.flags')} data-testid="case-flags">
      {c.flags.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.detail.noFlags')}</Typography.Text>
      ) : (
        <Rows>
          {c.flags.map((f) => (
            <div key={f.id} data-testid={`case-flag-${f.type}`} style={ROW}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex wrap gap={6} align="center">
                  <FlagLevelTag level={f.level} />
                  <Typography.Text strong>{caseLabel('flagType', f.type)}</Typography.Text>
                  <Tag color={FLAG_STATUS_COLORS[f.status]} style={{ marginInlineEnd: 0 }}>
                    {caseLabel('flagStatus', f.status)}
                  </Tag>
                </Flex>
                <Typography.Text>{flagReason(f, t)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cases.detail.flagDetected', { at: chinaDateTime(f.detectedAt) })}
                  {f.dueOn && (f.status === 'open' || f.status === 'explained')
                    ? ` · ${t('cases.detail.flagDue', { date: f.dueOn })}`
                    : ''}
                  {f.closedAt ? ` · ${t('cases.detail.flagClosed', { at: chinaDateTime(f.closedAt) })}` : ''}
                </Typography.Text>
              </Flex>
            </div>
          ))}
        </Rows>
      )}
    </Card>
  );
}

function CaseEvaluations({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.detail.evaluations')} data-testid="case-evaluations">
      {c.evaluations.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.detail.noEvaluations')}</Typography.Text>
      ) : (
        <Rows>
          {c.evaluations.map((ev) => (
            <div key={ev.id} style={ROW} data-testid={`case-evaluation-${ev.stage}`}>
              <Flex vertical gap={2}>
                <Flex wrap gap={8} align="center">
                  <Typography.Text strong>{caseLabel('evaluationStage', ev.stage)}</Typography.Text>
                  <Rate disabled value={ev.grade} style={{ fontSize: 14 }} />
                  <Tag color={ev.grade <= 2 ? 'red' : ev.grade >= 4 ? 'green' : 'default'}>
                    {gradeLabel(ev.grade)}
                  </Tag>
                  {ev.realName && <Tag>{t('cases.detail.realName')}</Tag>}
                </Flex>
                {ev.comment && <Typography.Text>{ev.comment}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaDateTime(ev.at)}
                  {ev.returnVisitAt
                    ? ` · ${t('cases.detail.returnVisit', { at: chinaDateTime(ev.returnVisitAt) })}`
                    : ''}
                </Typography.Text>
              </Flex>
            </div>
          ))}
        </Rows>
      )}
    </Card>
  );
}

/** The matter's stages as steps: those done, the current one, the rest. */
function CaseStages({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const kindOf: Record<string, CaseEventKind> = {
    receive: 'submitted',
    accept: 'accepted',
    review: 'reviewed',
    decide: 'decided',
    complete: 'completed',
    deliver: 'delivered',
  };
  const done = new Set(c.events.map((e) => e.kind));
  const ended = c.status === 'refused' || c.status === 'withdrawn';
  const current = c.matter.stages.findIndex((s) => !done.has(kindOf[s.code]!));
  return (
    <Card size="small" title={t('cases.detail.stages')} data-testid="case-stages">
      <Steps
        size="small"
        current={current < 0 ? c.matter.stages.length : current}
        status={ended ? 'error' : c.status === 'supplementing' || c.status === 'special' ? 'wait' : 'process'}
        items={c.matter.stages.map((s) => ({
          title: caseLabel('stage', s.code),
          content: (
            <span style={{ fontSize: 12 }}>
              {caseLabel('stageRole', s.role)}
              {s.limitDays !== null ? ` · ${t('cases.detail.stageLimit', { days: s.limitDays })}` : ''}
            </span>
          ),
        }))}
        responsive
      />
    </Card>
  );
}

function extensionDays(c: CaseDetail): number {
  return c.events
    .filter((e) => e.kind === 'extended')
    .reduce((sum, e) => sum + Number((e.payload as { days?: unknown }).days ?? 0), 0);
}

/** One case: who, what, both clocks, the timeline, flags and evaluations, and the actions open to the user. */
/** Who acted, as people know them: the display name, else the recorded name (the applicant: the role alone). */
const actorOf = (e: CaseDetail['events'][number]) =>
  e.actorRole === 'applicant' ? null : (e.actorDisplayName ?? e.actorName);

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => fetchCase(id) });
  // The full applicant data lives here only, for this case, until the page is left.
  const [unmasked, setUnmasked] = useState<CaseApplicantUnmasked | null>(null);
  const back = (
    <Link to="/cases" data-testid="case-back">
      <ArrowLeftOutlined /> {t('cases.detail.back')}
    </Link>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError)
    return isApiError(detail.error) && detail.error.status === 404 ? (
      <Result status="404" title={t('cases.detail.notFound')} extra={back} data-testid="case-not-found" />
    ) : (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
    );
  const c = detail.data;
  const ext = extensionDays(c);
  const full = unmasked?.caseNo === c.caseNo ? unmasked : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-case">
      {back}
      <CaseHeader c={c} unmasked={full} onUnmasked={setUnmasked} />
      {c.status === 'supplementing' && c.supplementItems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="case-supplement-pending"
          title={t('cases.detail.supplementPending')}
          description={
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {c.supplementItems.map((it, i) => (
                <li key={i}>
                  {t('cases.detail.payload.item', { material: it.material, reason: it.reason })}
                </li>
              ))}
            </ol>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={8}>
          <ClockCard
            title={t('cases.clock.committed')}
            clock={c.committed}
            limitDays={c.matter.committedLimitDays}
            onTheSpot={c.matter.onTheSpot}
            extensionDays={ext}
            testId="clock-committed"
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ClockCard
            title={t('cases.clock.statutory')}
            clock={c.statutory}
            limitDays={c.matter.statutoryLimitDays}
            onTheSpot={c.matter.onTheSpot}
            extensionDays={ext}
            testId="clock-statutory"
          />
        </Col>
        <Col xs={24} xl={8}>
          <ActionPanel detail={c} onReload={() => void detail.refetch()} />
        </Col>
      </Row>
      <CaseStages c={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <CaseTimeline c={c} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <CaseFlags c={c} />
            <CaseEvaluations c={c} />
          </Flex>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.detail.version', { version: c.version })} ·{' '}
        {t('cases.detail.calendarVersion', { version: c.calendarVersion })}
      </Typography.Text>
      <SupplementNoticeSheet detail={c} applicantName={full?.name ?? c.applicantName} />
    </Space>
  );
}
