import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface Column<T> {
  header: string;
  key: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** Streams a list as an XLSX download (attachment, nosniff), a page of rows at a time. */
export async function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  columns: Column<T>[],
  pages: AsyncIterable<T[]>,
): Promise<FastifyReply> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenDistrict';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for await (const page of pages) {
    for (const row of page) {
      sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? ''])));
    }
  }
  return sendXlsxFile(reply, filename, Buffer.from(await workbook.xlsx.writeBuffer()));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX file as a download (attachment, never cached). */
export function sendXlsxFile(reply: FastifyReply, filename: string, file: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(file);
}

/** An import file may be larger than a JSON body; other bodies keep the global limit. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** Lets the routes of one plugin take a spreadsheet itself as the body (imports). */
export function acceptXlsxBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    [XLSX_TYPE, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}

/** Pages through a paged list function until it runs dry (capped, exports are for people, not dumps). */
export async function* allPages<T>(
  fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  cap = 100_000,
): AsyncIterable<T[]> {
  const size = 200;
  for (let page = 1; (page - 1) * size < cap; page++) {
    const { items } = await fetch(page, size);
    if (items.length === 0) return;
    yield items;
    if (items.length < size) return;
  }
}
