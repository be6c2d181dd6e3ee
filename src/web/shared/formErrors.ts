import type { FormInstance } from 'antd';
import { isApiError } from '../api/errors.ts';

/** Normalises a server field path (`newPassword`, `body.roles.0`, `/regionCode`) to its first form field name. */
function fieldName(path: string): string {
  const parts = path
    .replace(/^\/+/, '')
    .split(/[./[\]]/)
    .filter((p) => p.length > 0);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts[0] ?? '';
}

/**
 * Shows the server's field problems next to the matching form fields.
 * Returns the messages that matched no field, for an alert above the form.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const problem of error.fields) {
    const name = fieldName(problem.path);
    if (fieldNames.includes(name)) byField.set(name, [...(byField.get(name) ?? []), problem.message]);
    else unmatched.push(problem.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
