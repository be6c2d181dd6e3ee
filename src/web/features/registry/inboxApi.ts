import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { InboxPage, InboxQuery } from '../../api/types.ts';

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (query: InboxQuery) => ['inbox', 'list', query] as const,
  unread: ['inbox', 'unread'] as const,
};

export function fetchInbox(query: InboxQuery): Promise<InboxPage> {
  return unwrap<InboxPage>(api.GET('/api/inbox', { params: { query: compact({ ...query }) } }));
}

/** The unread count for the header's bell: one row is enough, the answer carries `unread`. */
export async function fetchUnreadCount(): Promise<number> {
  const page = await fetchInbox({ unread: 'true', pageSize: 1 });
  return page.unread;
}

export function markRead(ids: string[]): Promise<{ updated: number }> {
  return unwrap<{ updated: number }>(api.POST('/api/inbox/read', { body: { ids } }));
}

export function markAllRead(): Promise<{ updated: number }> {
  return unwrap<{ updated: number }>(api.POST('/api/inbox/read', { body: { all: true } }));
}
