import ExcelJS from 'exceljs';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStages, matterCode } from '../src/domain/matters.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { mattersJobs } from '../src/server/modules/matters/matters.jobs.ts';
import { guideInspectionRuns, guides, matters } from '../src/server/modules/matters/matters.tables.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 86_400_000;
const material = (name: string, copies = 1) => ({
  name,
  form: 'original' as const,
  copies,
  medium: 'paper' as const,
  required: true,
  sample: null,
});
/** Every element of a guide present and sound. */
const completeGuide = {
  conditions: '申请人为在本区登记的企业',
  materials: [material('申请书'), material('营业执照')],
  process: '申请、受理、审查、决定、送达',
  legalBasis: '《中华人民共和国行政许可法》',
  place: '区行政服务中心二楼',
  hours: '工作日 9:00-17:00',
  contactPhone: '0571-85100000',
  complaintPhone: '12345',
  onlineUrl: 'https://www.zjzwfw.gov.cn/m/1',
};

describe('guide inspection (办事指南检查)', () => {
  const clock = new FakeClock(new Date('2026-03-02T02:00:00Z'));
  let ctx: TestContext;
  let bureau: Session;
  let approverScj: Session;
  let approverMzj: Session;
  let caseScj: Session;
  const dept = {} as Record<'scj' | 'mzj', { id: string; uscc: string; regionCode: string }>;
  /** The matters this test plants, by name, and the findings each must get (rule → params). */
  const planted = new Map<string, { id: string; department: 'scj' | 'mzj'; expect: [string, Json][] }>();
  let seq = 0;

  /** Through the API, as an editor would: the API refuses contradictions in the matter itself. */
  const viaApi = async (
    department: 'scj' | 'mzj',
    name: string,
    matter: Json,
    guide: Json | null,
    findings: [string, Json][],
  ) => {
    const res = await bureau.request('POST', '/api/matters', {
      departmentId: dept[department].id,
      basicCode: `8${String(++seq).padStart(11, '0')}`,
      level: 'district',
      name,
      type: 'licensing',
      statutoryLimitDays: 20,
      committedLimitDays: 10,
      ...matter,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().matter.id as string;
    if (guide) {
      const g = await bureau.request('PUT', `/api/matters/${id}/guide`, guide);
      expect(g.statusCode, g.body).toBe(200);
    }
    planted.set(name, { id, department, expect: findings });
    return id;
  };

  /** Straight into the tables, as a legacy import or an old seed could leave them. */
  const viaTables = async (
    department: 'scj' | 'mzj',
    name: string,
    matter: Json,
    guide: Json & { updatedAt: Date },
    findings: [string, Json][],
  ) => {
    const basicCode = `8${String(++seq).padStart(11, '0')}`;
    const [row] = await ctx.database.db
      .insert(matters)
      .values({
        code: matterCode(dept[department].uscc, 'district', basicCode),
        basicCode,
        name,
        type: 'licensing',
        level: 'district',
        departmentId: dept[department].id,
        regionCode: dept[department].regionCode,
        statutoryLimitDays: 20,
        committedLimitDays: 10,
        stages: defaultStages('licensing', false),
        ...matter,
      })
      .returning({ id: matters.id });
    await ctx.database.db.insert(guides).values({ matterId: row!.id, ...guide });
    planted.set(name, { id: row!.id, department, expect: findings });
  };

  /** Every finding of a run about the planted matters, paging through the API. */
  const plantedFindings = async (s: Session, runId: string, query = '') => {
    const ids = new Set([...planted.values()].map((p) => p.id));
    const out: Json[] = [];
    for (let page = 1; ; page++) {
      const res = await s.request(
        'GET',
        `/api/guides/inspections/${runId}/findings?pageSize=200&page=${page}${query}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Json[];
      out.push(...items.filter((f) => ids.has(f.matter.id)));
      if (items.length < 200) return out;
    }
  };

  beforeAll(async () => {
    ctx = await startTestApp({ clock });
    for (const c of ['scj', 'mzj'] as const) {
      const d = (await ctx.services.repos.departments.byCode(c))!;
      dept[c] = { id: d.id, uscc: d.uscc, regionCode: d.regionCode };
    }
    bureau = await signIn(ctx.app, 'bureau');
    approverScj = await signIn(ctx.app, 'approver-scj');
    approverMzj = await signIn(ctx.app, 'approver-mzj');
    caseScj = await signIn(ctx.app, 'case-scj');

    await viaApi(
      'scj',
      '检查-完整',
      { fees: [{ name: '工本费', amount: 10, basis: '浙价费〔2019〕12号' }] },
      completeGuide,
      [],
    );
    await viaApi(
      'scj',
      '检查-缺依据',
      { fees: [{ name: '证书费', amount: 20, basis: '' }] },
      { ...completeGuide, legalBasis: '无', materials: [] },
      [
        ['missing_materials', { type: 'licensing' }],
        ['missing_legal_basis', {}],
        ['fee_without_basis', { index: 0, name: '证书费' }],
      ],
    );
    await viaApi(
      'scj',
      '检查-网办无链接',
      { type: 'public_service', onlineDepth: 3, specialProcedures: ['hearing'] },
      { ...completeGuide, onlineUrl: null, complaintPhone: '' },
      [
        ['missing_complaint_phone', {}],
        ['online_without_url', { depth: 3 }],
        ['special_procedure_not_applicable', { index: 0, procedure: 'hearing', type: 'public_service' }],
      ],
    );
    await viaApi('mzj', '检查-无指南', { type: 'payment' }, null, [['no_guide', {}]]);
    await viaTables(
      'mzj',
      '检查-矛盾',
      {
        statutoryLimitDays: 20,
        committedLimitDays: 25,
        visits: 0,
        onlineDepth: 2,
        stages: defaultStages('licensing', false).map((s) => ({
          ...s,
          limitDays: s.code === 'review' ? 30 : null,
        })),
      },
      {
        ...completeGuide,
        materials: [material('身份证'), material('申请表', 0), material('身份证 ')],
        updatedAt: new Date(clock.now().getTime() - 400 * DAY),
      },
      [
        ['committed_above_statutory', { committed: 25, statutory: 20 }],
        ['stage_days_above_committed', { days: 30, committed: 25 }],
        ['no_visit_not_online', { depth: 2 }],
        ['material_zero_copies', { index: 1, name: '申请表', copies: 0 }],
        ['material_duplicate_name', { index: 2, name: '身份证 ', first: 0 }],
        ['stale', { days: 400, updatedOn: '2025-01-26' }],
      ],
    );
    await viaTables(
      'scj',
      '检查-即办件有时限',
      {
        onTheSpot: true,
        statutoryLimitDays: 3,
        committedLimitDays: 1,
        stages: defaultStages('licensing', true),
      },
      { ...completeGuide, updatedAt: clock.now() },
      [['on_the_spot_with_limits', { statutory: 3, committed: 1 }]],
    );
    // A suspended matter is not inspected, whatever its guide.
    const suspended = await viaApi('scj', '检查-已暂停', {}, null, []);
    await bureau.request('POST', `/api/matters/${suspended}/suspend`);
  });
  afterAll(() => ctx.close());

  let runId: string;
  let runAt: string;

  /** The guide-inspection notices a user got from the run at `at` (the fake clock stands still in a run). */
  const noticesOf = async (s: Session, at: string) =>
    ((await s.request('GET', '/api/inbox?pageSize=200')).json().items as Json[]).filter(
      (m) => m.kind === 'guides.inspection' && m.createdAt === at,
    );

  it('finds exactly the planted faults of every active matter, and nothing in a sound guide', async () => {
    clock.advance(60_000);
    const res = await bureau.request('POST', '/api/guides/inspections');
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    runId = run.id;
    runAt = run.startedAt;
    const [{ n: active }] = (
      (await ctx.database.db.execute(
        sql`select count(*)::int as n from matters where status = 'active'`,
      )) as unknown as { rows: [{ n: number }] }
    ).rows;
    expect(run).toMatchObject({ trigger: 'manual', startedBy: 'bureau', matterCount: active });
    expect(run.errors + run.warnings).toBe(run.findingCount);
    expect(run.departments).toBeGreaterThanOrEqual(2);

    const got = await plantedFindings(bureau, runId);
    const want = [...planted.entries()].flatMap(([name, p]) =>
      p.expect.map(([rule, params]) => ({ matter: name, rule, params })),
    );
    expect(
      got
        .map((f) => ({ matter: f.matter.name, rule: f.rule, params: f.params }))
        .sort((a, b) =>
          `${a.matter}${a.rule}${JSON.stringify(a.params)}`.localeCompare(
            `${b.matter}${b.rule}${JSON.stringify(b.params)}`,
          ),
        ),
    ).toEqual(
      want.sort((a, b) =>
        `${a.matter}${a.rule}${JSON.stringify(a.params)}`.localeCompare(
          `${b.matter}${b.rule}${JSON.stringify(b.params)}`,
        ),
      ),
    );
    // Each finding carries its department, severity and reason in words.
    const contradiction = got.find((f) => f.rule === 'committed_above_statutory')!;
    expect(contradiction).toMatchObject({
      severity: 'error',
      department: { id: dept.mzj.id, code: 'mzj', name: '区民政局' },
      message: '承诺时限 25 个工作日超过法定时限 20 个工作日',
    });
    const en = await bureau.request(
      'GET',
      `/api/guides/inspections/${runId}/findings?rule=special_procedure_not_applicable&departmentId=${dept.scj.id}&pageSize=200`,
      undefined,
      { 'accept-language': 'en' },
    );
    const special = (en.json().items as Json[]).find(
      (f) => f.matter.id === planted.get('检查-网办无链接')!.id,
    )!;
    expect(special).toMatchObject({
      severity: 'warning',
      message: 'The special procedure "Hearing" does not apply to a matter of type "Public service"',
    });
    // Filters: by severity and rule.
    const warnings = await plantedFindings(bureau, runId, '&severity=warning');
    expect(warnings.map((f) => f.rule).sort()).toEqual(
      ['missing_complaint_phone', 'special_procedure_not_applicable', 'stale'].sort(),
    );
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.target, runId));
    expect(audits.map((a) => [a.action, a.actor])).toEqual([['guides.inspect', 'bureau']]);
    expect(audits[0]!.detail).toMatchObject({
      trigger: 'manual',
      matters: active,
      findings: run.findingCount,
    });
  });

  it('tells each department’s approvers what was found, with a link to their results', async () => {
    const latest = (await bureau.request('GET', '/api/guides/inspections/latest')).json();
    for (const [s, code] of [
      [approverScj, 'scj'],
      [approverMzj, 'mzj'],
    ] as const) {
      const notices = await noticesOf(s, runAt);
      expect(notices).toHaveLength(1);
      const row = (latest.departments as Json[]).find((d) => d.department.code === code)!;
      expect(notices[0]).toMatchObject({
        title: `办事指南检查：本部门 ${row.mattersWithFindings} 个事项发现 ${row.bySeverity.error} 个问题、${row.bySeverity.warning} 个提醒`,
        link: `/guides/inspection?department=${dept[code].id}`,
      });
      expect(notices[0]!.body).toMatch(/主要问题：/);
    }
    // Nobody in a department without findings hears of it.
    const clean = (latest.departments as Json[]).find((d) => d.findings === 0);
    if (clean) {
      const s = await signIn(ctx.app, `approver-${clean.department.code}`);
      expect(await noticesOf(s, runAt)).toEqual([]);
    }
  });

  it('summarises the latest run per department, a department seeing only its own', async () => {
    const all = (await bureau.request('GET', '/api/guides/inspections/latest')).json();
    expect(all.run.id).toBe(runId);
    const scj = (all.departments as Json[]).find((d) => d.department.code === 'scj')!;
    // The planted scj faults are all there (the demo may add its own).
    expect(scj.byRule.missing_legal_basis).toBeGreaterThanOrEqual(1);
    expect(scj.byRule.online_without_url).toBeGreaterThanOrEqual(1);
    expect(scj.matters).toBeGreaterThanOrEqual(4);
    expect(scj.mattersWithFindings).toBeGreaterThanOrEqual(3);
    expect(scj.bySeverity.error + scj.bySeverity.warning).toBe(scj.findings);
    expect(Object.values(scj.byRule as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(scj.findings);
    const total = (all.departments as Json[]).reduce((n, d) => n + d.findings, 0);
    expect(total).toBe(all.run.findingCount);
    expect((all.departments as Json[]).reduce((n, d) => n + d.matters, 0)).toBe(all.run.matterCount);
    // The counts are the run's: a matter suspended since does not change them.
    const [suspended] = await ctx.database.query<{ id: string }>(
      `update matters set status = 'suspended' where id = (select id from matters where department_id = $1 and status = 'active' order by code limit 1) returning id`,
      [dept.scj.id],
    );
    const after = (await bureau.request('GET', '/api/guides/inspections/latest')).json();
    expect((after.departments as Json[]).find((d) => d.department.code === 'scj')!.matters).toBe(scj.matters);
    await ctx.database.query(`update matters set status = 'active' where id = $1`, [suspended!.id]);
    // The department's findings list agrees with its summary.
    const list = (
      await bureau.request(
        'GET',
        `/api/guides/inspections/${runId}/findings?departmentId=${dept.scj.id}&pageSize=1`,
      )
    ).json();
    expect(list.total).toBe(scj.findings);

    for (const s of [caseScj, approverScj]) {
      const own = (await s.request('GET', '/api/guides/inspections/latest')).json();
      expect(own.departments.map((d: Json) => d.department.code)).toEqual(['scj']);
      expect(own.departments[0]).toEqual(scj);
      // Their findings list holds their department's only, even when they ask for another's.
      const other = (
        await s.request('GET', `/api/guides/inspections/${runId}/findings?departmentId=${dept.mzj.id}`)
      ).json();
      expect(other).toEqual({ items: [], total: 0 });
      const mine = await plantedFindings(s, runId);
      expect(new Set(mine.map((f) => f.department.code))).toEqual(new Set(['scj']));
    }
  });

  it('writes the report as Excel: one row per finding with department, matter, rule, reason and severity; audited', async () => {
    const res = await bureau.request(
      'GET',
      `/api/guides/inspections/${runId}/findings/export.xlsx?departmentId=${dept.mzj.id}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const rows = (wb.worksheets[0]!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['实施部门', '实施编码', '事项名称', '检查项', '问题说明', '级别']);
    const mine = rows.slice(1).filter((r) => String(r[2]).startsWith('检查-'));
    expect(mine.map((r) => [r[0], r[2], r[3], r[5]])).toEqual([
      ['区民政局', '检查-无指南', '未编制办事指南', '问题'],
      ['区民政局', '检查-矛盾', '承诺时限超过法定时限', '问题'],
      ['区民政局', '检查-矛盾', '环节时限超过承诺时限', '问题'],
      ['区民政局', '检查-矛盾', '零跑动但非全程网办', '问题'],
      ['区民政局', '检查-矛盾', '材料份数为 0', '问题'],
      ['区民政局', '检查-矛盾', '材料重名', '问题'],
      ['区民政局', '检查-矛盾', '指南超过一年未更新', '提醒'],
    ]);
    expect(mine.every((r) => String(r[1]).startsWith(`${dept.mzj.uscc}4`))).toBe(true);
    expect(mine.find((r) => r[3] === '材料重名')![4]).toBe('第 3 项材料「身份证 」与第 1 项重名');
    expect(rows.slice(1).every((r) => r[0] === '区民政局')).toBe(true);

    const en = await bureau.request(
      'GET',
      `/api/guides/inspections/${runId}/findings/export.xlsx?severity=warning`,
      undefined,
      { 'accept-language': 'en' },
    );
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as never);
    const enRows = (wbEn.worksheets[0]!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(enRows[0]).toEqual(['Department', 'Implementation code', 'Matter', 'Rule', 'Reason', 'Severity']);
    expect(enRows.slice(1).every((r) => r[5] === 'Warning')).toBe(true);
    expect(enRows.find((r) => r[2] === '检查-矛盾')![4]).toMatch(
      /^The guide has not been updated for 400 days/,
    );

    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'guides.findings.export'));
    expect(audits.map((a) => [a.target, a.actor])).toEqual([
      [runId, 'bureau'],
      [runId, 'bureau'],
    ]);
    expect(
      (await bureau.request('GET', `/api/guides/inspections/${crypto.randomUUID()}/findings`)).statusCode,
    ).toBe(404);
  });

  it('runs weekly as a job, and lists runs newest first', async () => {
    clock.advance(60_000);
    const job = mattersJobs(ctx.services).find((j) => j.name === 'guides.inspection')!;
    expect(job.intervalSeconds).toBe(7 * 24 * 3600);
    const result = await job.run(clock.now());
    expect(result).toMatchObject({ runId: expect.any(String), findings: expect.any(Number) });
    const runs = (await bureau.request('GET', '/api/guides/inspections')).json();
    expect(runs.items.slice(0, 2).map((r: Json) => [r.id, r.trigger, r.startedBy])).toEqual([
      [result.runId, 'schedule', null],
      [runId, 'manual', 'bureau'],
    ]);
    expect(runs.total).toBeGreaterThanOrEqual(2);
    // The job's run is the latest now; the planted matters' findings are the same.
    const latest = (await approverMzj.request('GET', '/api/guides/inspections/latest')).json();
    expect(latest.run.id).toBe(result.runId);
    const again = await plantedFindings(bureau, String(result.runId));
    expect(again).toHaveLength([...planted.values()].reduce((n, p) => n + p.expect.length, 0));
    const stored = await ctx.database.db
      .select()
      .from(guideInspectionRuns)
      .where(inArray(guideInspectionRuns.id, [runId, String(result.runId)]));
    expect(stored).toHaveLength(2);
    // Each scheduled run notifies again.
    expect(await noticesOf(approverScj, runs.items[0].startedAt)).toHaveLength(1);
  });
});
