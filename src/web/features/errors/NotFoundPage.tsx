import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-404">
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('errors.notFound')}
        extra={
          <Link to="/">
            <Button type="primary">{t('errors.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
