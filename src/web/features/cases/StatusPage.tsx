import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type { CaseEvaluationStage, CasePublicStatus, CaseStatusInput } from '../../api/types.ts';
import { caseLabel, gradeLabel } from '../../i18n/labels.ts';
import { chinaDateTime } from '../../shared/chinaTime.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { evaluateCase, lookupCase } from './api.ts';
import { CaseStatusTag, clockView, CLOCK_COLORS } from './common.tsx';
import { PublicLayout } from './PublicLayout.tsx';

const GRADES = [5, 4, 3, 2, 1] as const;

type StepKey = 'submitted' | 'accepted' | 'processing' | 'completed' | 'delivered';
const STEPS: StepKey[] = ['submitted', 'accepted', 'processing', 'completed', 'delivered'];

/** How far the case has come, from its timeline (the applicant sees no matter stages). */
function progressOf(s: CasePublicStatus): {
  current: number;
  status: 'process' | 'finish' | 'wait' | 'error';
} {
  const kinds = new Set(s.timeline.map((e) => e.kind));
  const reached = kinds.has('delivered')
    ? 4
    : kinds.has('completed')
      ? 3
      : kinds.has('reviewed') || kinds.has('decided')
        ? 2
        : kinds.has('accepted')
          ? 1
          : 0;
  if (s.status === 'refused' || s.status === 'withdrawn')
    return { current: Math.min(reached + 1, 4), status: 'error' };
  if (s.status === 'delivered' || (s.status === 'completed' && !kinds.has('delivered') && reached === 3))
    return { current: reached, status: 'finish' };
  if (s.status === 'supplementing' || s.status === 'special') return { current: reached + 1, status: 'wait' };
  return { current: Math.min(reached + 1, 4), status: 'process' };
}

interface EvaluationForm {
  grade: number;
  comment?: string;
  realName?: boolean;
}

function EvaluationCard({
  stage,
  creds,
  onDone,
}: {
  stage: CaseEvaluationStage;
  creds: CaseStatusInput;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluationForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: EvaluationForm) => {
    setBusy(true);
    setError(null);
    try {
      await evaluateCase({
        caseNo: creds.caseNo,
        password: creds.password,
        stage,
        grade: v.grade,
        comment: v.comment?.trim() ?? '',
        realName: v.realName ?? false,
      });
      message.success(t('cases.status.thanks'));
      onDone();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        message.warning(e.message);
        onDone();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      type="inner"
      title={t('cases.status.evaluateStage', { stage: caseLabel('evaluationStage', stage) })}
      data-testid={`evaluate-${stage}`}
    >
      <Form<EvaluationForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {error !== null && (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={error} testId={`evaluate-${stage}-error`} />
          </div>
        )}
        <Form.Item
          name="grade"
          label={t('cases.status.grade')}
          rules={[{ required: true, message: t('cases.status.gradeRequired') }]}
        >
          <Radio.Group
            data-testid={`evaluate-${stage}-grade`}
            optionType="button"
            buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
            options={GRADES.map((g) => ({
              value: g,
              label: <span data-testid={`evaluate-${stage}-grade-${g}`}>{gradeLabel(g)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('cases.status.comment')} rules={[{ max: 1000 }]}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('cases.status.commentPlaceholder')}
            data-testid={`evaluate-${stage}-comment`}
          />
        </Form.Item>
        <Form.Item name="realName" valuePropName="checked">
          <Checkbox data-testid={`evaluate-${stage}-real-name`}>{t('cases.status.realName')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`evaluate-${stage}-submit`}>
          {t('cases.status.submitEvaluation')}
        </Button>
      </Form>
    </Card>
  );
}

function StatusView({
  s,
  creds,
  onRefresh,
  onAgain,
}: {
  s: CasePublicStatus;
  creds: CaseStatusInput;
  onRefresh: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const progress = progressOf(s);
  const clock = clockView(s.committed, t);
  const ended = s.status === 'refused' || s.status === 'withdrawn';
  const steps = STEPS.map((k, i) => ({
    title:
      ended && i === progress.current
        ? t(`cases.status.steps.${s.status as 'refused' | 'withdrawn'}`)
        : t(`cases.status.steps.${k}`),
  }));
  const evaluated = new Map(s.evaluations.map((e) => [e.stage, e.grade]));
  const happened: CaseEvaluationStage[] = [
    ...(s.acceptedAt ? (['accepted'] as const) : []),
    ...(s.completedAt ? (['completed'] as const) : []),
  ];
  const clockColor =
    clock.condition === 'overdue'
      ? CLOCK_COLORS.overdue
      : clock.condition === 'warning'
        ? CLOCK_COLORS.warning
        : clock.condition === 'paused'
          ? CLOCK_COLORS.paused
          : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="status-result">
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="status-matter">
            {s.matterName}
          </Typography.Title>
          <CaseStatusTag status={s.status} testId="status-state" />
          {s.result && <Tag color="cyan">{caseLabel('result', s.result)}</Tag>}
        </Flex>
        <Steps
          size="small"
          current={progress.current}
          status={progress.status}
          items={steps}
          responsive
          data-testid="status-steps"
          style={{ marginBottom: 16 }}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: 'caseNo',
              label: t('cases.status.caseNo'),
              children: <span style={{ fontFamily: 'monospace' }}>{s.caseNo}</span>,
            },
            { key: 'dept', label: t('cases.status.department'), children: s.departmentName },
            {
              key: 'submitted',
              label: t('cases.status.submittedAt'),
              children: chinaDateTime(s.submittedAt) || '—',
            },
            {
              key: 'accepted',
              label: t('cases.status.acceptedAt'),
              children: chinaDateTime(s.acceptedAt) || '—',
            },
            ...(s.completedAt
              ? [
                  {
                    key: 'completed',
                    label: t('cases.status.completedAt'),
                    children: chinaDateTime(s.completedAt),
                  },
                ]
              : []),
            {
              key: 'due',
              label: t('cases.status.due'),
              children: <span data-testid="status-due">{s.committed.due ?? '—'}</span>,
            },
            {
              key: 'remaining',
              label: t('cases.status.remaining'),
              children: (
                <span style={{ color: clockColor, fontWeight: 500 }} data-testid="status-remaining">
                  {clock.text}
                </span>
              ),
            },
          ]}
        />
      </Card>
      {s.status === 'supplementing' && s.supplementItems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="status-missing"
          title={t('cases.status.missing')}
          description={
            <>
              <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {s.supplementItems.map((it, i) => (
                  <li key={i}>
                    <strong>{it.material}</strong>：{it.reason}
                  </li>
                ))}
              </ol>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('cases.status.missingHint')}
              </Typography.Text>
            </>
          }
        />
      )}
      <Card size="small" title={t('cases.status.timeline')} data-testid="status-timeline">
        <Timeline
          items={s.timeline.map((e, i) => ({
            key: i,
            color:
              e.kind === 'refused' || e.kind === 'withdrawn'
                ? 'red'
                : e.kind === 'supplement_requested'
                  ? 'orange'
                  : 'blue',
            content: (
              <Flex wrap gap={8} align="baseline" data-kind={e.kind}>
                <Typography.Text strong>{caseLabel('eventKind', e.kind)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaDateTime(e.at)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('cases.status.evaluate')} data-testid="status-evaluations">
        {happened.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.status.nothingToEvaluate')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {happened.map((stage) =>
              evaluated.has(stage) ? (
                <Alert
                  key={stage}
                  type="success"
                  showIcon
                  data-testid={`evaluated-${stage}`}
                  title={`${caseLabel('evaluationStage', stage)} · ${t('cases.status.evaluated', {
                    grade: gradeLabel(evaluated.get(stage)!),
                  })}`}
                />
              ) : (
                <EvaluationCard key={stage} stage={stage} creds={creds} onDone={onRefresh} />
              ),
            )}
          </Flex>
        )}
      </Card>
      <Flex gap={12} wrap>
        <Button onClick={onAgain} data-testid="status-again">
          {t('cases.status.again')}
        </Button>
        <Link to="/apply">{t('cases.status.apply')}</Link>
      </Flex>
    </Space>
  );
}

/** 办件查询 (public): case number + query password → where the case stands, what is missing, evaluation. */
export function StatusPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<CaseStatusInput>();
  const [creds, setCreds] = useState<CaseStatusInput | null>(null);
  const [status, setStatus] = useState<CasePublicStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const look = async (c: CaseStatusInput) => {
    setBusy(true);
    setError(null);
    try {
      const s = await lookupCase({ caseNo: c.caseNo.trim(), password: c.password.trim() });
      setCreds({ caseNo: c.caseNo.trim(), password: c.password.trim() });
      setStatus(s);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout title={t('cases.status.title')} testId="page-status">
      {status && creds ? (
        <StatusView
          s={status}
          creds={creds}
          onRefresh={() => void look(creds)}
          onAgain={() => {
            setStatus(null);
            setCreds(null);
            form.resetFields();
          }}
        />
      ) : (
        <Card style={{ maxWidth: 460, margin: '24px auto' }} title={t('cases.status.title')}>
          <Typography.Paragraph type="secondary">{t('cases.status.subtitle')}</Typography.Paragraph>
          <Form<CaseStatusInput>
            form={form}
            layout="vertical"
            initialValues={{ caseNo: params.get('caseNo') ?? '', password: '' }}
            onFinish={(v) => void look(v)}
            data-testid="status-form"
          >
            {error !== null && (
              <div style={{ marginBottom: 12 }}>
                <ErrorAlert error={error} testId="status-error" />
              </div>
            )}
            <Form.Item
              name="caseNo"
              label={t('cases.status.caseNo')}
              rules={[{ required: true, whitespace: true, message: t('cases.status.caseNoRequired') }]}
            >
              <Input inputMode="numeric" autoComplete="off" maxLength={40} data-testid="status-case-no" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('cases.status.password')}
              rules={[{ required: true, whitespace: true, message: t('cases.status.passwordRequired') }]}
            >
              <Input.Password
                inputMode="numeric"
                autoComplete="off"
                maxLength={40}
                data-testid="status-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              icon={<SearchOutlined />}
              loading={busy}
              data-testid="status-submit"
            >
              {t('cases.status.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </PublicLayout>
  );
}
