import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { verifyAuditChain } from './api.ts';

/** Runs the server's chain verifier and shows what it found (the first bad record, if any). */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  const result = verify.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
      {verify.isError && <ErrorAlert error={verify.error} />}
      {result && (
        <Alert
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={t('audit.verifyTitle')}
          description={
            result.ok
              ? t('audit.verifyOk', { checked: result.checked })
              : t('audit.verifyBad', {
                  seq: result.firstBad?.seq ?? '?',
                  reason: result.firstBad?.reason ?? '',
                  checked: result.checked,
                })
          }
        />
      )}
    </Space>
  );
}
