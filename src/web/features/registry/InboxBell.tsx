import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fetchUnreadCount, inboxKeys } from './inboxApi.ts';

/** The header's bell: the number of unread messages (polled every minute), opening the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: inboxKeys.unread,
    queryFn: fetchUnreadCount,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const count = unread.data ?? 0;
  const label = count > 0 ? t('registry.inbox.bellUnread', { count }) : t('registry.inbox.bell');
  return (
    <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        aria-label={label}
        title={label}
        onClick={() => void navigate('/inbox')}
        data-testid="inbox-bell"
        data-unread={count}
      />
    </Badge>
  );
}
