import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LoginStatus } from '../../api/types.ts';
import { queryClient } from '../../api/queryClient.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { fetchMe, meKey, safeNext } from '../../app/auth.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { enrolTotp, login, verifyTotp, type TotpEnrolment } from './api.ts';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

type Step = 'credentials' | 'totp' | 'password';

function initialStep(value: string | null): Step {
  return value === 'totp' || value === 'password' ? value : 'credentials';
}

function stepAfter(status: LoginStatus): Step | 'done' {
  if (status === 'mfa_required') return 'totp';
  if (status === 'password_change_required') return 'password';
  return 'done';
}

function CredentialsStep({ onStatus }: { onStatus: (status: LoginStatus) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { status } = await login(values.username.trim(), values.password);
      onStatus(status);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} data-testid="login-form">
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} testId="login-error" />
        </div>
      )}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, message: t('auth.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          data-testid="login-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
        {t('auth.submit')}
      </Button>
    </Form>
  );
}

/** First use of a second factor: the server issues a secret, shown as a QR code for the authenticator app. */
function TotpEnrolment({ onEnrolled }: { onEnrolled: (enrolment: TotpEnrolment) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await enrolTotp());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="totp-enrol-start">
      <Typography.Paragraph>{t('auth.enrolHint')}</Typography.Paragraph>
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} testId="login-error" />
        </div>
      )}
      <Button type="primary" block loading={busy} onClick={() => void start()} data-testid="totp-enrol">
        {t('auth.enrolStart')}
      </Button>
    </div>
  );
}

function TotpStep({ onStatus, onBack }: { onStatus: (status: LoginStatus) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  // The pending session may read /api/me: it says whether a second factor is enrolled yet.
  const me = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });

  const onFinish = async (values: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { status } = await verifyTotp(values.code);
      onStatus(status);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (me.isPending) return <Spin />;
  const mustEnrol = me.data ? !me.data.mfaEnabled : false;
  const back = (
    <Button type="link" block onClick={onBack} style={{ marginTop: 8 }} data-testid="login-back">
      {t('auth.backToLogin')}
    </Button>
  );
  if (mustEnrol && !enrolment) {
    return (
      <>
        <TotpEnrolment onEnrolled={setEnrolment} />
        {back}
      </>
    );
  }

  return (
    <Form layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} data-testid="totp-form">
      {enrolment ? (
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }} data-testid="totp-enrolment">
          <Typography.Paragraph style={{ alignSelf: 'stretch' }}>{t('auth.enrolScan')}</Typography.Paragraph>
          <QRCode value={enrolment.otpauthUrl} size={180} />
          <Typography.Text type="secondary">{t('auth.enrolSecret')}</Typography.Text>
          <Typography.Text code copyable data-testid="totp-secret">
            {enrolment.secret}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Paragraph>{t('auth.totpHint')}</Typography.Paragraph>
      )}
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} testId="login-error" />
        </div>
      )}
      <Form.Item
        name="code"
        label={t('auth.totpCode')}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpFormat') }]}
      >
        <Input
          prefix={<SafetyOutlined />}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          data-testid="login-totp"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-totp-submit">
        {t('auth.verify')}
      </Button>
      {back}
    </Form>
  );
}

/** Sign-in: password, then the TOTP code when required, then a forced password change when required. */
export function LoginPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [step, setStep] = useState<Step>(() => initialStep(params.get('step')));
  const [finishing, setFinishing] = useState(false);
  const me = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0, enabled: step === 'credentials' });

  useEffect(() => {
    if (params.get('signedOut')) message.success(t('header.signedOut'));
    if (params.get('passwordChanged')) message.success(t('auth.passwordChanged'));
    if (params.get('expired')) message.warning(t('auth.sessionExpired'));
    // Once, on arrival: a language switch must not repeat the toast.
  }, []);

  const finish = async (afterPasswordChange: boolean) => {
    setFinishing(true);
    try {
      // Sign-in starts a new session: forget everything cached before it.
      queryClient.clear();
      const fresh = await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
      if (!fresh) {
        // e.g. the server ended the session after a password change: sign in again.
        if (afterPasswordChange) message.success(t('auth.passwordChanged'));
        setStep('credentials');
        return;
      }
      if (fresh.mustChangePassword) {
        setStep('password');
        return;
      }
      navigate(next, { replace: true });
    } finally {
      setFinishing(false);
    }
  };

  const onStatus = (status: LoginStatus) => {
    const after = stepAfter(status);
    if (after === 'done') void finish(false);
    else setStep(after);
  };

  // Already signed in (e.g. opened /login in a second tab): go on.
  if (step === 'credentials' && me.data?.mfaPassed && !me.data.mustChangePassword && !finishing) {
    return <Navigate to={next} replace />;
  }

  const title =
    step === 'totp' ? t('auth.totpTitle') : step === 'password' ? t('auth.changeTitle') : t('auth.title');

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 420, marginBottom: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="app-title">
        {t('app.name')}
      </Typography.Title>
      <Card title={title} style={{ width: '100%', maxWidth: 420 }} data-testid={`login-step-${step}`}>
        {step === 'credentials' && <CredentialsStep onStatus={onStatus} />}
        {step === 'totp' && <TotpStep onStatus={onStatus} onBack={() => setStep('credentials')} />}
        {step === 'password' && (
          <PasswordChangeForm
            requiredNotice
            onDone={() => void finish(true)}
            onCancel={() => setStep('credentials')}
          />
        )}
      </Card>
      <Alert
        type="info"
        title={t('auth.notice')}
        style={{ width: '100%', maxWidth: 420, marginTop: 16 }}
        showIcon
        banner={false}
      />
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }} data-testid="login-public-links">
        {t('cases.login.applicants')}
        <Link to="/apply" data-testid="login-apply">
          {t('cases.publicNav.apply')}
        </Link>
        {' · '}
        <Link to="/status" data-testid="login-status">
          {t('cases.publicNav.status')}
        </Link>
      </Typography.Paragraph>
    </Flex>
  );
}
