import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The catalogue's one search box: applied on Enter or the button; follows the URL (Back, clear). */
export function CatalogSearchBox({
  value,
  onSearch,
  size = 'large',
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  size?: 'large' | 'middle';
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const urlValue = value ?? '';
  useEffect(() => setText(urlValue), [urlValue]);
  return (
    <Input.Search
      allowClear
      size={size}
      value={text}
      maxLength={100}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      placeholder={t('catalog.searchPlaceholder')}
      aria-label={t('catalog.searchPlaceholder')}
      enterButton={
        <span data-testid="catalog-search-button">
          <SearchOutlined /> {t('catalog.searchButton')}
        </span>
      }
      data-testid="catalog-search"
    />
  );
}
