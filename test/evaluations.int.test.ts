import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { caseFlags } from '../src/server/modules/cases/cases.tables.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';
import {
  at,
  departmentId,
  insertCase,
  insertMatter,
  lifecycle,
  type CaseRow,
} from './supervision-fixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Thursday 2026-02-12, 10:00 in Beijing: POOR_EVALUATION_RECTIFY_DAYS (5) working days later is
// 2026-02-26, across the Spring Festival holiday and the make-up Saturday 02-14 (official 2026 schedule).
const NOW = at('2026-02-12 10:00');
const PASSWORD = 'Cx7-query-2026';

describe('evaluations (好差评)', () => {
  let ctx: TestContext;
  let bureau: Session;
  let caseScj: Session;
  let approverScj: Session;
  let caseMzj: Session;
  let accepted: CaseRow;
  let completed: CaseRow;
  let submittedOnly: CaseRow;

  const evaluate = (body: Json, ip = '10.0.0.1') =>
    ctx.app.inject({ method: 'POST', url: '/api/public/evaluations', payload: body, remoteAddress: ip });
  const inbox = async (s: Session) =>
    ((await s.request('GET', '/api/inbox?pageSize=200')).json() as Json).items as Json[];
  const summary = async () => {
    const res = await bureau.request('GET', '/api/evaluations/summary?from=2026-02-12&to=2026-02-12');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };

  beforeAll(async () => {
    ctx = await startTestApp({ clock: new FakeClock(NOW) });
    bureau = await signIn(ctx.app, 'bureau');
    caseScj = await signIn(ctx.app, 'case-scj');
    approverScj = await signIn(ctx.app, 'approver-scj');
    caseMzj = await signIn(ctx.app, 'case-mzj');
    const matter = await insertMatter(ctx, { departmentId: await departmentId(ctx, 'scj') });
    accepted = await insertCase(ctx, {
      matter,
      password: PASSWORD,
      applicantName: '李四',
      events: lifecycle('2026-02-10 09:00', '2026-02-10 09:30'),
    });
    completed = await insertCase(ctx, {
      matter,
      password: PASSWORD,
      applicantName: '王五',
      events: lifecycle('2026-02-09 09:00', '2026-02-09 09:30', '2026-02-11 15:00'),
    });
    submittedOnly = await insertCase(ctx, {
      matter,
      password: PASSWORD,
      events: lifecycle('2026-02-12 09:00'),
    });
  });
  afterAll(async () => ctx?.close());

  it('refuses a wrong case number and a wrong password alike, and records the failure', async () => {
    const base = { stage: 'accepted', grade: 5 };
    const wrongPassword = await evaluate({ ...base, caseNo: accepted.caseNo, password: 'not-it' });
    const unknownCase = await evaluate({ ...base, caseNo: 'T-NO-SUCH-CASE', password: PASSWORD });
    expect(wrongPassword.statusCode).toBe(404);
    expect(unknownCase.statusCode).toBe(404);
    const strip = (r: Json) => ({ code: r.code, message: r.message, fields: r.fields });
    expect(strip(wrongPassword.json())).toEqual(strip(unknownCase.json()));
    const failures = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.evaluation.create'), eq(auditLog.result, 'failure')));
    expect(failures).toHaveLength(2);
    // Nothing the applicant typed is kept in the record.
    expect(JSON.stringify(failures)).not.toContain('not-it');
  });

  it('takes a stage once, only after it happened', async () => {
    const before = await summary();
    const notYet = await evaluate({
      caseNo: submittedOnly.caseNo,
      password: PASSWORD,
      stage: 'accepted',
      grade: 5,
    });
    expect(notYet.statusCode).toBe(409);
    const notDone = await evaluate({
      caseNo: accepted.caseNo,
      password: PASSWORD,
      stage: 'completed',
      grade: 5,
    });
    expect(notDone.statusCode).toBe(409);
    expect(notDone.json()).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'stage' }] });

    const ok = await evaluate({
      caseNo: accepted.caseNo,
      password: PASSWORD,
      stage: 'accepted',
      grade: 4,
      comment: '窗口服务热情',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ stage: 'accepted', grade: 4, at: NOW.toISOString() });
    const again = await evaluate({
      caseNo: accepted.caseNo,
      password: PASSWORD,
      stage: 'accepted',
      grade: 5,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await evaluate({ caseNo: accepted.caseNo, password: PASSWORD, stage: 'accepted', grade: 6 }))
        .statusCode,
    ).toBe(400);
    // A satisfied grade raises nothing.
    const flags = await ctx.database.db.select().from(caseFlags).where(eq(caseFlags.caseId, accepted.id));
    expect(flags).toHaveLength(0);
    const after = await summary();
    expect(after.total - before.total).toBe(1);
    expect(
      after.byGrade.find((g: Json) => g.grade === 4).count -
        before.byGrade.find((g: Json) => g.grade === 4).count,
    ).toBe(1);
  });

  it('turns a poor grade into a rectification with its deadline on the official calendar, and tracks the return visit', async () => {
    const before = await summary();
    const res = await evaluate({
      caseNo: completed.caseNo,
      password: PASSWORD,
      stage: 'completed',
      grade: 2,
      comment: '材料反复退回',
      realName: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const evaluationId = res.json().id as string;
    const [flag] = await ctx.database.db.select().from(caseFlags).where(eq(caseFlags.caseId, completed.id));
    expect(flag).toMatchObject({
      type: 'poor_evaluation',
      level: 'warning',
      source: 'evaluation',
      status: 'open',
      dueOn: '2026-02-26',
      params: { grade: 2, stage: 'completed' },
    });
    for (const s of [caseScj, approverScj])
      expect(
        (await inbox(s)).some(
          (m) => m.kind === 'cases.evaluation.poor' && m.title.includes(completed.caseNo),
        ),
      ).toBe(true);
    expect((await inbox(caseMzj)).some((m) => m.kind === 'cases.evaluation.poor')).toBe(false);

    // The department sees the flag and the evaluation with the real name; another department sees neither.
    const flagView = await caseScj.request('GET', `/api/supervision/flags/${flag!.id}`);
    expect(flagView.json()).toMatchObject({
      type: 'poor_evaluation',
      evaluations: [{ id: evaluationId, grade: 2, realName: true }],
    });
    const pending = await caseScj.request(
      'GET',
      `/api/evaluations?returnVisit=pending&caseNo=${completed.caseNo}`,
    );
    expect(pending.json()).toMatchObject({
      total: 1,
      items: [
        {
          id: evaluationId,
          poor: true,
          // A real-name evaluation names the applicant, a person masked (PI-1).
          applicantName: '王*',
          returnVisitPending: true,
          flag: { id: flag!.id, status: 'open', dueOn: '2026-02-26' },
        },
      ],
    });
    expect(
      (await caseMzj.request('GET', `/api/evaluations?caseNo=${completed.caseNo}`)).json(),
    ).toMatchObject({ total: 0 });
    // The list follows a period of China dates, both ends included.
    const inPeriod = (q: string) =>
      caseScj.request('GET', `/api/evaluations?caseNo=${completed.caseNo}&${q}`).then((r) => r.json().total);
    expect(await inPeriod('from=2026-02-12&to=2026-02-12')).toBe(1);
    expect(await inPeriod('from=2026-02-13')).toBe(0);
    expect(await inPeriod('to=2026-02-11')).toBe(0);
    expect((await caseScj.request('GET', '/api/evaluations?from=2026-02-30')).statusCode).toBe(400);
    expect((await caseMzj.request('GET', `/api/supervision/flags/${flag!.id}`)).statusCode).toBe(404);
    expect(
      (await caseMzj.request('POST', `/api/evaluations/${evaluationId}/return-visit`, { note: '已电话回访' }))
        .statusCode,
    ).toBe(404);
    // Anonymous satisfied evaluations are listed without a name.
    const anonymous = (await caseScj.request('GET', `/api/evaluations?caseNo=${accepted.caseNo}`)).json()
      .items[0];
    expect(anonymous).toMatchObject({
      grade: 4,
      realName: false,
      applicantName: null,
      returnVisitPending: false,
    });
    // … and need no return visit.
    const notNeeded = await caseScj.request('POST', `/api/evaluations/${anonymous.id}/return-visit`, {
      note: '回访',
    });
    expect(notNeeded.statusCode).toBe(409);
    expect(
      (await bureau.request('POST', `/api/evaluations/${evaluationId}/return-visit`, { note: '回访' }))
        .statusCode,
    ).toBe(403);

    const visit = await approverScj.request('POST', `/api/evaluations/${evaluationId}/return-visit`, {
      note: '已电话回访，申请人表示理解',
    });
    expect(visit.statusCode, visit.body).toBe(200);
    expect(visit.json()).toMatchObject({
      returnVisitPending: false,
      returnVisit: { by: 'approver-scj', note: '已电话回访，申请人表示理解', at: NOW.toISOString() },
    });
    expect(
      (await caseScj.request('POST', `/api/evaluations/${evaluationId}/return-visit`, { note: '再次回访' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await caseScj.request('GET', `/api/evaluations?returnVisit=done&caseNo=${completed.caseNo}`)).json(),
    ).toMatchObject({ total: 1 });

    const after = await summary();
    expect(after.total - before.total).toBe(1);
    expect(after.poor - before.poor).toBe(1);
    expect(after.realNamePoor - before.realNamePoor).toBe(1);
    expect(after.returnVisited - before.returnVisited).toBe(1);
    expect(after.returnVisitRate).toBe(after.returnVisited / after.realNamePoor);
    expect(after.satisfactionRate).toBe((after.total - after.poor) / after.total);
    expect(after.returnVisitTarget).toBe(1);

    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.target, evaluationId));
    expect(audit.map((a) => a.action)).toEqual(['case.evaluation.create', 'case.evaluation.return_visit']);
    expect(audit[0]!.detail).toMatchObject({
      grade: 2,
      stage: 'completed',
      realName: true,
      flagId: flag!.id,
    });
    expect(JSON.stringify(audit)).not.toContain('王五');
  });

  it('exports the department’s evaluations in the caller’s language', async () => {
    const res = await caseScj.request(
      'GET',
      `/api/evaluations/export.xlsx?caseNo=${completed.caseNo}`,
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Case number');
    expect(sheet.getRow(2).getCell(1).value).toBe(completed.caseNo);
    expect(sheet.getRow(2).getCell(5).value).toBe('Dissatisfied');
    const exports = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'case.evaluations.export'));
    expect(exports).toHaveLength(1);
  });

  it('is rate limited like sign-in', async () => {
    const limited = await startTestApp({ clock: new FakeClock(NOW), env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      // Per address, whatever case number each guess names.
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const payload = { caseNo: `T-GUESS-${i}`, password: 'guess', stage: 'accepted', grade: 5 };
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/public/evaluations', payload })).statusCode,
        );
      }
      expect(codes).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
