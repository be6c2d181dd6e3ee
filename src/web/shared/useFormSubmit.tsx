import { useCallback, useState, type ReactNode } from 'react';
import { Alert, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { applyFieldErrors } from './formErrors.ts';

interface FormErrorAlertProps {
  error: unknown;
  /** Field problems that matched no form field. */
  unmatched: string[];
  testId?: string | undefined;
}

/**
 * A failed form submission. When every problem the server named is shown next to its field, the banner
 * only points there (neutrally) instead of repeating one of them as if it were the whole story.
 */
export function FormErrorAlert({ error, unmatched, testId }: FormErrorAlertProps) {
  const { t } = useTranslation();
  if (isApiError(error) && error.fields.length > 0 && unmatched.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid={testId ?? 'error-alert'}
        title={t('common.checkFields')}
        description={
          error.requestId ? (
            <div style={{ opacity: 0.65, fontSize: 12 }}>
              {t('common.requestId', { id: error.requestId })}
            </div>
          ) : undefined
        }
      />
    );
  }
  return <ErrorAlert error={error} extraMessages={unmatched} {...(testId ? { testId } : {})} />;
}

export interface FormSubmit<V> {
  busy: boolean;
  /** For the Form's onFinish. */
  onFinish: (values: V) => void;
  /** Forgets the last error (e.g. when the form is opened again). */
  clear: () => void;
  /** The error banner to show above the form, or null. */
  alert: ReactNode;
}

/**
 * Runs a form's submission: busy state, and on failure the server's field problems next to the fields
 * named in `fieldNames`, the rest in a banner above the form.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  fieldNames: readonly string[],
  action: (values: V) => Promise<void>,
  testId?: string,
): FormSubmit<V> {
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const clear = useCallback(() => {
    setError(null);
    setUnmatched([]);
  }, []);

  const run = async (values: V) => {
    setBusy(true);
    clear();
    try {
      await action(values);
    } catch (e) {
      setError(e);
      setUnmatched(applyFieldErrors(form, e, fieldNames));
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    onFinish: (values) => void run(values),
    clear,
    alert:
      error !== null ? (
        <div style={{ marginBottom: 16 }}>
          <FormErrorAlert error={error} unmatched={unmatched} testId={testId} />
        </div>
      ) : null,
  };
}
