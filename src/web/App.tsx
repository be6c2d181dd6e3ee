import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { queryClient } from './api/queryClient.ts';
import { ApiEventsProvider } from './app/apiEvents.tsx';
import { AppRoutes } from './app/routes.tsx';

/** antd and dayjs follow the i18next language. */
function LocalisedShell() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
    document.title = t('app.name');
  }, [english, t]);
  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1561c8', borderRadius: 4 } }}
    >
      <AntApp>
        <ApiEventsProvider>
          <AppRoutes />
        </ApiEventsProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <LocalisedShell />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
