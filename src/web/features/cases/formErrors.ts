import type { FormInstance } from 'antd';
import { isApiError } from '../../api/errors.ts';

/**
 * Shows the server's field problems next to the form's fields. `fields` maps a server path
 * (`applicant.idNumber`, `payload.reason`) to the form's field name; returns the messages that matched none.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: Record<string, string>,
): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const problem of error.fields) {
    const path = problem.path
      .replace(/^\/+/, '')
      .replace(/^body\./, '')
      .replaceAll('/', '.');
    const name = fields[path];
    if (name) byField.set(name, [...(byField.get(name) ?? []), problem.message]);
    else unmatched.push(problem.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
