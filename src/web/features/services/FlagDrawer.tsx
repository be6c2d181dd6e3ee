import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Rate,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseFlagAction, CaseFlagDetail, FlagRectifyKind } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { caseLabel, gradeLabel, serviceLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { caseFlagKeys, evaluationKeys, fetchCaseFlag, rankingKeys, rectifyFlag, reviewFlag } from './api.ts';
import { flagActorLabel, FlagLevelTag, FlagStatusTag } from './codes.tsx';
import { chinaDateTime } from './format.ts';

const ACTION_COLORS: Record<CaseFlagAction, string> = {
  raised: 'red',
  explained: 'blue',
  accepted: 'green',
  rejected: 'orange',
  cleared: 'gray',
  reopened: 'red',
};

function CaseSummary({ flag }: { flag: CaseFlagDetail }) {
  const { t } = useTranslation();
  const c = flag.case;
  const items = [
    {
      key: 'caseNo',
      label: t('services.supervision.caseNo'),
      children: (
        <Link to={`/cases/${c.id}`} data-testid="flag-case-link">
          {c.caseNo}
        </Link>
      ),
    },
    { key: 'matter', label: t('services.supervision.matter'), children: c.matterName },
    { key: 'department', label: t('services.matter.department'), children: flag.department.name },
    { key: 'channel', label: t('services.supervision.channel'), children: caseLabel('channel', c.channel) },
    {
      key: 'status',
      label: t('services.supervision.caseStatus'),
      children: (
        <>
          {caseLabel('status', c.status)}
          {c.result ? ` · ${caseLabel('result', c.result)}` : ''}
        </>
      ),
    },
    {
      key: 'submitted',
      label: t('services.supervision.submittedAt'),
      children: chinaDateTime(c.submittedAt) || '–',
    },
    {
      key: 'accepted',
      label: t('services.supervision.acceptedAt'),
      children: chinaDateTime(c.acceptedAt) || '–',
    },
    {
      key: 'completed',
      label: t('services.supervision.completedAt'),
      children: chinaDateTime(c.completedAt) || '–',
    },
    { key: 'committedDue', label: t('services.supervision.committedDue'), children: c.committedDue ?? '–' },
    { key: 'statutoryDue', label: t('services.supervision.statutoryDue'), children: c.statutoryDue ?? '–' },
    { key: 'openFlags', label: t('services.supervision.openFlagsOfCase'), children: c.openFlags },
  ];
  return <Descriptions size="small" column={1} bordered items={items} data-testid="flag-case" />;
}

function History({ flag }: { flag: CaseFlagDetail }) {
  const { t } = useTranslation();
  if (flag.actions.length === 0) return <Empty description={t('services.supervision.noHistory')} />;
  return (
    <Timeline
      data-testid="flag-history"
      items={flag.actions.map((a, i) => ({
        key: i,
        color: ACTION_COLORS[a.action],
        content: (
          <div data-testid={`flag-history-${i}`}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{serviceLabel('flagAction', a.action)}</Typography.Text>
              {a.kind && <Tag style={{ marginInlineEnd: 0 }}>{serviceLabel('rectifyKind', a.kind)}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {chinaDateTime(a.at)} · {flagActorLabel(a)}
              </Typography.Text>
            </Flex>
            {a.note && <div style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>{a.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

interface RectifyValues {
  kind: FlagRectifyKind;
  note: string;
}

function RectifyForm({
  flag,
  onDone,
}: {
  flag: CaseFlagDetail;
  onDone: (f: CaseFlagDetail) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RectifyValues>();
  const submit = useFormSubmit<RectifyValues>(
    form,
    ['kind', 'note'],
    async (v) => {
      const out = await rectifyFlag(flag.id, { kind: v.kind, note: v.note.trim() });
      message.success(t('services.supervision.rectified'));
      form.resetFields();
      await onDone(out);
    },
    'flag-rectify-error',
  );
  return (
    <Card size="small" title={t('services.supervision.rectifyTitle')} data-testid="flag-rectify">
      <Typography.Paragraph type="secondary">{t('services.supervision.rectifyHint')}</Typography.Paragraph>
      {submit.alert}
      <Form<RectifyValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'correct', note: '' }}
        onFinish={submit.onFinish}
      >
        <Form.Item name="kind" label={t('services.supervision.rectifyKind')}>
          <Radio.Group
            options={(['correct', 'explain'] as const).map((k) => ({
              value: k,
              label: serviceLabel('rectifyKind', k),
            }))}
            data-testid="flag-rectify-kind"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('services.supervision.rectifyNote')}
          rules={[
            { required: true, whitespace: true, message: t('services.supervision.noteLength') },
            { min: 2, max: 2000, message: t('services.supervision.noteLength') },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            data-testid="flag-rectify-note"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="flag-rectify-submit">
          {t('services.supervision.rectifySubmit')}
        </Button>
      </Form>
    </Card>
  );
}

interface ReviewValues {
  note: string;
}

function ReviewForm({
  flag,
  onDone,
}: {
  flag: CaseFlagDetail;
  onDone: (f: CaseFlagDetail) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  // Read by the validator and the submission of the same click (state would lag a render behind).
  const chosen = useRef<'accept' | 'reject'>('accept');
  const submit = useFormSubmit<ReviewValues>(
    form,
    ['note'],
    async (v) => {
      const note = v.note?.trim() ?? '';
      const d = chosen.current;
      const out = await reviewFlag(
        flag.id,
        d === 'accept' ? { decision: d, ...(note ? { note } : {}) } : { decision: d, note },
      );
      message.success(
        d === 'accept' ? t('services.supervision.accepted') : t('services.supervision.rejected'),
      );
      form.resetFields();
      await onDone(out);
    },
    'flag-review-error',
  );
  const last = [...flag.actions].reverse().find((a) => a.action === 'explained');
  return (
    <Card size="small" title={t('services.supervision.reviewTitle')} data-testid="flag-review">
      {last && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('services.supervision.submittedRectification', {
              by: flagActorLabel(last),
              at: chinaDateTime(last.at),
            })}
          </Typography.Text>
          <br />
          {last.kind && <Tag>{serviceLabel('rectifyKind', last.kind)}</Tag>}
          <span style={{ whiteSpace: 'pre-wrap' }}>{last.note}</span>
        </Typography.Paragraph>
      )}
      {submit.alert}
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        initialValues={{ note: '' }}
        onFinish={submit.onFinish}
      >
        <Form.Item
          name="note"
          label={t('services.supervision.reviewNote')}
          extra={t('services.supervision.reviewHint')}
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const n = value?.trim().length ?? 0;
                if (chosen.current === 'reject' && n < 2)
                  throw new Error(t('services.supervision.rejectNoteRequired'));
                if (n > 2000) throw new Error(t('services.supervision.noteLength'));
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="flag-review-note"
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            loading={submit.busy && decision === 'accept'}
            onClick={() => {
              chosen.current = 'accept';
              setDecision('accept');
              form.submit();
            }}
            data-testid="flag-review-accept"
          >
            {t('services.supervision.accept')}
          </Button>
          <Button
            danger
            loading={submit.busy && decision === 'reject'}
            onClick={() => {
              chosen.current = 'reject';
              setDecision('reject');
              form.submit();
            }}
            data-testid="flag-review-reject"
          >
            {t('services.supervision.reject')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** One flag: its case, the reason, the rectification history; rectify (department) or review (bureau). */
export function FlagDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const result = useQuery({
    queryKey: caseFlagKeys.detail(id ?? ''),
    queryFn: () => fetchCaseFlag(id ?? ''),
    enabled: Boolean(id),
  });
  const flag = result.data;

  const done = async (out: CaseFlagDetail) => {
    queryClient.setQueryData(caseFlagKeys.detail(out.id), out);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...caseFlagKeys.all, 'list'] }),
      queryClient.invalidateQueries({ queryKey: [...caseFlagKeys.all, 'count'] }),
      queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
      queryClient.invalidateQueries({ queryKey: rankingKeys.all }),
    ]);
  };

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={Math.min(640, typeof window === 'undefined' ? 640 : window.innerWidth)}
      title={
        flag ? `${caseLabel('flagType', flag.type)} · ${flag.case.caseNo}` : t('services.supervision.flag')
      }
      destroyOnHidden
      data-testid="flag-drawer"
    >
      {result.isPending && id ? (
        <Skeleton active />
      ) : result.isError ? (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      ) : flag ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('services.supervision.flagFacts')}>
            <Flex gap={6} wrap style={{ marginBottom: 8 }}>
              <FlagLevelTag level={flag.level} />
              <Tag style={{ marginInlineEnd: 0 }}>{caseLabel('flagType', flag.type)}</Tag>
              <span data-testid="flag-status">
                <FlagStatusTag status={flag.status} />
              </span>
              {flag.rectificationOverdue && (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('services.supervision.rectificationOverdue')}
                </Tag>
              )}
            </Flex>
            <Typography.Paragraph data-testid="flag-reason">{flag.reason}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('services.supervision.detected', { at: chinaDateTime(flag.detectedAt) })}
              {flag.dueOn && ` · ${t('services.supervision.dueOn', { date: flag.dueOn })}`}
              {flag.closedAt &&
                ` · ${t('services.supervision.closedAt', { at: chinaDateTime(flag.closedAt) })}`}
            </Typography.Text>
          </Card>
          {flag.status === 'open' && can('cases.rectify') && <RectifyForm flag={flag} onDone={done} />}
          {flag.status === 'explained' && can('cases.supervise') && <ReviewForm flag={flag} onDone={done} />}
          {flag.status === 'open' && !can('cases.rectify') && (
            <Typography.Text type="secondary">{t('services.supervision.awaitingDepartment')}</Typography.Text>
          )}
          {flag.status === 'explained' && !can('cases.supervise') && (
            <Typography.Text type="secondary">{t('services.supervision.awaitingReview')}</Typography.Text>
          )}
          {flag.evaluations.length > 0 && (
            <Card size="small" title={t('services.supervision.evaluations')}>
              {flag.evaluations.map((e) => (
                <div key={e.id} style={{ marginBottom: 8 }}>
                  <Flex gap={8} align="center" wrap>
                    <Rate disabled value={e.grade} style={{ fontSize: 14 }} />
                    <span>{gradeLabel(e.grade)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {caseLabel('evaluationStage', e.stage)} · {chinaDateTime(e.at)}
                      {e.realName ? ` · ${t('services.evaluations.realName')}` : ''}
                    </Typography.Text>
                  </Flex>
                  {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title={t('services.supervision.caseSummary')}>
            <CaseSummary flag={flag} />
          </Card>
          <Card size="small" title={t('services.supervision.history')}>
            <History flag={flag} />
          </Card>
        </Space>
      ) : null}
    </Drawer>
  );
}
