import type { IsoDate } from '../../../domain/calendar.ts';
import type { FieldProblem } from '../../http/errors.ts';
import type { SystemInterface } from './registry.tables.ts';
import type { SystemInsert, SystemRow } from './systems.repo.ts';

/**
 * The registry's rules on a system's values, shared by the API (create, update) and the Excel import,
 * so that both accept exactly the same systems.
 */

/** What a system's owner gives (the API's body, an import row); the department is decided apart. */
export interface SystemValues {
  code: string;
  name: string;
  purpose?: string | undefined;
  operator?: string | undefined;
  origin: SystemRow['origin'];
  verticalLine?: string | null | undefined;
  level: SystemRow['level'];
  deployment: SystemRow['deployment'];
  securityLevel: number;
  status: SystemRow['status'];
  launchDate?: IsoDate | null | undefined;
  budget?: number | null | undefined;
  userCount?: number | null | undefined;
  interfaces?: SystemInterface[] | undefined;
  url?: string | null | undefined;
}

/** Rules across fields, checked on the system as it would be after the change. */
export function systemRuleProblems(
  s: {
    origin: string;
    verticalLine?: string | null | undefined;
    status: string;
    launchDate?: string | null | undefined;
  },
  today: IsoDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.origin === 'vertical' && !s.verticalLine?.trim())
    problems.push({ path: 'verticalLine', message: 'od.registry.verticalLineRequired' });
  if (s.status === 'live' && !s.launchDate)
    problems.push({ path: 'launchDate', message: 'od.registry.launchDateRequired' });
  if ((s.status === 'live' || s.status === 'retired') && s.launchDate && s.launchDate > today)
    problems.push({ path: 'launchDate', message: 'od.registry.launchDateFuture' });
  return problems;
}

/** The columns a set of values writes (the budget is stored as numeric text). */
export function systemColumns(input: Partial<SystemValues>): Partial<SystemInsert> {
  const { budget, ...rest } = input;
  return {
    ...rest,
    ...(budget !== undefined ? { budget: budget === null ? null : String(budget) } : {}),
  };
}

/** The columns of a new system (the budget is stored as numeric text). */
export function newSystemColumns(input: SystemValues) {
  const { budget, ...rest } = input;
  return { ...rest, budget: budget === undefined || budget === null ? null : String(budget) };
}

/** Stored with two decimals: 12.345 万元 is kept as 12.35. */
const cents = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100));
/** Interfaces compared by content: jsonb gives the keys back in its own order. */
const interfaceKey = (list: unknown) =>
  JSON.stringify(
    ((list ?? []) as SystemInterface[]).map((i) => [i.name, i.direction, i.protocol, i.description ?? null]),
  );

/** The fields whose value a change would alter (undefined: left as it is). */
export function changedFields(
  before: SystemRow,
  patch: Partial<SystemValues> & { departmentId?: string | undefined },
): string[] {
  return Object.entries(patch)
    .filter(([k, v]) => {
      if (v === undefined) return false;
      const old = before[k as keyof SystemRow];
      if (k === 'budget') return cents(old) !== cents(v);
      if (k === 'interfaces') return interfaceKey(old) !== interfaceKey(v);
      return (old ?? null) !== (v ?? null);
    })
    .map(([k]) => k);
}
