import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStages, matterCode } from '../src/domain/matters.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let seq = 0;
/** A basic code no demo matter has (the 9 prefix is the tests'). */
const basicCode = () => `9${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq).padStart(5, '0')}`;

const base = {
  level: 'district',
  type: 'licensing',
  statutoryLimitDays: 20,
  committedLimitDays: 10,
};

const fieldsOf = (res: { json(): unknown }) =>
  Object.fromEntries((((res.json() as Json).fields ?? []) as Json[]).map((f) => [f.path, f.message]));

describe('matters (事项)', () => {
  let ctx: TestContext;
  let bureau: Session;
  let approverScj: Session;
  let caseScj: Session;
  let window: Session;
  let leader: Session;
  const dept = {} as Record<'scj' | 'mzj', { id: string; uscc: string }>;

  const create = (s: Session, body: Json, headers?: Record<string, string>) =>
    s.request('POST', '/api/matters', { ...base, basicCode: basicCode(), ...body }, headers);
  const created = async (s: Session, body: Json): Promise<Json> => {
    const res = await create(s, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().matter;
  };
  const anonymous = (url: string) => ctx.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    ctx = await startTestApp();
    for (const c of ['scj', 'mzj'] as const) {
      const d = (await ctx.services.repos.departments.byCode(c))!;
      dept[c] = { id: d.id, uscc: d.uscc };
    }
    bureau = await signIn(ctx.app, 'bureau');
    approverScj = await signIn(ctx.app, 'approver-scj');
    caseScj = await signIn(ctx.app, 'case-scj');
    window = await signIn(ctx.app, 'window');
    leader = await signIn(ctx.app, 'leader');
  });
  afterAll(() => ctx.close());

  it('creates a matter with its code composed from the department’s USCC, level and basic code, and the type’s stages', async () => {
    const code = basicCode();
    const res = await bureau.request('POST', '/api/matters', {
      ...base,
      basicCode: code,
      departmentId: dept.scj.id,
      name: '食品经营许可（测试）',
      fees: [{ name: '工本费', amount: 10, basis: '浙价费〔2019〕12号' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { matter, guide } = res.json();
    expect(guide).toBeNull();
    expect(matter).toMatchObject({
      code: matterCode(dept.scj.uscc, 'district', code),
      basicCode: code,
      department: { id: dept.scj.id, code: 'scj', name: '区市场监督管理局' },
      stages: defaultStages('licensing', false),
      status: 'active',
      version: 1,
      onTheSpot: false,
      visits: 1,
      onlineDepth: 1,
      maxExtensionDays: 0,
      minHandlingMinutes: 30,
    });
    expect(matter.code).toHaveLength(31);
    const read = await leader.request('GET', `/api/matters/${matter.id}`);
    expect(read.json().matter).toEqual(matter);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'matter.create'), eq(auditLog.target, matter.id)));
    expect(audit!.detail).toMatchObject({ code: matter.code, departmentId: dept.scj.id });
  });

  it('updates with the version read: the next version, the changed fields audited, a stale version 409', async () => {
    const m = await created(bureau, {
      departmentId: dept.mzj.id,
      name: '最低生活保障审核（测试）',
      type: 'payment',
    });
    const { version, ...rest } = m;
    const body = {
      departmentId: dept.mzj.id,
      basicCode: rest.basicCode,
      level: rest.level,
      name: rest.name,
      type: rest.type,
      onTheSpot: rest.onTheSpot,
      statutoryLimitDays: rest.statutoryLimitDays,
      committedLimitDays: 5,
      maxExtensionDays: 10,
      visits: 0,
      onlineDepth: 4,
      stages: rest.stages,
      specialProcedures: ['inspection'],
      fees: [],
      minHandlingMinutes: 60,
    };
    const res = await bureau.request('PUT', `/api/matters/${m.id}`, { ...body, version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().matter).toMatchObject({ version: 2, committedLimitDays: 5, visits: 0, onlineDepth: 4 });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'matter.update'), eq(auditLog.target, m.id)));
    expect(audit!.detail).toEqual({
      code: m.code,
      version: 2,
      changed: [
        'committedLimitDays',
        'maxExtensionDays',
        'visits',
        'onlineDepth',
        'specialProcedures',
        'minHandlingMinutes',
      ],
    });

    // The second editor read version 1.
    for (const lang of ['zh-CN', 'en']) {
      const stale = await bureau.request(
        'PUT',
        `/api/matters/${m.id}`,
        { ...body, name: '改名', version: 1 },
        { 'accept-language': lang },
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('CONFLICT');
      expect(fieldsOf(stale).version).toBe(
        lang === 'en'
          ? 'Someone else changed the matter (now version 2); reload and try again'
          : '事项已被他人修改（当前为第 2 版），请刷新后重试',
      );
    }
    expect((await bureau.request('GET', `/api/matters/${m.id}`)).json().matter.name).toBe(rest.name);
  });

  it('refuses a second matter with the same implementation code, naming the basic code', async () => {
    const code = basicCode();
    await created(bureau, { departmentId: dept.scj.id, basicCode: code, name: '甲（测试）' });
    const res = await create(bureau, { departmentId: dept.scj.id, basicCode: code, name: '乙（测试）' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE');
    expect(fieldsOf(res).basicCode).toContain(matterCode(dept.scj.uscc, 'district', code));
    // The same basic code at another level or in another department is another matter.
    await created(bureau, {
      departmentId: dept.scj.id,
      basicCode: code,
      level: 'street',
      name: '丙（测试）',
    });
    await created(bureau, { departmentId: dept.mzj.id, basicCode: code, name: '丁（测试）' });
  });

  it('keeps an approver to their own department and case officers to reading their own', async () => {
    const own = await created(approverScj, { name: '营业执照变更登记（测试）' });
    expect(own.department.id).toBe(dept.scj.id);
    const other = await created(bureau, { departmentId: dept.mzj.id, name: '婚姻登记（测试）' });

    // An approver cannot create for, read or edit another department's matter.
    expect((await create(approverScj, { departmentId: dept.mzj.id, name: '越权（测试）' })).statusCode).toBe(
      403,
    );
    expect((await approverScj.request('GET', `/api/matters/${other.id}`)).statusCode).toBe(404);
    const put = await approverScj.request('PUT', `/api/matters/${other.id}`, {
      ...base,
      basicCode: other.basicCode,
      name: '越权修改',
      version: 1,
    });
    expect(put.statusCode).toBe(404);
    expect((await approverScj.request('POST', `/api/matters/${other.id}/suspend`, {})).statusCode).toBe(404);
    expect((await approverScj.request('PUT', `/api/matters/${other.id}/guide`, {})).statusCode).toBe(404);
    // Nor move their own matter to another department.
    const move = await approverScj.request('PUT', `/api/matters/${own.id}`, {
      ...base,
      basicCode: own.basicCode,
      name: own.name,
      departmentId: dept.mzj.id,
      version: own.version,
    });
    expect(move.statusCode).toBe(403);

    // Case officers read their department's matters only, and edit none.
    const list = (await caseScj.request('GET', '/api/matters?pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((m: Json) => m.department.id === dept.scj.id)).toBe(true);
    expect((await caseScj.request('GET', `/api/matters/${other.id}`)).statusCode).toBe(404);
    expect((await caseScj.request('GET', `/api/matters/${own.id}`)).statusCode).toBe(200);
    expect(
      (await caseScj.request('POST', '/api/matters', { ...base, basicCode: basicCode() })).statusCode,
    ).toBe(403);

    // Windows, leaders and the bureau read every department's.
    for (const s of [window, leader, bureau]) {
      const ids = (await s.request('GET', `/api/matters?q=${encodeURIComponent('（测试）')}&pageSize=200`))
        .json()
        .items.map((m: Json) => m.id);
      expect(ids).toEqual(expect.arrayContaining([own.id, other.id]));
    }
  });

  const BAD: [string, Json, string, RegExp, RegExp][] = [
    [
      'committed above statutory',
      { committedLimitDays: 25 },
      'committedLimitDays',
      /不能超过法定时限（20/,
      /cannot exceed the statutory limit \(20/,
    ],
    [
      'on the spot with a limit',
      { onTheSpot: true, statutoryLimitDays: 3, committedLimitDays: 3 },
      'statutoryLimitDays',
      /即办件的时限应为 0/,
      /on-the-spot matter has a limit of 0/,
    ],
    [
      'no statutory limit',
      { statutoryLimitDays: 0, committedLimitDays: 0 },
      'statutoryLimitDays',
      /须填写大于 0 的时限/,
      /needs a limit above 0/,
    ],
    ['a limit beyond a year', { statutoryLimitDays: 400 }, 'statutoryLimitDays', /0 到 365/, /from 0 to 365/],
    ['negative extension', { maxExtensionDays: -1 }, 'maxExtensionDays', /0 到 365/, /from 0 to 365/],
    ['eleven visits', { visits: 11 }, 'visits', /0 到 10 之间/, /from 0 to 10/],
    ['online depth 0', { onlineDepth: 0 }, 'onlineDepth', /1 到 4 之间/, /from 1 to 4/],
    ['negative minutes', { minHandlingMinutes: -1 }, 'minHandlingMinutes', /0 到 100000/, /from 0 to 100000/],
    [
      'a stage twice',
      { stages: [stage('receive'), stage('accept'), stage('accept'), stage('complete')] },
      'stages.2.code',
      /环节「受理」出现了两次/,
      /"Acceptance" appears twice/,
    ],
    [
      'stages out of order',
      { stages: [stage('receive'), stage('complete'), stage('accept')] },
      'stages.2.code',
      /环节「受理」的位置不对/,
      /"Acceptance" is out of order/,
    ],
    [
      'an optional mandatory stage',
      { stages: [stage('receive'), { ...stage('accept'), required: false }, stage('complete')] },
      'stages.1.required',
      /必经环节，不能设为可选/,
      /mandatory stages and cannot be optional/,
    ],
    [
      'no completion',
      { stages: [stage('receive'), stage('accept')] },
      'stages',
      /缺少必经环节「办结」/,
      /"Completion" is missing/,
    ],
    [
      'stage limits above committed',
      {
        stages: [
          stage('receive'),
          { ...stage('accept'), limitDays: 6 },
          { ...stage('complete'), limitDays: 6 },
        ],
      },
      'stages',
      /合计 12 个工作日，超过承诺时限 10/,
      /add up to 12 working days, more than the committed limit of 10/,
    ],
    [
      'a special procedure twice',
      { specialProcedures: ['hearing', 'hearing'] },
      'specialProcedures.1',
      /重复/,
      /Listed twice/,
    ],
    [
      'a fee without a name',
      { fees: [{ name: ' ', amount: 5, basis: 'x' }] },
      'fees.0.name',
      /必填/,
      /Required/,
    ],
    [
      'a negative fee',
      { fees: [{ name: '工本费', amount: -5, basis: 'x' }] },
      'fees.0.amount',
      /不小于 0/,
      /0 or more/,
    ],
    ['a short basic code', { basicCode: '12345' }, 'basicCode', /12 位数字/, /12 digits/],
    ['an unknown type', { type: 'tax' }, 'type', /licensing/, /licensing/],
    [
      'an unknown stage role',
      { stages: [{ ...stage('receive'), role: 'leader' }] },
      'stages.0.role',
      /window_officer/,
      /window_officer/,
    ],
    [
      'an unknown department',
      { departmentId: '00000000-0000-4000-8000-000000000000' },
      'departmentId',
      /部门不存在/,
      /No such department/,
    ],
    [
      'no department',
      { departmentId: undefined },
      'departmentId',
      /请选择实施部门/,
      /Choose the implementing department/,
    ],
    ['a fractional limit', { statutoryLimitDays: 2.5 }, 'statutoryLimitDays', /整数/, /whole number/],
  ];

  function stage(code: string) {
    return defaultStages('licensing', false).find((s) => s.code === code)!;
  }

  it.each(BAD)('names the field of %s, in Chinese and in English', async (_, change, path, zh, en) => {
    for (const [lang, want] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      const res = await create(
        bureau,
        { departmentId: dept.scj.id, name: '坏输入（测试）', ...change },
        {
          'accept-language': lang,
        },
      );
      expect(res.statusCode, res.body).toBe(400);
      const fields = fieldsOf(res);
      expect(Object.keys(fields), res.body).toContain(path);
      expect(fields[path], `${lang}: ${res.body}`).toMatch(want);
    }
  });

  it('suspends and activates, refusing a second suspension and a stale version with the reason', async () => {
    const m = await created(bureau, { departmentId: dept.scj.id, name: '暂停测试（测试）' });
    const s = await bureau.request('POST', `/api/matters/${m.id}/suspend`, { version: 1 });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().matter).toMatchObject({ status: 'suspended', version: 2 });
    const again = await bureau.request(
      'POST',
      `/api/matters/${m.id}/suspend`,
      {},
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again).status).toBe('The matter is already suspended');
    const old = await bureau.request('POST', `/api/matters/${m.id}/activate`, { version: 1 });
    expect(old.statusCode).toBe(409);
    expect(fieldsOf(old).version).toMatch(/第 2 版/);
    const a = await bureau.request('POST', `/api/matters/${m.id}/activate`);
    expect(a.json().matter).toMatchObject({ status: 'active', version: 3 });
    const actions = await ctx.database.db.select().from(auditLog).where(eq(auditLog.target, m.id));
    expect(actions.map((r) => r.action)).toEqual(['matter.create', 'matter.suspend', 'matter.activate']);
  });

  it('lists with filters and sorts, and exports the same list as Excel in the caller’s language, audited', async () => {
    const tag = `筛选${seq}`;
    const a = await created(bureau, { departmentId: dept.scj.id, name: `${tag}A`, statutoryLimitDays: 30 });
    const b = await created(bureau, {
      departmentId: dept.mzj.id,
      name: `${tag}B`,
      type: 'internal',
      onTheSpot: true,
      statutoryLimitDays: 0,
      committedLimitDays: 0,
    });
    const c = await created(bureau, { departmentId: dept.mzj.id, name: `${tag}C`, statutoryLimitDays: 15 });
    await bureau.request('POST', `/api/matters/${c.id}/suspend`);
    const ids = async (query: string) =>
      (await bureau.request('GET', `/api/matters?q=${encodeURIComponent(tag)}&${query}`))
        .json()
        .items.map((m: Json) => m.id);
    expect(await ids('sort=-statutoryLimitDays')).toEqual([a.id, c.id, b.id]);
    expect(await ids('sort=name')).toEqual([a.id, b.id, c.id]);
    expect(await ids('internal=true')).toEqual([b.id]);
    expect((await ids('internal=false&sort=name')).sort()).toEqual([a.id, c.id].sort());
    expect(await ids('onTheSpot=true')).toEqual([b.id]);
    expect(await ids('status=suspended')).toEqual([c.id]);
    expect(await ids(`departmentId=${dept.mzj.id}&type=licensing`)).toEqual([c.id]);
    expect(
      (await bureau.request('GET', `/api/matters?q=${a.code}`)).json().items.map((m: Json) => m.id),
    ).toEqual([a.id]);

    for (const lang of ['zh-CN', 'en'] as const) {
      const res = await bureau.request(
        'GET',
        `/api/matters/export.xlsx?q=${encodeURIComponent(tag)}&sort=name`,
        undefined,
        { 'accept-language': lang },
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const sheet = wb.worksheets[0]!;
      const rows = sheet.getSheetValues().slice(1) as unknown[][];
      const header = rows[0]!.slice(1);
      const body = rows.slice(1).map((r) => r.slice(1));
      expect(body).toHaveLength(3);
      if (lang === 'en') {
        expect(header.slice(0, 3)).toEqual(['Implementation code', 'Name', 'Type']);
        expect(body[1]!.slice(0, 3)).toEqual([b.code, b.name, 'Internal matter']);
        expect(body[2]![12]).toBe('Suspended');
      } else {
        expect(header.slice(0, 3)).toEqual(['实施编码', '事项名称', '事项类型']);
        expect(body[0]!.slice(0, 5)).toEqual([a.code, a.name, '行政许可', '区县级', '区市场监督管理局']);
        expect(body[1]![5]).toBe('是');
      }
    }
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'matters.export'));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.actor).toBe('bureau');
  });

  it('counts matters per type under the list’s filters in one answer, within scope', async () => {
    const total = async (s: Session, q: string) =>
      (await s.request('GET', `/api/matters?pageSize=1&${q}`)).json().total as number;
    for (const [s, q] of [
      [bureau, ''],
      [bureau, 'internal=false&status=active'],
      [caseScj, ''],
    ] as const) {
      const res = await s.request('GET', `/api/matters/summary?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const byType = res.json().byType as Record<string, number>;
      expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBe(await total(s, q));
      for (const [type, n] of Object.entries(byType)) expect(n).toBe(await total(s, `${q}&type=${type}`));
    }
    const internalOnly = (await bureau.request('GET', '/api/matters/summary?internal=true')).json().byType;
    expect(Object.keys(internalOnly)).toEqual(['internal']);
    expect(internalOnly.internal).toBe(await total(bureau, 'internal=true'));
    expect(internalOnly.internal).toBeGreaterThanOrEqual(358); // the demo's, and any a test added
  });

  it('writes a guide, names every bad element by its path in both languages, and refuses a stale save', async () => {
    const m = await created(approverScj, { name: '指南测试（测试）' });
    expect((await approverScj.request('GET', `/api/matters/${m.id}/guide`)).json()).toBeNull();
    const material = { name: '身份证', form: 'original', copies: 1, medium: 'paper' };
    const guide = {
      conditions: '申请人为本区企业',
      materials: [material, { ...material, name: '申请表', form: 'copy', copies: 2, sample: '见附件' }],
      process: '申请、受理、审查、决定',
      legalBasis: '《食品安全法》第三十五条',
      place: '区行政服务中心',
      hours: '工作日 9:00-17:00',
      contactPhone: '0571-85100000',
      complaintPhone: '12345',
      onlineUrl: 'https://www.zjzwfw.gov.cn/x',
    };
    const put = await approverScj.request('PUT', `/api/matters/${m.id}/guide`, guide);
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json();
    expect(saved).toMatchObject({
      ...guide,
      materials: [
        { ...material, required: true, sample: null },
        { ...material, name: '申请表', form: 'copy', copies: 2, required: true, sample: '见附件' },
      ],
      updatedBy: 'approver-scj',
    });
    expect((await caseScj.request('GET', `/api/matters/${m.id}`)).json().guide).toEqual(saved);

    const bad: [Json, string, RegExp, RegExp][] = [
      [
        { materials: [material, material, { ...material, name: '表', copies: 0 }] },
        'materials.2.copies',
        /不能小于 1/,
        /At least 1/,
      ],
      [
        { materials: [material, { ...material, name: ' 身份证' }] },
        'materials.1.name',
        /与第 1 项材料重名/,
        /Same name as material 1/,
      ],
      [{ materials: [{ ...material, form: 'scan' }] }, 'materials.0.form', /original/, /original/],
      [
        { materials: [{ ...material, name: '' }] },
        'materials.0.name',
        /至少 1 个字符/,
        /At least 1 character/,
      ],
      [{ onlineUrl: 'ftp://files.gov.cn/x' }, 'onlineUrl', /./, /./],
      [
        { contactPhone: '拨打 110' },
        'contactPhone',
        /电话号码只能包含数字/,
        /A phone number may only contain digits/,
      ],
      [{ place: 'x'.repeat(501) }, 'place', /最多 500 个字符/, /At most 500 characters/],
    ];
    for (const [change, path, zh, en] of bad)
      for (const [lang, want] of [
        ['zh-CN', zh],
        ['en', en],
      ] as const) {
        const res = await approverScj.request(
          'PUT',
          `/api/matters/${m.id}/guide`,
          { ...guide, ...change },
          { 'accept-language': lang },
        );
        expect(res.statusCode, res.body).toBe(400);
        expect(fieldsOf(res)[path], `${path} ${lang}: ${res.body}`).toMatch(want);
      }

    // Saved with the updatedAt read: fine once; the second editor, who read the same, gets 409.
    const first = await approverScj.request('PUT', `/api/matters/${m.id}/guide`, {
      ...guide,
      hours: '工作日 8:30-17:00',
      updatedAt: saved.updatedAt,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await bureau.request('PUT', `/api/matters/${m.id}/guide`, {
      ...guide,
      place: '别处',
      updatedAt: saved.updatedAt,
    });
    expect(second.statusCode).toBe(409);
    expect(fieldsOf(second).updatedAt).toMatch(/办事指南已被他人修改/);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'guide.update'), eq(auditLog.target, m.id)));
    expect(audits.map((a) => a.detail)).toEqual([
      { code: m.code, changed: Object.keys(guide) },
      { code: m.code, changed: ['hours'] },
    ]);
  });

  it('shows the public active matters for applicants with public facts only, never internal or suspended ones', async () => {
    const tag = `公开${seq}`;
    const open = await created(bureau, { departmentId: dept.scj.id, name: `${tag}许可` });
    await bureau.request('PUT', `/api/matters/${open.id}/guide`, {
      conditions: '无条件限制',
      place: '区行政服务中心',
    });
    const internal = await created(bureau, {
      departmentId: dept.mzj.id,
      name: `${tag}内部`,
      type: 'internal',
      statutoryLimitDays: 5,
      committedLimitDays: 3,
    });
    const suspended = await created(bureau, { departmentId: dept.mzj.id, name: `${tag}暂停` });
    await bureau.request('POST', `/api/matters/${suspended.id}/suspend`);

    const list = await anonymous(`/api/public/matters?q=${encodeURIComponent(tag)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      total: 1,
      items: [
        {
          id: open.id,
          code: open.code,
          name: open.name,
          type: 'licensing',
          department: { id: dept.scj.id, name: '区市场监督管理局' },
          onTheSpot: false,
          statutoryLimitDays: 20,
          committedLimitDays: 10,
          visits: 1,
          onlineDepth: 1,
        },
      ],
    });
    const detail = (await anonymous(`/api/public/matters/${open.id}`)).json();
    expect(Object.keys(detail.matter).sort()).toEqual(
      [...Object.keys(list.json().items[0]), 'specialProcedures', 'fees'].sort(),
    );
    expect(detail.guide).toMatchObject({ conditions: '无条件限制', place: '区行政服务中心' });
    expect(detail.guide).not.toHaveProperty('updatedBy');
    expect((await anonymous(`/api/public/matters/${internal.id}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/public/matters/${suspended.id}`)).statusCode).toBe(404);
    expect((await anonymous('/api/public/matters?type=internal')).statusCode).toBe(400);
    const all = await anonymous('/api/public/matters?pageSize=200');
    expect(all.json().items.some((m: Json) => m.type === 'internal')).toBe(false);
  });
});
