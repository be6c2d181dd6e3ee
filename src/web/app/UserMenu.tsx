import { useState } from 'react';
import { App, Avatar, Button, Dropdown, Modal } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '../features/auth/PasswordChangeForm.tsx';
import { fetchMe, meKey, useAuth } from './auth.ts';
import { endClientSession } from './session.ts';
import { queryClient } from '../api/queryClient.ts';

/** A password change may end the session on the server (AUTH-4); if so, start again at sign-in. */
async function afterPasswordChange(): Promise<boolean> {
  const me = await fetchMe().catch(() => null);
  if (!me) {
    endClientSession('/login?passwordChanged=1');
    return false;
  }
  queryClient.setQueryData(meKey, me);
  return true;
}

/** The signed-in user's menu; `compact` (narrow screens) shows only the avatar. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, signOut } = useAuth();
  const [changing, setChanging] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="menu-change-password">{t('header.changePassword')}</span>,
              onClick: () => setChanging(true),
            },
            { type: 'divider' },
            {
              key: 'signout',
              icon: <LogoutOutlined />,
              danger: true,
              label: <span data-testid="menu-sign-out">{t('header.signOut')}</span>,
              onClick: () => void signOut(),
            },
          ],
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={t('header.userMenu')}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span data-testid="user-display-name" className={compact ? 'od-visually-hidden' : undefined}>
            {me.displayName}
          </span>
        </Button>
      </Dropdown>
      <Modal
        open={changing}
        title={t('auth.changeTitle')}
        footer={null}
        onCancel={() => setChanging(false)}
        destroyOnHidden
      >
        <PasswordChangeForm
          onDone={() => {
            setChanging(false);
            void afterPasswordChange().then((stillSignedIn) => {
              if (stillSignedIn) message.success(t('auth.passwordChanged'));
            });
          }}
          onCancel={() => setChanging(false)}
        />
      </Modal>
    </>
  );
}
