import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A region in a table cell: its name, with the division code on hover (the code itself when the name is unknown). */
export function RegionName({ code, name }: { code: string | null | undefined; name: string | undefined }) {
  const { t } = useTranslation();
  if (!code) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (!name) return <span>{code}</span>;
  return (
    <Tooltip title={code}>
      <span>{name}</span>
    </Tooltip>
  );
}
