import dayjs from 'dayjs';

/** A timestamp in the user's time zone; `seconds: false` for lists where the minute is enough. */
export function formatDateTime(value: string | null | undefined, { seconds = true } = {}): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : value;
}
