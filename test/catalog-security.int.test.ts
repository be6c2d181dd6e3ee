import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/calendar.ts';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import { insertDatasets } from './catalog-fixtures.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

// Security claims of the catalogue, registry, census and inbox that the feature tests do not hold:
// scope on every read of an entry, what the public doors (CKAN, DCAT, search) show anonymous callers,
// what API clients may do, one audit record per write and export, and the inbox's owner check.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TAG = '安全测试标记';

// Codes in 目 997 with a random 细目, so the demo catalogue's codes never collide.
const prefix = `102997${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
let sequence = 0;
const nextCode = () => `${prefix}/${String(++sequence).padStart(6, '0')}`;

/** A complete, valid entry for the caller's department, with a fresh code. */
const entry = (over: Json = {}): Json => ({
  code: nextCode(),
  name: `安全测试资源${sequence}`,
  summary: '用于检查目录可见范围的测试资源，含名称和统一社会信用代码。',
  category: 'base',
  baseResource: 'legal_entity',
  format: 'database',
  fields: [
    { name: 'uscc', label: '统一社会信用代码', type: 'string', required: true, key: true, level: 'L1' },
    { name: 'ent_name', label: '企业名称', type: 'string', level: 'L1' },
  ],
  sharingType: 'unconditional',
  openType: 'open',
  updateFrequency: 'daily',
  keywords: [TAG],
  ...over,
});

const system = (code: string, name: string, departmentId: string) => ({
  code,
  name,
  departmentId,
  origin: 'local',
  level: 'district',
  deployment: 'gov_cloud',
  securityLevel: 2,
  status: 'live',
  launchDate: '2020-03-01',
});

describe('catalogue, registry, census and inbox: security claims', () => {
  let ctx: TestContext;
  const clock = new FakeClock(new Date());
  let officer: Session; // data-scj: 区市场监督管理局
  let other: Session; // data-mzj: 区民政局
  let bureau: Session;
  let street: Session; // catalog.read only
  let admin: Session;
  const dept = {} as Record<'scj' | 'mzj' | 'sjj', string>;

  const anonymous = (url: string) => ctx.app.inject({ method: 'GET', url });
  const act = (s: Session, id: string, action: string, comment?: string) =>
    s.request('POST', `/api/datasets/${id}/actions`, { action, ...(comment ? { comment } : {}) });
  async function create(s: Session, body: Json): Promise<Json> {
    const res = await s.request('POST', '/api/datasets', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function published(over: Json = {}): Promise<string> {
    const d = await create(officer, entry(over));
    for (const [who, action] of [
      [officer, 'submit'],
      [bureau, 'approve'],
      [officer, 'publish'],
    ] as const)
      expect((await act(who, d.id, action)).statusCode).toBe(200);
    return d.id as string;
  }
  /** The audit records written after `since` (a seq), in order. */
  const auditSince = (since: number) =>
    ctx.database.query<{ action: string; target: string | null; actor: string; result: string }>(
      'select action, target, actor, result from audit_log where seq > $1 order by seq',
      [since],
    );
  const auditHead = async () =>
    Number(
      (await ctx.database.query<{ n: number }>('select coalesce(max(seq), 0)::int as n from audit_log'))[0]!
        .n,
    );
  /** Every read of one entry: detail, versions, a version, a diff and the review log. */
  const entryReads = (id: string) => [
    `/api/datasets/${id}`,
    `/api/datasets/${id}/versions`,
    `/api/datasets/${id}/versions/1`,
    `/api/datasets/${id}/diff?from=1`,
    `/api/datasets/${id}/reviews`,
  ];
  async function tokenFor(permissions: string[], departmentId = dept.sjj) {
    const res = await admin.request('POST', '/api/api-clients', {
      name: `安全测试客户端${permissions.join('+')}`,
      departmentId,
      permissions,
    });
    expect(res.statusCode, res.body).toBe(201);
    const client = res.json() as Json;
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      },
    });
    const bearer = { authorization: `Bearer ${token.json().access_token as string}` };
    return (method: string, url: string, payload?: unknown) =>
      ctx.app.inject({
        method: method as never,
        url,
        headers: bearer,
        ...(payload !== undefined ? { payload: payload as never } : {}),
      });
  }

  beforeAll(async () => {
    ctx = await startTestApp({ clock });
    for (const c of ['scj', 'mzj', 'sjj'] as const)
      dept[c] = (await ctx.services.repos.departments.byCode(c))!.id;
    [officer, other, bureau, street, admin] = await Promise.all([
      signIn(ctx.app, 'data-scj'),
      signIn(ctx.app, 'data-mzj'),
      signIn(ctx.app, 'bureau'),
      signIn(ctx.app, 'street-330105012'),
      signIn(ctx.app, 'admin'),
    ]);
  });
  afterAll(() => ctx.close());

  it('keeps another department’s draft out of every read of the entry: detail, versions, diff, reviews', async () => {
    const draft = (await create(officer, entry())).id as string;
    expect((await act(officer, draft, 'submit')).statusCode).toBe(200);
    expect((await act(bureau, draft, 'reject', '请补充数据范围')).statusCode).toBe(200);
    // It exists, and its own department and the bureau read it.
    expect((await officer.request('GET', `/api/datasets/${draft}/reviews`)).json().items).toHaveLength(2);
    expect((await bureau.request('GET', `/api/datasets/${draft}`)).statusCode).toBe(200);
    expect((await bureau.request('GET', `/api/datasets/${draft}/versions`)).json()).toEqual({ items: [] });
    for (const url of entryReads(draft)) {
      for (const [who, res] of [
        ['data-mzj', await other.request('GET', url)],
        ['street', await street.request('GET', url)],
        ['anonymous', await anonymous(url)],
      ] as const)
        expect(res.statusCode, `${who} ${url}`).toBe(404);
    }
  });

  it('hides every version of an entry from the public once its current version is not opened', async () => {
    const id = await published();
    expect((await anonymous(`/api/datasets/${id}/versions/1`)).statusCode).toBe(200);
    // The provider closes it: version 2, still published, no longer listed for the public.
    const closed = await officer.request('PATCH', `/api/datasets/${id}`, {
      openType: 'closed',
      changeNote: '不再开放',
    });
    expect(closed.json()).toMatchObject({ status: 'published', version: 2, openType: 'closed' });
    for (const url of [...entryReads(id), `/api/datasets/${id}/diff?from=1&to=2`])
      expect((await anonymous(url)).statusCode, url).toBe(404);
    // Version 1 was open, but it is not served as a way around the current decision.
    for (const url of [`/dataset/${id}.jsonld`, `/api/3/action/package_show?id=${id}`])
      expect((await anonymous(url)).statusCode, url).toBe(404);
    // Inside the government it stays readable, with the source system and who reviewed it.
    expect((await street.request('GET', `/api/datasets/${id}/versions/1`)).statusCode).toBe(200);
    const reviews = (await street.request('GET', `/api/datasets/${id}/reviews`)).json();
    expect(reviews.items.every((r: Json) => typeof r.actor === 'string')).toBe(true);
  });

  it('shows anonymous callers only published, opened entries through CKAN, DCAT and search, by id or by name', async () => {
    const kw = { closed: '安全闭合词', draft: '安全草稿词', deprecated: '安全废止词', open: '安全开放词' };
    const base = '301001990077';
    const [open, closed, draft, deprecated] = await insertDatasets(ctx, [
      { code: `${base}/000001`, name: '安全开放资源', department: 'scj', keywords: [TAG, kw.open] },
      {
        code: `${base}/000002`,
        name: '安全不开放资源',
        department: 'scj',
        keywords: [TAG, kw.closed],
        openType: 'closed',
      },
      {
        code: `${base}/000003`,
        name: '安全草稿资源',
        department: 'scj',
        keywords: [TAG, kw.draft],
        status: 'draft',
        version: 0,
      },
      {
        code: `${base}/000004`,
        name: '安全废止资源',
        department: 'scj',
        keywords: [TAG, kw.deprecated],
        status: 'deprecated',
      },
    ]);
    const slug = (n: number) => `${base}-00000${n}`;
    const hidden = [
      [closed!, slug(2)],
      [draft!, slug(3)],
      [deprecated!, slug(4)],
    ] as const;
    for (const [id, name] of hidden) {
      for (const url of [
        `/api/3/action/package_show?id=${id}`,
        `/api/3/action/package_show?id=${name}`,
        `/api/action/package_show?id=${name}`,
        `/dataset/${id}.jsonld`,
        `/dataset/${name}.jsonld`,
        `/dataset/${name}.ttl`,
        `/api/datasets/${id}`,
      ])
        expect((await anonymous(url)).statusCode, url).toBe(404);
    }
    expect((await anonymous(`/dataset/${slug(1)}.jsonld`)).statusCode).toBe(200);
    expect((await anonymous(`/api/3/action/package_show?id=${slug(1)}`)).statusCode).toBe(200);

    // Lists: search (even asking for deleted ones), package_list, an organization's packages, tags.
    const search = await anonymous(
      `/api/3/action/package_search?fq=${encodeURIComponent(`tags:"${TAG}"`)}&include_deleted=true&rows=100`,
    );
    expect(search.json().result.results.map((p: Json) => p.id)).toEqual([open]);
    const names = (await anonymous('/api/3/action/package_list')).json().result as string[];
    expect(names).toContain(slug(1));
    for (const [, name] of hidden) expect(names).not.toContain(name);
    const org = (await anonymous('/api/3/action/organization_show?id=scj&include_datasets=true')).json();
    const orgIds = (org.result.packages as Json[]).map((p) => p.id);
    expect(orgIds).toContain(open);
    for (const [id] of hidden) expect(orgIds).not.toContain(id);
    const tags = (await anonymous('/api/3/action/tag_list?query=安全')).json().result as string[];
    expect(tags).toContain(kw.open);
    for (const k of [kw.closed, kw.draft, kw.deprecated]) expect(tags).not.toContain(k);
    const list = (await anonymous(`/api/datasets?keyword=${encodeURIComponent(TAG)}&pageSize=100`)).json();
    expect(list.items.map((i: Json) => i.id)).toEqual([open]);
    for (const k of [kw.closed, kw.draft, kw.deprecated]) {
      const found = await anonymous(`/api/datasets?q=${encodeURIComponent(k)}`);
      expect(found.json().total, k).toBe(0);
    }
    const ttl = (await anonymous('/catalog.ttl')).body;
    expect(ttl).toContain(open);
    for (const [id] of hidden) expect(ttl).not.toContain(id);
  });

  it('answers hostile input on the public doors with 4xx or data, never a 500, and never widens visibility', async () => {
    const [hiddenDraft, hiddenClosed] = await insertDatasets(ctx, [
      {
        code: '301001990081/000001',
        name: '注入测试草稿',
        department: 'scj',
        keywords: [TAG],
        status: 'draft',
        version: 0,
      },
      { code: '301001990081/000002', name: '注入测试不开放', department: 'scj', openType: 'closed' },
    ]);
    const corpus = [
      "' OR '1'='1",
      "'; DROP TABLE datasets; --",
      'status:draft OR open_type:closed',
      '*:*',
      'organization:(',
      'tags:"unterminated',
      'metadata_modified:[* TO',
      'id:' + hiddenDraft,
      'name:301001990081-000002',
      '<script>alert(1)</script>',
      '../../../../etc/passwd',
      '\u0000',
      '𠮷'.repeat(50),
      'a'.repeat(3000),
      '%_\\',
    ];
    const e = encodeURIComponent;
    const urls = [
      (v: string) => `/api/datasets?q=${e(v)}`,
      (v: string) => `/api/datasets?keyword=${e(v)}&sort=${e(v)}`,
      (v: string) => `/api/3/action/package_search?q=${e(v)}`,
      (v: string) => `/api/3/action/package_search?fq=${e(v)}&sort=${e(v)}`,
      (v: string) => `/api/3/action/package_search?facet.field=${e(v)}`,
      (v: string) => `/api/3/action/package_show?id=${e(v)}`,
      (v: string) => `/api/3/action/organization_show?id=${e(v)}&include_datasets=true`,
      (v: string) => `/api/3/action/tag_list?query=${e(v)}`,
      (v: string) => `/dataset/${e(v)}.jsonld`,
      (v: string) => `/catalog.ttl?modified_since=${e(v)}`,
    ];
    for (const v of corpus) {
      for (const make of urls) {
        const url = make(v);
        const res = await anonymous(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toMatch(/syntax error at|relation "|column "|at .*\.ts:\d+|"stack"/i);
        // An error may quote the caller's own input back; an answer with data never names a hidden entry.
        if (res.statusCode === 200 && !res.body.includes('"success":false'))
          for (const id of [hiddenDraft!, hiddenClosed!]) expect(res.body, url).not.toContain(id);
      }
    }
  });

  it('gives API clients only what they were granted, and never more than a department would see', async () => {
    // The system administrator cannot give what it does not hold.
    for (const permission of [
      'catalog.edit',
      'catalog.review',
      'registry.read',
      'registry.edit',
      'census.respond',
    ]) {
      const res = await admin.request('POST', '/api/api-clients', {
        name: '越权客户端',
        departmentId: dept.sjj,
        permissions: [permission],
      });
      expect(res.statusCode, permission).toBe(403);
    }
    const [closed] = await insertDatasets(ctx, [
      { code: '301001990078/000001', name: '客户端不开放资源', department: 'mzj', openType: 'closed' },
    ]);
    const reporter = await tokenFor(['registry.report_usage'], dept.mzj);
    const reader = await tokenFor(['catalog.read']);

    // A usage reporter reads nothing of the registry and sees only the public catalogue.
    expect((await reporter('GET', '/api/systems')).statusCode).toBe(403);
    expect((await reporter('GET', '/api/datasets/export.xlsx')).statusCode).toBe(403);
    expect((await reporter('POST', '/api/datasets', entry())).statusCode).toBe(403);
    expect((await reporter('GET', `/api/datasets/${closed}`)).statusCode).toBe(404);
    expect((await reporter('GET', `/api/3/action/package_show?id=${closed}`)).statusCode).toBe(404);
    // A catalogue reader reads the sharing catalogue but reports no use and edits nothing.
    expect((await reader('GET', `/api/datasets/${closed}`)).statusCode).toBe(200);
    expect(
      (
        await reader('POST', '/api/systems/usage', {
          reports: [{ systemCode: 'X', signal: 'api_call', count: 1 }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await reader('GET', '/api/systems')).statusCode).toBe(403);
    expect((await reader('GET', '/api/census-rounds')).statusCode).toBe(403);
    // API clients have no inbox: they read and mark nothing.
    expect((await reader('GET', '/api/inbox')).json()).toEqual({ items: [], total: 0, unread: 0 });
    expect((await reader('POST', '/api/inbox/read', { all: true })).json()).toEqual({ updated: 0 });
    // A client's export is audited under its own name.
    const since = await auditHead();
    expect((await reader('GET', '/api/datasets/export.xlsx')).statusCode).toBe(200);
    expect((await auditSince(since)).map((a) => [a.action, a.actor.startsWith('client:')])).toEqual([
      ['dataset.export', true],
    ]);
  });

  it('exports only what the caller may see, and audits the export', async () => {
    const mark = '导出范围标记';
    const [open, theirs, mine] = await insertDatasets(ctx, [
      { code: '301001990079/000001', name: '导出开放资源', department: 'scj', keywords: [mark] },
      {
        code: '301001990079/000002',
        name: '导出他部门草稿',
        department: 'scj',
        keywords: [mark],
        status: 'draft',
        version: 0,
      },
      {
        code: '301001990079/000003',
        name: '导出本部门草稿',
        department: 'mzj',
        keywords: [mark],
        status: 'draft',
        version: 0,
      },
    ]);
    expect([open, theirs, mine].every(Boolean)).toBe(true);
    const since = await auditHead();
    const res = await other.request('GET', `/api/datasets/export.xlsx?keyword=${encodeURIComponent(mark)}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const codes: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes.sort()).toEqual(['301001990079/000001', '301001990079/000003']);
    expect((await auditSince(since)).map((a) => `${a.action}:${a.actor}`)).toEqual([
      'dataset.export:data-mzj',
    ]);
  });

  it('keeps the datasets a system lists to those the caller may see', async () => {
    const sys = (
      await bureau.request('POST', '/api/systems', system('TSEC-MZJ-1', '安全测试系统', dept.mzj))
    ).json();
    const [draft, open] = await insertDatasets(ctx, [
      {
        code: '301001990080/000001',
        name: '他部门草稿（系统引用）',
        department: 'scj',
        status: 'draft',
        version: 0,
      },
      { code: '301001990080/000002', name: '已发布资源（系统引用）', department: 'scj' },
    ]);
    // The bureau sees the draft and may link it; the system's own department does not see it.
    expect(
      (await bureau.request('PUT', `/api/systems/${sys.id}/consumes`, { datasetIds: [draft, open] }))
        .statusCode,
    ).toBe(200);
    const seen = (await other.request('GET', `/api/systems/${sys.id}`)).json();
    expect(seen.consumes.map((d: Json) => d.id)).toEqual([open]);
    const refused = await other.request('PUT', `/api/systems/${sys.id}/consumes`, {
      datasetIds: [open, draft],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((f: Json) => f.path)).toEqual(['datasetIds.1']);
  });

  it('writes exactly one audit record, naming its object, for each registry write', async () => {
    let since = await auditHead();
    const sys = (
      await bureau.request('POST', '/api/systems', system('TSEC-AUD-1', '审计测试僵尸系统', dept.mzj))
    ).json();
    expect(await auditSince(since)).toEqual([
      { action: 'system.create', target: sys.id, actor: 'bureau', result: 'success' },
    ]);

    since = await auditHead();
    expect(
      (await other.request('PUT', `/api/systems/${sys.id}/consumes`, { datasetIds: [] })).statusCode,
    ).toBe(200);
    expect((await auditSince(since)).map((a) => [a.action, a.target, a.actor])).toEqual([
      ['system.consumes.set', sys.id, 'data-mzj'],
    ]);

    // Never used since 2020: the scan raises a zombie flag, and the bureau dismisses it.
    await ctx.services.registry.scanFlags(clock.now());
    const flags = (await bureau.request('GET', `/api/systems/${sys.id}`)).json().flags as Json[];
    const flag = flags.find((f) => f.kind === 'zombie' && f.status === 'open');
    expect(flag).toBeDefined();
    since = await auditHead();
    const resolved = await bureau.request('POST', `/api/system-flags/${flag!.id}/resolve`, {
      status: 'dismissed',
      resolution: '季节性使用的系统',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await auditSince(since)).map((a) => [a.action, a.target])).toEqual([
      ['system.flag.resolve', flag!.id],
    ]);
    // A department officer may not resolve flags, and the refusal is audited as a denial.
    since = await auditHead();
    expect(
      (
        await other.request('POST', `/api/system-flags/${flag!.id}/resolve`, {
          status: 'confirmed',
          resolution: '自己确认',
        })
      ).statusCode,
    ).toBe(403);
    expect((await auditSince(since)).map((a) => [a.action, a.result])).toEqual([['access.denied', 'denied']]);
  });

  it('writes exactly one audit record, naming the round, for each census step and the export', async () => {
    // After the demo was seeded, so its entries count as existing before the round; the calendar must
    // know the deadline's year (a plain schedule for next year if the official one is not in yet).
    clock.set(new Date(Date.now() + 60_000));
    const next = Number(chinaDateOf(clock.now()).slice(0, 4)) + 1;
    if (!(await ctx.services.calendar.calendar()).years().includes(next))
      await ctx.services.calendar.setYear(
        { year: next, holidays: [], makeUpWorkdays: [] },
        'test',
        systemActor('test'),
      );
    const open = await bureau.request('POST', '/api/census-rounds', {
      title: '安全测试普查',
      workingDays: 5,
    });
    expect(open.statusCode, open.body).toBe(201);
    const round = open.json().id as string;
    const items = (await other.request('GET', `/api/census-rounds/${round}/items`)).json();
    const pending = (xs: Json[]) => xs.filter((x) => x.state === 'pending').map((x) => x.id as string);
    for (const [entityType, ids] of [
      ['system', pending(items.systems)],
      ['dataset', pending(items.datasets)],
    ] as const) {
      for (let i = 0; i < ids.length; i += 1000) {
        const res = await other.request('POST', `/api/census-rounds/${round}/confirm`, {
          entityType,
          ids: ids.slice(i, i + 1000),
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    expect((await other.request('POST', `/api/census-rounds/${round}/submit`, {})).statusCode).toBe(200);
    expect((await bureau.request('POST', `/api/census-rounds/${round}/remind`)).statusCode).toBe(200);
    expect((await bureau.request('GET', `/api/census-rounds/${round}/export.xlsx`)).statusCode).toBe(200);
    expect((await bureau.request('POST', `/api/census-rounds/${round}/close`)).statusCode).toBe(200);

    const records = (
      await ctx.database.query<{ action: string; actor: string }>(
        'select action, actor from audit_log where target = $1 order by seq',
        [round],
      )
    ).map((a) => `${a.action}:${a.actor}`);
    const confirms = [items.systems, items.datasets].filter((xs: Json[]) => pending(xs).length > 0).length;
    expect(records).toEqual([
      'census.round.open:bureau',
      ...Array<string>(confirms).fill('census.confirm:data-mzj'),
      'census.submit:data-mzj',
      'census.remind:bureau',
      'census.export:bureau',
      'census.round.close:bureau',
    ]);
  });

  it('treats a session still owing a password change as anonymous on every read of an entry (AUTH-2)', async () => {
    const closed = await published({ openType: 'closed' });
    const created = await admin.request('POST', '/api/users', {
      username: 'leader.pending',
      displayName: '待改密领导',
      roles: ['leader'],
      regionCode: '330105',
      password: 'Initial#2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    const pending = await signIn(ctx.app, 'leader.pending', 'Initial#2026');
    expect(pending.status).toBe('password_change_required');
    for (const url of entryReads(closed))
      expect((await pending.request('GET', url)).statusCode, url).toBe(404);
    // The same leader, once signed in properly, reads the published entry.
    expect(
      (await (await signIn(ctx.app, 'leader')).request('GET', `/api/datasets/${closed}`)).statusCode,
    ).toBe(200);
  });

  it('refuses a department officer account without a department (its scope would widen)', async () => {
    const res = await admin.request('POST', '/api/users', {
      username: 'officer.nodept',
      displayName: '无部门专员',
      roles: ['dept_data_officer'],
      regionCode: '330105',
      password: 'Initial#2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'departmentId' })]);
  });

  it('does not let whoever submitted an entry review it (four eyes, ACL-5)', async () => {
    const d = await create(bureau, entry({ departmentId: dept.mzj }));
    expect((await act(bureau, d.id, 'submit')).statusCode).toBe(200);
    const self = await act(bureau, d.id, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().fields).toEqual([expect.objectContaining({ path: 'action' })]);
    expect((await act(bureau, d.id, 'reject', '自己不能驳回')).statusCode).toBe(403);
    // Submitted by the department instead, the bureau reviews it.
    expect((await act(other, d.id, 'withdraw')).statusCode).toBe(200);
    expect((await act(other, d.id, 'submit')).statusCode).toBe(200);
    expect((await act(bureau, d.id, 'approve')).statusCode).toBe(200);
  });

  it('counts only signed-in views of an entry as use of its source system (DAT-3)', async () => {
    const sys = await officer.request(
      'POST',
      '/api/systems',
      system('SEC-VIEW-01', '安全测试浏览系统', dept.scj),
    );
    expect(sys.statusCode, sys.body).toBe(201);
    const id = await published({ sourceSystemId: sys.json().id });
    const views = async () =>
      Number(
        (
          await ctx.database.query<{ n: number }>(
            `select coalesce(sum(count), 0)::int as n from system_usage where system_id = $1 and signal = 'catalog_view'`,
            [sys.json().id],
          )
        )[0]!.n,
      );
    for (let i = 0; i < 3; i++) expect((await anonymous(`/api/datasets/${id}`)).statusCode).toBe(200);
    expect(await views()).toBe(0);
    expect((await street.request('GET', `/api/datasets/${id}`)).statusCode).toBe(200);
    expect(await views()).toBe(1);
  });

  it('marks only the caller’s own inbox messages read', async () => {
    const [bureauUser] = await ctx.database.query<{ id: string }>(
      `select id from users where username = 'bureau'`,
    );
    await ctx.database.db.transaction((tx) =>
      ctx.services.notify.toUsers(tx, [bureauUser!.id], { kind: 'test.notice', title: '安全测试通知' }),
    );
    const mine = (
      (await bureau.request('GET', '/api/inbox?unread=true&pageSize=200')).json().items as Json[]
    ).find((m) => m.kind === 'test.notice')!;
    expect(mine).toBeDefined();
    // Someone else cannot see it, nor mark it read by id or with "all".
    const theirs = (await other.request('GET', '/api/inbox?pageSize=200')).json().items as Json[];
    expect(theirs.some((m) => m.id === mine.id)).toBe(false);
    expect((await other.request('POST', '/api/inbox/read', { ids: [mine.id] })).json()).toEqual({
      updated: 0,
    });
    await other.request('POST', '/api/inbox/read', { all: true });
    const still = (await bureau.request('GET', '/api/inbox?unread=true&pageSize=200')).json().items as Json[];
    expect(still.find((m) => m.id === mine.id)?.readAt).toBeNull();
    expect((await bureau.request('POST', '/api/inbox/read', { ids: [mine.id] })).json()).toEqual({
      updated: 1,
    });
  });
});
