import i18n from 'i18next';

export type Lang = 'zh-CN' | 'en';

/** The UI language choice. Not personal data, so it may live in web storage (DAT-6). */
export const LANG_STORAGE_KEY = 'od_lang';

export function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en';
}

export function storedLanguage(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function persistLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

/** The current UI language as sent in Accept-Language. */
export function apiLanguage(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
