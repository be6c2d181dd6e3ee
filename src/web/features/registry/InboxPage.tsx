import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Segmented, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InboxMessage } from '../../api/types.ts';
import { errorText } from '../../shared/errorText.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { fetchInbox, fetchUnreadCount, inboxKeys, markAllRead, markRead } from './inboxApi.ts';

const FILTERS = ['unread'] as const;

/** Only same-origin paths are followed: a message can never send the user off-site. */
function internalPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The signed-in user's messages: unread ones bold; opening one marks it read and follows its link. */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const table = useListTable({
    filters: FILTERS,
    toQuery: ({ filters, page, pageSize }) => ({
      unread: filters.unread === 'true' ? 'true' : undefined,
      page,
      pageSize,
    }),
    queryKey: inboxKeys.list,
    fetch: fetchInbox,
  });
  const { list } = table;
  // The same query as the header's bell: both update together.
  const unread = useQuery({ queryKey: inboxKeys.unread, queryFn: fetchUnreadCount }).data ?? 0;

  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKeys.all });

  const open = async (m: InboxMessage) => {
    try {
      if (!m.readAt) {
        await markRead([m.id]);
        await refresh();
      }
    } catch (e) {
      message.error(errorText(e, t));
    }
    const path = internalPath(m.link);
    if (path) void navigate(path);
  };

  const readAll = async () => {
    try {
      const { updated } = await markAllRead();
      message.success(t('registry.inbox.markedAllRead', { count: updated }));
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const columns: TableColumnsType<InboxMessage> = [
    {
      key: 'message',
      title: t('registry.inbox.message'),
      render: (_: unknown, m: InboxMessage) => (
        <Flex gap={8} align="flex-start">
          <Badge status={m.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Link
              strong={!m.readAt}
              onClick={() => void open(m)}
              data-testid={`inbox-open-${m.id}`}
              data-unread={m.readAt ? undefined : 'true'}
            >
              {m.title}
            </Typography.Link>
            {m.body && (
              <Typography.Paragraph
                type="secondary"
                style={{ margin: 0, fontWeight: m.readAt ? undefined : 500 }}
                ellipsis={{ rows: 2, expandable: 'collapsible' }}
              >
                {m.body}
              </Typography.Paragraph>
            )}
          </div>
        </Flex>
      ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('registry.inbox.receivedAt'),
      width: 150,
      render: (v: string) => (
        <Typography.Text strong={false} type="secondary">
          {formatDateTime(v, { seconds: false })}
        </Typography.Text>
      ),
    },
  ];

  return (
    <ListPage title={t('registry.inbox.title')} testId="page-inbox">
      <Card size="small">
        <ListToolbar
          actions={
            <Button
              icon={<CheckOutlined />}
              disabled={unread === 0}
              onClick={() => void readAll()}
              data-testid="inbox-mark-all-read"
            >
              {t('registry.inbox.markAllRead')}
            </Button>
          }
        >
          <Segmented<string>
            value={list.filters.unread === 'true' ? 'true' : 'all'}
            onChange={(v) => list.setFilters({ unread: v === 'true' ? 'true' : undefined })}
            options={[
              { value: 'all', label: t('registry.inbox.all') },
              {
                value: 'true',
                label: unread > 0 ? `${t('registry.inbox.unread')} (${unread})` : t('registry.inbox.unread'),
              },
            ]}
            data-testid="inbox-filter"
          />
        </ListToolbar>
        <ListTable<InboxMessage>
          table={table}
          rowKey="id"
          testId="inbox-table"
          columns={columns}
          showHeader={false}
          locale={{ emptyText: t('registry.inbox.empty') }}
          onRow={(m) => ({
            onClick: (e) => {
              // The title link handles its own click; elsewhere on the row opens the message too.
              if ((e.target as HTMLElement).closest('a, button')) return;
              void open(m);
            },
            style: { cursor: 'pointer' },
          })}
        />
      </Card>
    </ListPage>
  );
}
