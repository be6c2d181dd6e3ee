import type { components } from '../api/schema.d.ts';
import { commonHeaders } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';

/**
 * Excel imports (the catalogue's, the registry's): the upload and the server's answer. Every import
 * answers the same way: counts, or 422 IMPORT_REJECTED with every problem and nothing written.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an import did (or, in a dry run, would do). */
export interface ImportResult {
  created: number;
  updated: number;
  /** Rows that repeat a record as it is. */
  unchanged: number;
  dryRun: boolean;
}

/** One problem of a rejected import, as the server's 422 IMPORT_REJECTED body lists it. */
export type ImportProblem = NonNullable<components['schemas']['ImportRejected']['problems']>[number];

export type ImportOutcome =
  | { kind: 'ok'; result: ImportResult }
  | {
      kind: 'rejected';
      message: string;
      problems: ImportProblem[];
      problemCount: number;
      requestId?: string;
    };

/**
 * Uploads an import workbook as the raw request body to `path` (e.g. `/api/datasets/import`).
 * XMLHttpRequest rather than fetch, because only it reports upload progress. A 422 IMPORT_REJECTED
 * is an outcome (the report), not an error.
 */
export function uploadWorkbook(
  path: string,
  file: File,
  options: { dryRun: boolean; csrfToken: string; onProgress: (percent: number) => void },
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${path}${options.dryRun ? '?dryRun=true' : ''}`);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', XLSX_TYPE);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    for (const [k, v] of Object.entries(commonHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, 'network error'));
    xhr.onload = () => {
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve({ kind: 'ok', result: body as unknown as ImportResult });
        return;
      }
      if (xhr.status === 422 && body?.code === 'IMPORT_REJECTED' && Array.isArray(body.problems)) {
        resolve({
          kind: 'rejected',
          message: String(body.message ?? ''),
          problems: body.problems as ImportProblem[],
          problemCount: Number(body.problemCount ?? body.problems.length),
          ...(typeof body.requestId === 'string' ? { requestId: body.requestId } : {}),
        });
        return;
      }
      reject(new ApiError(xhr.status, body as never, xhr.statusText || `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}

/** A CSV cell: quoted when it holds a comma, quote or line break. */
function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The problem list as CSV, to paste into a spreadsheet beside the file. */
export function problemsCsv(problems: ImportProblem[], headers: [string, string, string, string]): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const p of problems) lines.push([p.sheet, p.row, p.column, p.message].map(csvCell).join(','));
  return lines.join('\r\n');
}
