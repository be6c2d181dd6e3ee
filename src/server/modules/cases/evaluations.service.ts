import { label } from '../../http/labels.ts';
import { chinaDateOf } from '../../../domain/calendar.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { QueryPasswordCheck } from './query-password.ts';
import { caseFlagStore } from './flags.repo.ts';
import {
  EvaluationsRepo,
  POOR_GRADE,
  type EvaluationFilter,
  type EvaluationSort,
  type EvaluationStage,
} from './evaluations.repo.ts';
import { NO_DEPARTMENT } from './supervision.repo.ts';
import { DEPARTMENT_CASE_ROLES } from '../../../domain/permissions.ts';
import { periodOf, supervisionScope, type PeriodQuery } from './supervision.service.ts';

export interface EvaluationInput {
  caseNo: string;
  password: string;
  stage: EvaluationStage;
  grade: number;
  comment: string;
  realName: boolean;
}

const conflict = (message: string) => new AppError('CONFLICT', {}, [{ path: 'stage', message }]);

/**
 * 好差评: applicants grade a case after acceptance and after completion (once each); a poor grade
 * opens a rectification (a poor_evaluation flag) with its own deadline and tells the department; a
 * real-name poor grade is followed by a return visit, tracked to 100%.
 */
export class EvaluationService {
  readonly repo: EvaluationsRepo;
  private readonly queryPassword: QueryPasswordCheck;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new EvaluationsRepo(deps.db);
    this.queryPassword = new QueryPasswordCheck(deps);
  }

  /**
   * An applicant's evaluation, authorised by the case number and the query password. A wrong number
   * and a wrong password get the same answer, in the same time.
   */
  async submit(input: EvaluationInput, actor: Actor) {
    const c = await this.repo.caseByNo(input.caseNo);
    const ok = await this.queryPassword.verify(input.caseNo, c?.queryPasswordHash, input.password, actor);
    if (!c || !ok) {
      await this.deps.audit.record(actor, {
        action: 'case.evaluation.create',
        result: 'failure',
        detail: { reason: 'credentials' },
      });
      throw new AppError('NOT_FOUND', {}, [
        { path: 'password', message: 'od.cases.evaluation.badCredentials' },
      ]);
    }
    if (input.stage === 'accepted' && !c.acceptedAt) throw conflict('od.cases.evaluation.notAccepted');
    if (input.stage === 'completed' && !c.completedAt) throw conflict('od.cases.evaluation.notCompleted');
    const now = this.deps.clock.now();
    const poor = input.grade <= POOR_GRADE;
    // Fails closed (CALENDAR_YEAR_MISSING) when the deadline falls in a year without a schedule.
    const dueOn = poor
      ? await this.deps.calendar.addWorkdays(chinaDateOf(now), this.deps.config.POOR_EVALUATION_RECTIFY_DAYS)
      : null;
    return this.deps.db.transaction(async (tx) => {
      const row = await this.repo.insert(tx, {
        caseId: c.id,
        stage: input.stage,
        grade: input.grade,
        comment: input.comment,
        realName: input.realName,
        at: now,
      });
      if (!row) throw conflict('od.cases.evaluation.duplicate');
      let flagId: string | null = null;
      if (poor) {
        const flag = await caseFlagStore.raise(tx, c, {
          type: 'poor_evaluation',
          params: { grade: input.grade, stage: input.stage },
          source: 'evaluation',
          at: now,
          dueOn,
          actorName: 'applicant',
        });
        flagId = flag.id;
        await this.repo.setFlag(tx, row.id, flag.id);
        const notice = {
          kind: 'cases.evaluation.poor',
          title: `差评待整改：${c.caseNo}（${label('evaluationGrade', String(input.grade), 'zh-CN')}）`,
          body:
            `「${c.matterName}」${label('evaluationStage', String(input.stage), 'zh-CN')}收到差评，请于 ${dueOn} 前整改` +
            (input.realName ? '，并对实名评价人进行回访。' : '。'),
          link: `/supervision/flags/${flag.id}`,
        };
        await this.deps.notify.toRoles(tx, DEPARTMENT_CASE_ROLES, notice, c.departmentId);
      }
      await this.deps.audit.append(tx, actor, {
        action: 'case.evaluation.create',
        target: row.id,
        detail: {
          caseId: c.id,
          caseNo: c.caseNo,
          stage: input.stage,
          grade: input.grade,
          realName: input.realName,
          flagId,
        },
      });
      return { ...row, flagId, dueOn };
    });
  }

  list(p: Principal, f: EvaluationFilter, sort: EvaluationSort, page: number, pageSize: number) {
    return this.repo.list(supervisionScope(p), f, sort, page, pageSize);
  }

  /** The department records its return visit to a real-name poor evaluation (once). */
  async returnVisit(p: Principal, id: string, note: string, actor: Actor) {
    if (!p.permissions.includes('cases.rectify')) throw forbidden();
    const scope = { regionPrefix: null, departmentId: p.departmentId ?? NO_DEPARTMENT };
    const row = await this.repo.get(scope, id);
    if (!row) throw notFound();
    const e = row.evaluation;
    if (!(e.realName && e.grade <= POOR_GRADE))
      throw new AppError('CONFLICT', {}, [{ path: 'id', message: 'od.cases.evaluation.noReturnVisit' }]);
    const now = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      if (!(await this.repo.recordReturnVisit(tx, id, { at: now, by: actor.actor, note })))
        throw new AppError('CONFLICT', {}, [{ path: 'id', message: 'od.cases.evaluation.returnVisitDone' }]);
      await this.deps.audit.append(tx, actor, {
        action: 'case.evaluation.return_visit',
        target: id,
        detail: { caseId: row.case.id, caseNo: row.case.caseNo, grade: e.grade, stage: e.stage },
      });
    });
    return (await this.repo.get(scope, id))!;
  }

  /**
   * Over a period (by default the last 12 months): evaluations per grade, the satisfaction rate
   * (grades 3-5 over all), real-name poor evaluations and the share of them visited (target 100%).
   */
  async summary(p: Principal, q: PeriodQuery) {
    const scope = supervisionScope(p);
    const { from, to, period } = periodOf(q, chinaDateOf(this.deps.clock.now()));
    const s = await this.repo.summary(scope, period);
    const byGrade = [5, 4, 3, 2, 1].map((grade) => ({
      grade,
      count: s.grades.find((g) => g.grade === grade)?.n ?? 0,
    }));
    const total = byGrade.reduce((n, g) => n + g.count, 0);
    const poor = byGrade.filter((g) => g.grade <= POOR_GRADE).reduce((n, g) => n + g.count, 0);
    return {
      from,
      to,
      total,
      byGrade,
      satisfactionRate: total ? (total - poor) / total : null,
      poor,
      realNamePoor: s.realNamePoor,
      returnVisited: s.returnVisited,
      returnVisitRate: s.realNamePoor ? s.returnVisited / s.realNamePoor : null,
      returnVisitTarget: 1,
    };
  }
}
