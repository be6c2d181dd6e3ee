import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fields = [
  {
    name: 'uscc',
    label: '统一社会信用代码',
    type: 'string',
    required: true,
    key: true,
    level: 'L1',
    pattern: '^[0-9A-Z]{18}$',
  },
  { name: 'ent_name', label: '企业名称', type: 'string', required: true, level: 'L1' },
  { name: 'reg_date', label: '成立日期', type: 'date', level: 'L1' },
];

let sequence = 0;
// Codes in a 目 of our own (999) with a random 细目, so the demo catalogue's codes never collide.
const prefix = `102999${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
const nextCode = () => `${prefix}/${String(++sequence).padStart(6, '0')}`;

/** A complete, valid entry for 区市场监管局 with a fresh code. */
function entry(over: Json = {}): Json {
  return {
    code: nextCode(),
    name: `企业登记信息${sequence}`,
    summary: '本区登记注册的企业基本信息，含名称、统一社会信用代码、成立日期等。',
    category: 'base',
    baseResource: 'legal_entity',
    format: 'database',
    formatDetail: 'Oracle 表',
    fields,
    sharingType: 'unconditional',
    openType: 'open',
    updateFrequency: 'daily',
    keywords: ['企业', '法人'],
    ...over,
  };
}

const paths = (res: { json(): unknown }) =>
  ((res.json() as Json).fields as { path: string }[]).map((f) => f.path).sort();

describe('catalogue entries: lifecycle, versions, scope', () => {
  let ctx: TestContext;
  let officer: Session; // data-scj: 区市场监管局
  let other: Session; // data-mzj: 区民政局
  let bureau: Session;
  let scj: string;
  let mzj: string;
  let scjSystem: string;
  let mzjSystem: string;

  const anonymous = (url: string) => ctx.app.inject({ method: 'GET', url });

  async function addSystem(code: string, departmentId: string) {
    const [row] = await ctx.database.query<{ id: string }>(
      `insert into systems (code, name, department_id, region_code, origin, level, deployment, security_level, status)
       select $1, $2, id, region_code, 'local', 'district', 'gov_cloud', 2, 'live' from departments where id = $3
       returning id`,
      [code, `测试系统${code}`, departmentId],
    );
    return row!.id;
  }

  async function create(session: Session, body: Json) {
    const res = await session.request('POST', '/api/datasets', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  }

  async function act(session: Session, id: string, action: string, comment?: string) {
    return session.request('POST', `/api/datasets/${id}/actions`, {
      action,
      ...(comment ? { comment } : {}),
    });
  }

  /** Creates an entry and takes it to published. */
  async function published(over: Json = {}) {
    const d = await create(officer, entry(over));
    expect((await act(officer, d.id, 'submit')).statusCode).toBe(200);
    expect((await act(bureau, d.id, 'approve')).statusCode).toBe(200);
    expect((await act(officer, d.id, 'publish')).statusCode).toBe(200);
    return d.id as string;
  }

  beforeAll(async () => {
    ctx = await startTestApp();
    const depts = await ctx.database.query<{ id: string; code: string }>(
      `select id, code from departments where code in ('scj', 'mzj')`,
    );
    scj = depts.find((d) => d.code === 'scj')!.id;
    mzj = depts.find((d) => d.code === 'mzj')!.id;
    scjSystem = await addSystem('T-SCJ-001', scj);
    mzjSystem = await addSystem('T-MZJ-001', mzj);
    [officer, other, bureau] = await Promise.all([
      signIn(ctx.app, 'data-scj'),
      signIn(ctx.app, 'data-mzj'),
      signIn(ctx.app, 'bureau'),
    ]);
  });
  afterAll(() => ctx.close());

  it('takes an entry from draft to a second published version with a field-level diff', async () => {
    const auditBefore = (await ctx.services.audit.verify()).checked;
    const d = await create(officer, entry({ sourceSystemId: scjSystem, departmentId: scj }));
    expect(d).toMatchObject({
      status: 'draft',
      version: 0,
      provider: { id: scj, name: '区市场监督管理局' },
      sourceSystem: { id: scjSystem, code: 'T-SCJ-001' },
      maxLevel: 'L1',
      releaseDate: null,
      can: { edit: true, submit: true, approve: false, publish: false },
    });
    expect(d.fields).toHaveLength(3);
    expect(d.fields[2]).toEqual({
      name: 'reg_date',
      label: '成立日期',
      type: 'date',
      required: false,
      key: false,
      level: 'L1',
      pattern: null,
      codeList: null,
      unit: null,
      description: null,
    });
    expect(d.regionCode).toMatch(/^330105/);

    expect((await act(officer, d.id, 'submit')).json()).toMatchObject({ status: 'submitted' });
    const inbox = (await bureau.request('GET', '/api/inbox')).json() as Json;
    expect(inbox.items[0]).toMatchObject({ kind: 'dataset.submitted', link: `/catalog/datasets/${d.id}` });
    expect(inbox.items[0].title).toContain(d.name);

    const asBureau = (await bureau.request('GET', `/api/datasets/${d.id}`)).json() as Json;
    expect(asBureau.can).toMatchObject({ approve: true, reject: true, withdraw: true, submit: false });
    expect((await act(bureau, d.id, 'approve', '同意')).json()).toMatchObject({ status: 'approved' });
    const officerInbox = (await officer.request('GET', '/api/inbox')).json() as Json;
    expect(officerInbox.items[0]).toMatchObject({ kind: 'dataset.approved' });

    const pub = (await act(officer, d.id, 'publish')).json() as Json;
    expect(pub).toMatchObject({ status: 'published', version: 1 });
    expect(pub.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pub.publishedAt).toBeTruthy();

    // An edit of a published entry is its next version at once, and the bureau hears of it.
    const edited = await officer.request('PATCH', `/api/datasets/${d.id}`, {
      fields: [
        { ...fields[0], label: '统一代码', level: 'L2' },
        fields[1],
        { name: 'address', label: '住所', type: 'string', level: 'L1' },
      ],
      openType: 'conditional',
      openConditions: '实名注册后申请',
      expectedVersion: 1,
      changeNote: '增加住所，调整分级',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'published', version: 2, maxLevel: 'L2' });
    const updates = await ctx.database.query<{ count: number }>(
      `select count from system_usage where system_id = $1 and signal = 'data_update'`,
      [scjSystem],
    );
    expect(updates).toEqual([{ count: 1 }]);
    const changed = (await bureau.request('GET', '/api/inbox')).json() as Json;
    expect(changed.items[0]).toMatchObject({ kind: 'dataset.changed' });
    expect(changed.items[0].title).toContain('第 2 版');

    const versions = (await officer.request('GET', `/api/datasets/${d.id}/versions`)).json() as Json;
    expect(versions.items.map((v: Json) => [v.version, v.note])).toEqual([
      [1, null],
      [2, '增加住所，调整分级'],
    ]);
    const v1 = (await officer.request('GET', `/api/datasets/${d.id}/versions/1`)).json() as Json;
    expect(v1.snapshot).toMatchObject({ version: 1, status: 'published', maxLevel: 'L1' });
    expect(v1.snapshot.fields.map((f: Json) => f.name)).toEqual(['uscc', 'ent_name', 'reg_date']);

    const diff = (await officer.request('GET', `/api/datasets/${d.id}/diff?from=1&to=2`)).json() as Json;
    expect(diff.fields.added.map((f: Json) => f.name)).toEqual(['address']);
    expect(diff.fields.removed.map((f: Json) => f.name)).toEqual(['reg_date']);
    expect(diff.fields.changed).toEqual([
      {
        name: 'uscc',
        changes: [
          { path: 'label', before: '统一社会信用代码', after: '统一代码' },
          { path: 'level', before: 'L1', after: 'L2' },
        ],
      },
    ]);
    expect(diff.attributes.map((a: Json) => a.path)).toEqual(['maxLevel', 'openConditions', 'openType']);
    const toCurrent = (await officer.request('GET', `/api/datasets/${d.id}/diff?from=2`)).json() as Json;
    expect(toCurrent).toMatchObject({ from: 2, to: 'current', attributes: [] });
    expect((await officer.request('GET', `/api/datasets/${d.id}/diff?from=7`)).statusCode).toBe(404);

    const reviews = (await officer.request('GET', `/api/datasets/${d.id}/reviews`)).json() as Json;
    expect(reviews.items.map((r: Json) => `${r.action}:${r.fromStatus}>${r.toStatus}`)).toEqual([
      'submit:draft>submitted',
      'approve:submitted>approved',
      'publish:approved>published',
    ]);
    expect(reviews.items[1]).toMatchObject({ comment: '同意' });
    expect(reviews.items[1].actor).toBeTruthy();

    const audit = await ctx.database.query<{ action: string; target: string }>(
      'select action, target from audit_log where seq > $1 order by seq',
      [auditBefore],
    );
    expect(audit.filter((a) => a.target === d.id).map((a) => a.action)).toEqual([
      'dataset.create',
      'dataset.submit',
      'dataset.approve',
      'dataset.publish',
      'dataset.update',
    ]);
    expect((await ctx.services.audit.verify()).ok).toBe(true);
  });

  it('counts views of an entry and of its source system, per China day', async () => {
    const d = await create(officer, entry({ sourceSystemId: scjSystem }));
    await officer.request('GET', `/api/datasets/${d.id}`);
    await bureau.request('GET', `/api/datasets/${d.id}`);
    const views = await ctx.database.query<{ count: number }>(
      'select count from dataset_views where dataset_id = $1',
      [d.id],
    );
    expect(views).toEqual([{ count: 2 }]);
    const usage = await ctx.database.query<{ count: number }>(
      `select sum(count)::int as count from system_usage where system_id = $1 and signal = 'catalog_view'`,
      [scjSystem],
    );
    expect(usage[0]!.count).toBeGreaterThanOrEqual(2);
  });

  it('names the field of every bad input', async () => {
    const bad = await officer.request('POST', '/api/datasets', {
      ...entry(),
      code: '302001001/000001',
      name: '企',
      summary: '太短',
      fields: [
        { name: 'Bad Name', label: '', type: 'string', level: 'L1' },
        { name: 'id_no', label: '身份证号', type: 'string', level: 'L4', key: true, required: false },
        { name: 'id_no', label: '重复', type: 'string', level: 'L1', pattern: '([' },
      ],
      sharingType: 'conditional',
      keywords: Array.from({ length: 21 }, (_, i) => `词${i}`),
      relatedCodes: ['not-a-code'],
      releaseDate: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(paths(bad)).toEqual(
      [
        'code',
        'name',
        'summary',
        'fields.0.name',
        'fields.0.label',
        'fields.1.required',
        'fields.2.name',
        'fields.2.pattern',
        'sharingConditions',
        'openType',
        'keywords',
        'relatedCodes.0',
        'releaseDate',
      ].sort(),
    );
    const en = await officer.request(
      'POST',
      '/api/datasets',
      { ...entry(), fields: [{ ...fields[0], level: 'L4' }] },
      { 'accept-language': 'en' },
    );
    expect(en.json().fields).toEqual([
      {
        path: 'openType',
        message:
          'The highest field level is L4: the open type may only be closed (DB33/T 2351-2021; what is not shared is not opened)',
      },
    ]);

    // Enumerations are checked by the schema and named too.
    const level = await officer.request('POST', '/api/datasets', {
      ...entry(),
      fields: [{ ...fields[0], level: 'L5' }],
      updateFrequency: 'hourly',
    });
    expect(paths(level)).toEqual(['fields.0.level', 'updateFrequency']);
    expect(paths(await officer.request('POST', '/api/datasets', { ...entry(), fields: [] }))).toEqual([
      'fields',
    ]);
    expect(
      paths(
        await officer.request('POST', '/api/datasets', {
          ...entry(),
          category: 'theme',
          code: '201001/000001',
        }),
      ),
    ).toEqual(['baseResource', 'theme']);

    // References: a system of another department, another department for an officer, none for the bureau.
    expect(
      paths(await officer.request('POST', '/api/datasets', entry({ sourceSystemId: mzjSystem }))),
    ).toEqual(['sourceSystemId']);
    expect(paths(await officer.request('POST', '/api/datasets', entry({ departmentId: mzj })))).toEqual([
      'departmentId',
    ]);
    expect(paths(await bureau.request('POST', '/api/datasets', entry()))).toEqual(['departmentId']);

    // A taken code is a duplicate, named.
    const first = await create(officer, entry());
    const dup = await officer.request('POST', '/api/datasets', entry({ code: first.code }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'code' }] });

    // Unknown attributes are refused by name.
    expect(
      paths(await officer.request('POST', '/api/datasets', { ...entry(), status: 'published' })),
    ).toEqual(['status']);
  });

  it('lets the bureau catalogue for any department, with that department’s region', async () => {
    const d = await create(bureau, entry({ departmentId: mzj, sourceSystemId: mzjSystem }));
    expect(d.provider.id).toBe(mzj);
    expect(d.can.edit).toBe(true);
    expect((await other.request('GET', `/api/datasets/${d.id}`)).statusCode).toBe(200);
  });

  it('keeps drafts to their department and published open entries to everyone', async () => {
    const draft = await create(officer, entry());
    expect((await other.request('GET', `/api/datasets/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await other.request('PATCH', `/api/datasets/${draft.id}`, { name: '改名了的资源' })).statusCode,
    ).toBe(404);
    expect((await act(other, draft.id, 'submit')).statusCode).toBe(404);
    expect((await anonymous(`/api/datasets/${draft.id}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/datasets/${draft.id}/versions`)).statusCode).toBe(404);
    const street = await signIn(ctx.app, 'street-330105012');
    expect((await street.request('GET', `/api/datasets/${draft.id}`)).statusCode).toBe(404);

    const open = await published({ sourceSystemId: scjSystem });
    await ctx.database.query('insert into system_consumed_datasets (system_id, dataset_id) values ($1, $2)', [
      mzjSystem,
      open,
    ]);
    expect(((await officer.request('GET', `/api/datasets/${open}`)).json() as Json).relatedSystems).toEqual([
      { id: mzjSystem, code: 'T-MZJ-001', name: '测试系统T-MZJ-001', department: '区民政局' },
    ]);
    const seen = (await other.request('GET', `/api/datasets/${open}`)).json() as Json;
    expect(seen.can).toEqual({
      edit: false,
      submit: false,
      withdraw: false,
      approve: false,
      reject: false,
      publish: false,
      deprecate: false,
    });
    expect((await other.request('PATCH', `/api/datasets/${open}`, { name: '改名了的资源' })).statusCode).toBe(
      403,
    );
    expect((await act(other, open, 'deprecate', '不用了')).statusCode).toBe(403);
    expect((await street.request('GET', `/api/datasets/${open}`)).statusCode).toBe(200);
    // Anyone sees a published, openable entry, without the government's systems or who reviewed it.
    const pub = await anonymous(`/api/datasets/${open}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', sourceSystem: null, relatedSystems: [] });
    expect(pub.json().can.edit).toBe(false);
    const reviews = (await anonymous(`/api/datasets/${open}/reviews`)).json() as Json;
    expect(reviews.items.every((r: Json) => r.actor === null)).toBe(true);
    expect((await anonymous(`/api/datasets/${open}/versions/1`)).json().snapshot.sourceSystem).toBeNull();
    // Writes need a session.
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/datasets', payload: entry() })).statusCode,
    ).toBe(401);

    // A published entry that is not opened stays inside the government.
    const closed = await published({ openType: 'closed' });
    expect((await anonymous(`/api/datasets/${closed}`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/datasets/${closed}`)).statusCode).toBe(200);
  });

  it('applies the transition table: who, from which state, with which comment', async () => {
    const d = await create(officer, entry());
    expect((await act(bureau, d.id, 'approve')).statusCode).toBe(409); // still a draft
    const wrong = await act(officer, d.id, 'publish');
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().fields[0]).toMatchObject({ path: 'action' });
    expect((await act(officer, d.id, 'submit')).statusCode).toBe(200);
    expect((await act(officer, d.id, 'approve')).statusCode).toBe(403);
    const noComment = await act(bureau, d.id, 'reject');
    expect(noComment.statusCode).toBe(400);
    expect(paths(noComment)).toEqual(['comment']);
    expect((await act(bureau, d.id, 'reject', '摘要请写明数据范围')).json()).toMatchObject({
      status: 'draft',
    });
    expect(((await officer.request('GET', '/api/inbox')).json() as Json).items[0]).toMatchObject({
      kind: 'dataset.rejected',
      body: '摘要请写明数据范围',
    });
    expect((await act(officer, d.id, 'submit')).statusCode).toBe(200);
    expect((await act(officer, d.id, 'withdraw')).json()).toMatchObject({ status: 'draft' });

    // Deprecation needs a reason; a deprecated entry is closed.
    const p = await published();
    expect((await act(officer, p, 'deprecate')).statusCode).toBe(400);
    expect((await act(officer, p, 'deprecate', '源系统下线')).json()).toMatchObject({ status: 'deprecated' });
    const locked = await officer.request('PATCH', `/api/datasets/${p}`, { name: '废止后再改' });
    expect(locked.statusCode).toBe(409);
    expect((await act(bureau, p, 'publish')).statusCode).toBe(409);
  });

  it('edits by state: drafts in place, submitted refused, approved back to draft', async () => {
    const d = await create(officer, entry());
    const renamed = await officer.request('PATCH', `/api/datasets/${d.id}`, {
      name: '企业登记信息（新）',
      updatedAt: d.updatedAt,
    });
    expect(renamed.json()).toMatchObject({ name: '企业登记信息（新）', status: 'draft', version: 0 });
    // The same stale updatedAt again: someone (we) changed it meanwhile.
    const stale = await officer.request('PATCH', `/api/datasets/${d.id}`, {
      name: '又改了',
      updatedAt: d.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    const badPatch = await officer.request('PATCH', `/api/datasets/${d.id}`, { sharingType: 'none' });
    expect(paths(badPatch)).toEqual(['openType', 'sharingConditions']);

    await act(officer, d.id, 'submit');
    const submitted = await officer.request('PATCH', `/api/datasets/${d.id}`, { name: '审核中修改' });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().fields[0]).toMatchObject({ path: 'status' });

    await act(bureau, d.id, 'approve');
    const revised = await officer.request('PATCH', `/api/datasets/${d.id}`, {
      summary: '本区登记注册的企业基本信息，按日更新，含名称和统一社会信用代码。',
    });
    expect(revised.json()).toMatchObject({ status: 'draft', version: 0 });
    const log = (await officer.request('GET', `/api/datasets/${d.id}/reviews`)).json() as Json;
    expect(log.items.at(-1)).toMatchObject({ action: 'revise', fromStatus: 'approved', toStatus: 'draft' });
    // A draft that was never published may change its code.
    const code = nextCode();
    const recoded = await officer.request('PATCH', `/api/datasets/${d.id}`, { code });
    expect(recoded.json().code).toBe(code);

    // Once published, the code stays.
    const p = await published();
    const frozen = await officer.request('PATCH', `/api/datasets/${p}`, { code: nextCode() });
    expect(paths(frozen)).toEqual(['code']);
    // An edit that changes nothing makes no new version.
    const same = await officer.request('PATCH', `/api/datasets/${p}`, { openType: 'open' });
    expect(same.json()).toMatchObject({ version: 1 });
    expect((await officer.request('PATCH', `/api/datasets/${p}`, { expectedVersion: 0 })).statusCode).toBe(
      409,
    );
  });

  it('lets only one of two concurrent reviews win', async () => {
    for (let i = 0; i < 3; i++) {
      const d = await create(officer, entry());
      await act(officer, d.id, 'submit');
      const results = await Promise.all([
        act(bureau, d.id, 'approve'),
        act(bureau, d.id, 'reject', '不同意'),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const log = (await bureau.request('GET', `/api/datasets/${d.id}/reviews`)).json() as Json;
      expect(log.items).toHaveLength(2);
    }
  });
});
