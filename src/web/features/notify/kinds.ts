import { NOTICE_KINDS } from '../../../domain/notices.ts';
import { dynamicLabel } from '../../i18n/labels.ts';

/** The families of notices the platform sends to roles (`cases.`), from the server's own list. */
export const KIND_FAMILIES = [...new Set(NOTICE_KINDS.map((k) => `${k.split('.')[0]}.`))];

/** A family's name in the user's language; any other kind is shown as itself. */
export function kindLabel(kind: string): string {
  return kind.endsWith('.') ? dynamicLabel(`notify.kindOptions.${kind.slice(0, -1)}`, kind) : kind;
}
