import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.ts';
import { errorText } from './errorText.ts';

interface Props {
  error: unknown;
  /** Field problems not shown next to a form field. */
  extraMessages?: string[];
  onRetry?: () => void;
  testId?: string;
}

/** An error from the API, with its field problems and request ID (for the help desk). */
export function ErrorAlert({ error, extraMessages, onRetry, testId = 'error-alert' }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = isApiError(error) ? error : null;
  const fieldMessages = extraMessages ?? apiError?.fields.map((f) => f.message) ?? [];
  return (
    <Alert
      type={apiError?.status === 423 ? 'warning' : 'error'}
      showIcon
      data-testid={testId}
      title={errorText(error, t)}
      description={
        fieldMessages.length > 0 || apiError?.requestId ? (
          <>
            {fieldMessages.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {fieldMessages.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
            {apiError?.requestId && (
              <div style={{ opacity: 0.65, fontSize: 12 }}>
                {t('common.requestId', { id: apiError.requestId })}
              </div>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
