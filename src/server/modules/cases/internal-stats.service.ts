import { chinaDateOf } from '../../../domain/calendar.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { InternalStatsRepo } from './internal-stats.repo.ts';
import { periodOf, readScope, type PeriodQuery } from './supervision.service.ts';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

interface Sums {
  matters: number;
  online: number;
  cases: number;
  onlineCases: number;
  visits: number;
  completed: number;
  days: number;
}

const EMPTY: Sums = { matters: 0, online: 0, cases: 0, onlineCases: 0, visits: 0, completed: 0, days: 0 };

function figures(s: Sums) {
  return {
    internalMatters: s.matters,
    implemented: s.online,
    /** Internal matters available online (depth ≥ 3) over all internal matters. */
    implementationRate: ratio(s.online, s.matters),
    cases: s.cases,
    onlineCases: s.onlineCases,
    /** Internal cases handled fully online (online channel, no visit) over all internal cases. */
    onlineHandlingRate: ratio(s.onlineCases, s.cases),
    averageVisits: ratio(s.visits, s.cases),
    completed: s.completed,
    /** Working days from acceptance to completion, pauses excluded. */
    averageDurationDays: ratio(s.days, s.completed),
  };
}

/**
 * 机关内部最多跑一次: internal matters (departments as applicants) — how many, which departments
 * offer them, the implementation rate, and over a period the online-handling rate, average visits
 * and average duration; per department and in total.
 */
export class InternalStatsService {
  readonly repo: InternalStatsRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new InternalStatsRepo(deps.db);
  }

  async stats(p: Principal, q: PeriodQuery) {
    const scope = readScope(p);
    const { from, to, period } = periodOf(q, chinaDateOf(this.deps.clock.now()));
    const [matterRows, caseRows] = await Promise.all([
      this.repo.matterFigures(scope),
      this.repo.caseFigures(scope, period),
    ]);
    const rows = new Map<string, { department: (typeof matterRows)[number]['department']; sums: Sums }>();
    const at = (d: (typeof matterRows)[number]['department']) => {
      let row = rows.get(d.id);
      if (!row) rows.set(d.id, (row = { department: d, sums: { ...EMPTY } }));
      return row.sums;
    };
    for (const m of matterRows) Object.assign(at(m.department), { matters: m.matters, online: m.online });
    for (const c of caseRows)
      Object.assign(at(c.department), {
        cases: c.cases,
        onlineCases: c.online,
        visits: c.visits,
        completed: c.completed,
        days: c.days,
      });
    const total = { ...EMPTY };
    for (const { sums } of rows.values())
      for (const k of Object.keys(total) as (keyof Sums)[]) total[k] += sums[k];
    return {
      from,
      to,
      ...figures(total),
      /** Departments that offer at least one internal matter. */
      departments: matterRows.length,
      items: [...rows.values()]
        .sort((a, b) => a.department.code.localeCompare(b.department.code))
        .map((r) => ({ department: r.department, ...figures(r.sums) })),
    };
  }
}
