import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDepartments } from '../src/demo/departments.ts';
import { DEFAULT_DEMO_SEED } from '../src/demo/users.ts';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import {
  buildDemoServices,
  DEMO_QUERY_PASSWORD,
  demoServicesRecord,
  demoServicesRecordOf,
  demoUpstreamPlant,
  type DemoServicesRecord,
} from '../src/server/seed/demo-services.ts';
import { FakeClock, signIn, startTestApp, type TestContext } from './harness.ts';

// The seeded template every integration test starts from holds the demo's matters, guides and a
// (smaller, 3,000-case) year of cases: test/global-setup.ts.
describe('demo matters, guides and cases (seeded)', () => {
  let ctx: TestContext;
  let record: DemoServicesRecord;
  const clock = new FakeClock(new Date());
  beforeAll(async () => {
    ctx = await startTestApp({ clock });
    record = (await demoServicesRecordOf(ctx.database.db))!;
    // "Today" is the day the template was seeded, whenever this runs.
    clock.set(new Date(`${record.today}T12:00:00+08:00`));
  });
  afterAll(() => ctx.close());

  const rows = <T>(sql: string, params: unknown[] = []) => ctx.database.query<T>(sql, params);
  const count = async (sql: string, params: unknown[] = []) =>
    (await rows<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

  it('holds about 300 public and exactly 358 internal matters of the 42 departments, each with a guide', async () => {
    const pub = await count(`matters where type <> 'internal'`);
    expect(pub).toBeGreaterThanOrEqual(280);
    expect(pub).toBeLessThanOrEqual(320);
    expect(await count(`matters where type = 'internal'`)).toBe(358);
    expect(await count(`(select distinct department_id from matters where type = 'internal') d`)).toBe(42);
    expect(await count('guides')).toBe(pub + 358);
    // Matters sit in their department's region, so region scopes apply to them.
    expect(
      await count(
        'matters m join departments d on d.id = m.department_id where m.region_code <> d.region_code',
      ),
    ).toBe(0);
  });

  it('records what it planted, exactly as the generator gives it for that day', async () => {
    expect(record.caseCount).toBe(3_000);
    const data = buildDemoServices(demoDepartments(), {
      seed: DEFAULT_DEMO_SEED,
      today: record.today,
      calendar: await ctx.services.calendar.calendar(),
      caseCount: record.caseCount,
    });
    expect(JSON.parse(JSON.stringify(demoServicesRecord(data)))).toEqual(record);
    expect(await count('cases')).toBe(3_000);
    expect(await count('case_events')).toBe(data.cases.cases.reduce((n, c) => n + c.events.length, 0));
    expect(await count(`cases where source = 'live'`)).toBe(3_000);
    // Applicants' ID numbers and phones are sealed, never stored in clear.
    const person = data.cases.cases.find((c) => c.applicant.type === 'person')!;
    const [sealed] = await rows<{ enc: string; masked: string; phone: string }>(
      `select applicant_id_enc as enc, applicant_id_masked as masked, applicant_phone_enc as phone
         from cases where case_no = $1`,
      [person.caseNo],
    );
    expect(sealed!.enc).not.toContain(person.applicant.idNumber);
    expect(sealed!.phone).not.toContain(person.applicant.phone!);
    expect(sealed!.masked).not.toBe(person.applicant.idNumber);
    expect(sealed!.masked.slice(0, 3)).toBe(person.applicant.idNumber.slice(0, 3));
  });

  it('opens with exactly the planted flags: overdue, abnormal and poor evaluations, per case and type', async () => {
    const found = await rows<{ case_no: string; type: string; source: string }>(
      `select c.case_no, f.type, f.source from case_flags f join cases c on c.id = f.case_id
        where f.status = 'open' order by 1, 2`,
    );
    const expected = [
      ...record.plantedAbnormal.map((p) => [p.caseNo, p.type]),
      // A case past its statutory deadline is past its committed one too: the daily scan raised both.
      ...record.plantedOverdue.map((p) => [p.caseNo, 'overdue_committed']),
      ...record.plantedOverdue
        .filter((p) => p.type === 'overdue_statutory')
        .map((p) => [p.caseNo, 'overdue_statutory']),
      ...record.plantedPoorEvaluations.map((p) => [p.caseNo, 'poor_evaluation']),
    ].map(([caseNo, type]) => `${caseNo} ${type}`);
    expect(found.map((f) => `${f.case_no} ${f.type}`).sort()).toEqual(expected.sort());
    // Raised as live cases raise them: by the event rules, the daily scan and the evaluation.
    const sources = new Map(found.map((f) => [f.type, f.source]));
    expect(sources.get('too_fast')).toBe('rule');
    expect(sources.get('overdue_statutory')).toBe('scan');
    expect(sources.get('poor_evaluation')).toBe('evaluation');
    expect(await count('cases where open_flags > 0')).toBe(new Set(found.map((f) => f.case_no)).size);
    // The open overdue cases are still open.
    const open = record.plantedOverdue.filter((p) => p.open).map((p) => p.caseNo);
    expect(await count('cases where open and case_no = any($1)', [open])).toBe(open.length);
  });

  it('keeps the poor grades with their return visits', async () => {
    const poor = await rows<{ case_no: string; grade: number; real_name: boolean; visited: boolean }>(
      `select c.case_no, e.grade, e.real_name, e.return_visit_at is not null as visited
         from case_evaluations e join cases c on c.id = e.case_id where e.grade <= 2 order by 1`,
    );
    expect(poor.map((p) => [p.case_no, p.grade, p.real_name, p.visited])).toEqual(
      [...record.plantedPoorEvaluations]
        .sort((a, b) => a.caseNo.localeCompare(b.caseNo))
        .map((p) => [p.caseNo, p.grade, p.realName, p.returnVisited]),
    );
    const evaluated = await count('(select distinct case_id from case_evaluations) e');
    expect(evaluated / 3_000).toBeGreaterThan(0.2);
  });

  it('gives the guide inspection exactly the planted guide faults to find', async () => {
    const { run } = await ctx.services.matters.inspectGuides('manual', systemActor('test'));
    const findings = await rows<{ code: string; rule: string }>(
      `select m.code, f.rule from guide_findings f join matters m on m.id = f.matter_id where f.run_id = $1`,
      [run.id],
    );
    const key = (f: { matterCode: string; rule: string }) => `${f.matterCode} ${f.rule}`;
    expect(findings.map((f) => key({ matterCode: f.code, rule: f.rule })).sort()).toEqual(
      record.plantedGuideFaults.map(key).sort(),
    );
  });

  it('reports the internal matters at 100% implemented and an online-handling rate of 95.53%', async () => {
    const bureau = await signIn(ctx.app, 'bureau');
    const res = await bureau.request('GET', '/api/cases/internal-stats');
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as {
      internalMatters: number;
      implementationRate: number;
      departments: number;
      cases: number;
      onlineCases: number;
      onlineHandlingRate: number;
    };
    expect(out).toMatchObject({
      internalMatters: 358,
      implementationRate: 1,
      departments: 42,
      cases: record.internalOnline.total,
      onlineCases: record.internalOnline.online,
    });
    expect(Math.round(out.onlineHandlingRate * 10_000) / 100).toBe(95.53);
  });

  it('leaves recent cases open at every stage in the queues', async () => {
    const statuses = await rows<{ status: string }>(`select distinct status from cases where open`);
    for (const status of ['submitted', 'accepted', 'completed'])
      expect(statuses.map((s) => s.status)).toContain(status);
    const window = await signIn(ctx.app, 'window');
    const queue = await window.request('GET', '/api/cases?pageSize=20');
    expect(queue.statusCode, queue.body).toBe(200);
    expect((queue.json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('lets an applicant look up any demo case with the documented query password', async () => {
    const [c] = await rows<{ case_no: string; status: string }>(
      `select case_no, status from cases where open order by case_no limit 1`,
    );
    const lookup = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/public/case-status',
        payload: { caseNo: c!.case_no, password },
      });
    const found = await lookup(DEMO_QUERY_PASSWORD);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ caseNo: c!.case_no, status: c!.status });
    expect((await lookup('000000')).statusCode).toBe(404);
    // One hash serves every demo case (hashing 30,000 would slow the first start by minutes).
    expect(await count(`(select distinct query_password_hash from cases where source = 'live') h`)).toBe(1);
  });

  it('names the staff of demo history by their display names, as live cases do', async () => {
    const [c] = await rows<{ id: string }>(
      `select c.id from cases c join case_events e on e.case_id = c.id and e.kind = 'accepted' order by c.case_no limit 1`,
    );
    const bureau = await signIn(ctx.app, 'bureau');
    const detail = (await bureau.request('GET', `/api/cases/${c!.id}`)).json();
    const accepted = detail.events.find((e: { kind: string }) => e.kind === 'accepted');
    const [user] = await rows<{ display_name: string }>(
      `select display_name from users where username = $1`,
      [accepted.actorName],
    );
    expect(accepted.actorDisplayName).toBe(user!.display_name);
  });

  it('names the planted mismatch for the demo provincial library', async () => {
    const plant = await demoUpstreamPlant(ctx.database.db);
    const { caseNo, field, upstreamValue } = record.plantedUpstreamMismatch;
    expect(plant).toEqual({ caseNo, changes: { [field]: upstreamValue } });
    expect(
      await count(`cases where case_no = $1 and completed_at is not null and open_flags = 0`, [caseNo]),
    ).toBe(1);
  });
});
