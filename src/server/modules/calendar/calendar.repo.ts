import { asc, eq, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { calendarChanges, calendarYears } from './calendar.tables.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

export class CalendarRepo {
  constructor(private readonly db: Db) {}

  all(): Promise<CalendarYearRow[]> {
    return this.db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  }

  async year(year: number, tx: DbOrTx = this.db) {
    const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
    return row;
  }

  async currentVersion(tx: DbOrTx = this.db): Promise<number> {
    const [row] = await tx.select({ v: max(calendarChanges.version) }).from(calendarChanges);
    return row?.v ?? 0;
  }

  async upsertYear(tx: DbOrTx, row: typeof calendarYears.$inferInsert) {
    await tx
      .insert(calendarYears)
      .values(row)
      .onConflictDoUpdate({ target: calendarYears.year, set: { ...row } });
  }

  async insertChange(tx: DbOrTx, row: typeof calendarChanges.$inferInsert) {
    await tx.insert(calendarChanges).values(row);
  }

  changes(year?: number) {
    const q = this.db.select().from(calendarChanges);
    return (year ? q.where(eq(calendarChanges.year, year)) : q).orderBy(asc(calendarChanges.version));
  }
}
