import { api } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { Page, Webhook, WebhookDelivery, WebhookInput } from '../../api/types.ts';

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string, page: number) => ['webhooks', 'deliveries', id, page] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export function fetchWebhooks(): Promise<{ items: Webhook[]; linksBack: boolean }> {
  return unwrap(api.GET('/api/notify/webhooks'));
}

export function createWebhook(body: WebhookInput): Promise<Webhook> {
  return unwrap<Webhook>(api.POST('/api/notify/webhooks', { body }));
}

export function updateWebhook(id: string, body: Partial<WebhookInput>): Promise<Webhook> {
  return unwrap<Webhook>(api.PATCH('/api/notify/webhooks/{id}', { ...path(id), body }));
}

export function deleteWebhook(id: string): Promise<unknown> {
  return unwrap(api.DELETE('/api/notify/webhooks/{id}', path(id)));
}

export function testWebhook(id: string): Promise<{ delivered: boolean; error: string | null }> {
  return unwrap(api.POST('/api/notify/webhooks/{id}/test', path(id)));
}

export function retryWebhook(id: string): Promise<{ requeued: number }> {
  return unwrap(api.POST('/api/notify/webhooks/{id}/retry', path(id)));
}

export function fetchDeliveries(id: string, page: number): Promise<Page<WebhookDelivery>> {
  return unwrap<Page<WebhookDelivery>>(
    api.GET('/api/notify/webhooks/{id}/deliveries', {
      params: { path: { id }, query: { page, pageSize: 20 } },
    }),
  );
}
