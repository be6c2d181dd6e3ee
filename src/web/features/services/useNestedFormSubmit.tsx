import { useCallback, useState, type ReactNode } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../../api/errors.ts';
import { FormErrorAlert } from '../../shared/useFormSubmit.tsx';

type NamePath = (string | number)[];

/** `stages.0.limitDays` (or `body.stages.0.limitDays`) → ['stages', 0, 'limitDays']. */
export function namePathOf(path: string): NamePath {
  const parts = path
    .replace(/^\/+/, '')
    .split(/[./[\]]/)
    .filter((p) => p.length > 0);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Shows the server's field problems beside the inputs they name, down to a cell of an editable table
 * (`stages.2.limitDays`); a problem about a whole list (`stages`) goes to the list's error line.
 * `known` says whether a form field exists at a path. Returns the messages that matched nothing.
 */
export function applyNestedFieldErrors(
  form: FormInstance,
  error: unknown,
  known: (path: NamePath) => boolean,
): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];
  for (const problem of error.fields) {
    const full = namePathOf(problem.path);
    // The longest prefix that is a field: `fees.3.amount`, else `fees`.
    let name: NamePath | null = null;
    for (let n = full.length; n > 0 && !name; n--) if (known(full.slice(0, n))) name = full.slice(0, n);
    if (!name) {
      unmatched.push(problem.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

export interface NestedFormSubmit<V> {
  busy: boolean;
  onFinish: (values: V) => void;
  clear: () => void;
  /** The last failure (e.g. to recognise a 409). */
  error: unknown;
  alert: ReactNode;
}

/** Like shared useFormSubmit, with field problems placed down to a table cell. */
export function useNestedFormSubmit<V>(
  form: FormInstance<V>,
  known: (path: NamePath) => boolean,
  action: (values: V) => Promise<void>,
  testId: string,
  /** Replaces the banner for some errors (e.g. a version conflict with a reload button). */
  special?: (error: unknown) => ReactNode | null,
): NestedFormSubmit<V> {
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const clear = useCallback(() => {
    setError(null);
    setUnmatched([]);
  }, []);

  const run = async (values: V) => {
    setBusy(true);
    clear();
    try {
      await action(values);
    } catch (e) {
      setError(e);
      setUnmatched(applyNestedFieldErrors(form, e, known));
    } finally {
      setBusy(false);
    }
  };

  const own = error !== null && special ? special(error) : null;
  return {
    busy,
    onFinish: (values) => void run(values),
    clear,
    error,
    alert:
      error !== null ? (
        <div style={{ marginBottom: 16 }}>
          {own ?? <FormErrorAlert error={error} unmatched={unmatched} testId={testId} />}
        </div>
      ) : null,
  };
}
