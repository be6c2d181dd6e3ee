import { chinaDateTime } from './chinaTime.ts';

/**
 * A timestamp in China time, whatever the browser's zone: every page shows the district's clock (a
 * browser set to another zone showed the audit log hours apart from the case pages).
 */
export function formatDateTime(value: string | null | undefined, { seconds = true } = {}): string {
  return chinaDateTime(value, { seconds });
}
