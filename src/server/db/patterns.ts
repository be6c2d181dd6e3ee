import { ilike, like, type AnyColumn, type SQL } from 'drizzle-orm';

/** LIKE patterns from user input: %, _ and \ match themselves, never widen a search. */
export const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** Codes under a prefix: how region scope is applied in SQL. */
export const startsWith = (column: AnyColumn, prefix: string): SQL => like(column, `${escapeLike(prefix)}%`);

/** Case-insensitive substring search. */
export const contains = (column: AnyColumn, text: string): SQL => ilike(column, `%${escapeLike(text)}%`);
