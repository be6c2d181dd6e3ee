import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { persistLanguage, type Lang } from '../i18n/language.ts';

export function useSetLanguage(): (lang: Lang) => void {
  const { i18n } = useTranslation();
  return (lang) => {
    persistLanguage(lang);
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  };
}

/** 中文 / English. The choice is kept under the `od_lang` key in localStorage (not personal data). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const current: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <span data-testid="lang-switch" aria-label={t('header.language')} role="group">
      <Segmented<Lang>
        size="small"
        value={current}
        onChange={setLanguage}
        options={[
          {
            value: 'zh-CN',
            label: (
              <span data-testid="lang-zh-CN" lang="zh-CN">
                {t('lang.zh-CN')}
              </span>
            ),
          },
          {
            value: 'en',
            label: (
              <span data-testid="lang-en" lang="en">
                {t('lang.en')}
              </span>
            ),
          },
        ]}
      />
    </span>
  );
}
