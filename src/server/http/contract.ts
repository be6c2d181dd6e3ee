import { z } from 'zod';

/** Paging shared by every list: 1-based pages, at most 200 rows a page. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const errorBody = z
  .object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Error' });

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** A refused import lists every problem (at most 5,000; `problemCount` gives them all). */
export const importRejected = errorBody
  .extend({
    problems: z
      .array(
        z.object({
          sheet: z.string(),
          row: z.number().int(),
          column: z.string().nullable(),
          message: z.string(),
        }),
      )
      .optional(),
    problemCount: z.number().int().optional(),
  })
  .meta({ id: 'ImportRejected' });

/** The error answers every protected route may give, for the OpenAPI document. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
} as const;

export const isoDateTime = z.iso.datetime();
export const uuidParam = z.object({ id: z.uuid() });
