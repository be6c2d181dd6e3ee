import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/errors.ts';

/** The 403 page: for routes the user lacks the permission for, and for 403 answers from the API. */
export function ForbiddenPage({ error }: { error?: ApiError | undefined }) {
  const { t } = useTranslation();
  return (
    <div data-testid="page-403">
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={
          <span data-testid="page-403-message">
            {error?.message || t('errors.forbidden')}
            {error?.requestId && (
              <>
                <br />
                <small>{t('common.requestId', { id: error.requestId })}</small>
              </>
            )}
          </span>
        }
        extra={
          <Link to="/">
            <Button type="primary">{t('errors.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
