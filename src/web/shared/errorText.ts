import type { TFunction } from 'i18next';
import { isApiError } from '../api/errors.ts';

/** The text to show for a failed call: the server's localised message when there is one. */
export function errorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('common.networkError');
    if (error.status === 429)
      return error.message && error.code !== 'HTTP_429' ? error.message : t('errors.rateLimited');
    if (error.code === 'INVALID_CREDENTIALS' && !error.message) return t('errors.invalidCredentials');
    return error.message || t('common.unknownError');
  }
  return t('common.unknownError');
}
