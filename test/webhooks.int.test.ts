import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { webhookDeliveries } from '../src/server/modules/notify/notify.tables.ts';
import { WEBHOOK_MAX_ATTEMPTS } from '../src/server/modules/notify/webhooks.service.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A chat robot as DingTalk runs one: takes JSON posts, answers errcode 0, can be stopped. */
class RobotServer {
  received: { path: string; query: URLSearchParams; body: Json }[] = [];
  answer: Json = { errcode: 0, errmsg: 'ok' };
  private server: http.Server | null = null;
  port = 0;

  async start() {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://robot');
        this.received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(raw) as Json });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.answer));
      });
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop() {
    const server = this.server;
    const closed = new Promise((r) => server?.close(r));
    server?.closeAllConnections(); // kept-alive connections too: the robot is gone
    await closed;
    this.server = null;
  }

  url(path: string, token: string) {
    return `http://127.0.0.1:${this.port}${path}?access_token=${token}`;
  }

  to(path: string) {
    return this.received.filter((m) => m.path === path);
  }
}

describe('chat-robot webhooks (消息推送)', () => {
  const clock = new FakeClock(new Date('2026-03-02T02:00:00Z'));
  const robot = new RobotServer();
  let ctx: TestContext;
  let admin: Session;
  let bureau: Session;
  const dept: Record<string, string> = {};
  const SECRET = 'SEC0123456789abcdef';
  const TOKEN = 'tok-scj-4f1e9c';
  let scjRobot: Json;
  let mzjRobot: Json;

  const deliver = () => ctx.services.webhooks.deliverNow();
  /** A notice to one role of a department, as a module sends it (in a transaction of its own). */
  const notifyDepartment = (department: 'scj' | 'mzj', role: string, kind: string, title: string) =>
    ctx.database.db.transaction((tx) =>
      ctx.services.notify.toRole(tx, role, { kind, title }, dept[department]),
    );
  const later = (ms: number) => clock.advance(ms);

  beforeAll(async () => {
    await robot.start();
    ctx = await startTestApp({ clock, env: { WEBHOOK_ALLOWED_HOSTS: 'oapi.dingtalk.com,127.0.0.1' } });
    for (const c of ['scj', 'mzj']) dept[c] = (await ctx.services.repos.departments.byCode(c))!.id;
    admin = await signIn(ctx.app, 'admin');
    bureau = await signIn(ctx.app, 'bureau');
  });
  afterAll(async () => {
    await ctx?.close();
    await robot.stop();
  });

  it('lets the system administrator register robots, keeping the token and secret out of every answer', async () => {
    const res = await admin.request('POST', '/api/notify/webhooks', {
      name: '市场监管局工作群',
      format: 'dingtalk',
      departmentId: dept.scj,
      url: robot.url('/scj', TOKEN),
      secret: SECRET,
      kinds: ['guides.', 'cases.'],
    });
    expect(res.statusCode, res.body).toBe(200);
    scjRobot = res.json();
    expect(scjRobot).toMatchObject({
      name: '市场监管局工作群',
      format: 'dingtalk',
      departmentId: dept.scj,
      signed: true,
      enabled: true,
      kinds: ['cases.', 'guides.'],
      urlDisplay: `http://127.0.0.1:${robot.port}/scj?…`,
      pending: 0,
    });
    const other = await admin.request('POST', '/api/notify/webhooks', {
      name: '民政局工作群',
      format: 'wecom',
      departmentId: dept.mzj,
      url: robot.url('/mzj', 'tok-mzj'),
      kinds: ['cases.'],
    });
    expect(other.statusCode, other.body).toBe(200);
    mzjRobot = other.json();

    const list = await admin.request('GET', '/api/notify/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((w: Json) => w.name)).toEqual(
      expect.arrayContaining(['市场监管局工作群', '民政局工作群']),
    );
    for (const text of [list.body, res.body, other.body]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    }
    // Stored sealed, audited without them.
    const stored = await ctx.database.query<Json>('select url_enc, secret_enc from notify_webhooks');
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    const records = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notify.webhook.create'), eq(auditLog.target, scjRobot.id)));
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records[0]!.detail)).not.toContain(TOKEN);
    expect(JSON.stringify(records[0]!.detail)).not.toContain(SECRET);
    expect(records[0]!.detail).toMatchObject({ signed: true, departmentId: dept.scj });
  });

  it('names each bad field in Chinese, refuses other roles, and 404s an unknown robot', async () => {
    const bad = await admin.request('POST', '/api/notify/webhooks', {
      name: 'x',
      format: 'wecom',
      departmentId: '00000000-0000-4000-8000-000000000000',
      url: 'ftp://robot.example/x',
      secret: 'SECnot-for-wecom',
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(bad.json().fields.map((f: Json) => [f.path, f.message]));
    expect(fields.url).toMatch(/https:\/\//);
    expect(fields.departmentId).toBe('部门不存在');
    expect(fields.secret).toMatch(/企业微信/);
    const credentials = await admin.request('POST', '/api/notify/webhooks', {
      name: 'x',
      format: 'dingtalk',
      departmentId: null,
      url: 'https://user:pw@oapi.dingtalk.com/x',
    });
    expect(credentials.json().fields).toEqual([{ path: 'url', message: '地址中不能含用户名或密码' }]);
    // Only the hosts operations allowed: never the internal network.
    const internal = await admin.request('POST', '/api/notify/webhooks', {
      name: 'x',
      format: 'dingtalk',
      departmentId: null,
      url: 'http://10.0.0.8:5432/',
    });
    expect(internal.json().fields).toEqual([
      { path: 'url', message: expect.stringMatching(/不在允许的机器人主机列表中/) },
    ]);
    // Only the kinds of notice the platform sends, and a DingTalk secret that looks like one.
    const kindsAndSecret = await admin.request('POST', '/api/notify/webhooks', {
      name: 'x',
      format: 'dingtalk',
      departmentId: null,
      url: 'https://oapi.dingtalk.com/robot/send?access_token=x',
      secret: 'hello',
      kinds: ['cases.', 'nonsense'],
    });
    expect(kindsAndSecret.statusCode).toBe(400);
    expect(kindsAndSecret.json().fields).toEqual([
      { path: 'kinds.1', message: expect.stringMatching(/^没有这类通知/) },
    ]);
    const secret = await admin.request('POST', '/api/notify/webhooks', {
      name: 'x',
      format: 'dingtalk',
      departmentId: null,
      url: 'https://oapi.dingtalk.com/robot/send?access_token=x',
      secret: 'hello',
    });
    expect(secret.json().fields).toEqual([{ path: 'secret', message: expect.stringMatching(/以 SEC 开头/) }]);
    const english = await admin.request(
      'POST',
      '/api/notify/webhooks',
      { name: 'x', format: 'dingtalk', departmentId: null, url: 'ftp://x/y' },
      { 'accept-language': 'en' },
    );
    expect(english.json().fields).toEqual([
      { path: 'url', message: expect.stringMatching(/^Must be a web address/) },
    ]);
    const unknownField = await admin.request('POST', '/api/notify/webhooks', {
      name: 'x',
      format: 'dingtalk',
      departmentId: null,
      url: 'https://robot.example/x',
      token: 'x',
    });
    expect(unknownField.statusCode).toBe(400);
    expect((await bureau.request('GET', '/api/notify/webhooks')).statusCode).toBe(403);
    expect((await bureau.request('POST', `/api/notify/webhooks/${scjRobot.id}/test`)).statusCode).toBe(403);
    const ghost = '00000000-0000-4000-8000-000000000001';
    expect((await admin.request('GET', `/api/notify/webhooks/${ghost}/deliveries`)).statusCode).toBe(404);
    expect(
      (await admin.request('PATCH', `/api/notify/webhooks/${ghost}`, { enabled: false })).statusCode,
    ).toBe(404);
  });

  it('sends a signed test message that the robot can verify, also after a change that leaves the secret out', async () => {
    const renamed = await admin.request('PATCH', `/api/notify/webhooks/${scjRobot.id}`, {
      name: '市场监管局审批群',
    });
    expect(renamed.json()).toMatchObject({
      name: '市场监管局审批群',
      signed: true,
      enabled: true,
      kinds: ['cases.', 'guides.'],
    });
    const res = await admin.request('POST', `/api/notify/webhooks/${scjRobot.id}/test`);
    expect(res.json()).toEqual({ delivered: true, error: null });
    const [m] = robot.to('/scj');
    expect(m!.query.get('access_token')).toBe(TOKEN);
    const ts = m!.query.get('timestamp')!;
    expect(Number(ts)).toBe(clock.now().getTime());
    // The robot's check, as DingTalk documents it.
    const expected = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
    expect(m!.query.get('sign')).toBe(expected);
    expect(m!.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '测试消息 / Test message' } });
    robot.received = [];
  });

  it("posts a guide inspection's notice to the department's robot once, not to robots of other kinds", async () => {
    const run = await bureau.request('POST', '/api/guides/inspections');
    expect(run.statusCode, run.body).toBeLessThan(300);
    const pending = await ctx.database.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.webhookId, scjRobot.id), isNull(webhookDeliveries.deliveredAt)));
    expect(pending.map((d) => d.kind)).toEqual(['guides.inspection']);
    const out = await deliver();
    expect(out).toMatchObject({ delivered: 1, failed: 0 });
    const [m] = robot.to('/scj');
    expect(m!.body.markdown.title).toMatch(/^办事指南检查/);
    expect(m!.body.markdown.text).toContain('/guides/inspection?department=');
    expect(robot.to('/mzj')).toHaveLength(0);
    const deliveries = await admin.request('GET', `/api/notify/webhooks/${scjRobot.id}/deliveries`);
    expect(deliveries.json().items[0]).toMatchObject({
      kind: 'guides.inspection',
      status: 'delivered',
      attempts: 1,
    });
    robot.received = [];
  });

  it('sends a notice to several roles of a department once per robot, and district-wide notices to district robots', async () => {
    const district = await admin.request('POST', '/api/notify/webhooks', {
      name: '数据资源局群',
      format: 'dingtalk',
      departmentId: null,
      url: robot.url('/bureau', 'tok-bureau'),
    });
    expect(district.statusCode, district.body).toBe(200);
    await ctx.database.db.transaction(async (tx) => {
      // A body quoting people's notes stays in the platform; the robot gets the robot's body.
      await ctx.services.notify.toRole(tx, 'bureau_admin', {
        kind: 'cases.flag.explained',
        title: '整改待审核',
        body: '说明：申请人王五已补交',
        robotBody: '请在平台中审核。',
      });
      await ctx.services.notify.toRoles(
        tx,
        ['dept_case_officer', 'dept_case_approver'],
        { kind: 'cases.overdue', title: '新增超期办件 2 件', link: '/supervision' },
        dept.mzj,
      );
      await ctx.services.notify.toRole(tx, 'bureau_admin', {
        kind: 'dataset.submitted',
        title: '数据资源待审核',
      });
    });
    expect(await deliver()).toMatchObject({ delivered: 3 });
    expect(robot.to('/mzj').map((m) => m.body.markdown.content)).toEqual([
      expect.stringContaining('新增超期办件 2 件'),
    ]);
    expect(robot.to('/bureau').map((m) => m.body.markdown.title)).toEqual(['整改待审核', '数据资源待审核']);
    expect(robot.to('/bureau')[0]!.body.markdown.text).toContain('请在平台中审核。');
    expect(JSON.stringify(robot.received)).not.toContain('王五');
    expect(robot.to('/scj')).toHaveLength(0);
    await admin.request('DELETE', `/api/notify/webhooks/${district.json().id}`);
    robot.received = [];
  });

  it('keeps every notice while the robot is down, backs off, and delivers when it returns', async () => {
    await robot.stop();
    await notifyDepartment('scj', 'dept_case_approver', 'cases.flag.rejected', '整改被退回 A');
    expect(await deliver()).toMatchObject({ delivered: 0, failed: 1 });
    let [row] = await ctx.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.title, '整改被退回 A'));
    expect(row!.attempts).toBe(1);
    // Refused, or the kept-alive connection cut: either way the robot is down.
    expect(row!.lastError).toMatch(/^unreachable: (ECONNREFUSED|UND_ERR_SOCKET)$/);
    expect(row!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 30_000);
    // Not due yet: nothing is tried.
    expect(await deliver()).toMatchObject({ delivered: 0, failed: 0 });
    later(30_000);
    expect(await deliver()).toMatchObject({ failed: 1 });
    [row] = await ctx.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.id));
    expect(row!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 60_000);
    await robot.start();
    later(60_000);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(robot.to('/scj').map((m) => m.body.markdown.title)).toEqual(['整改被退回 A']);
    robot.received = [];
  });

  it('gives up after the last attempt, shows it, and sends again when asked', async () => {
    robot.answer = { errcode: 310000, errmsg: 'sign not match' };
    await notifyDepartment('scj', 'dept_case_approver', 'cases.flag.rejected', '整改被退回 B');
    for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS; i++) {
      await deliver();
      later(3_600_000);
    }
    admin = await signIn(ctx.app, 'admin'); // the hours that passed ended the session
    const listed = (await admin.request('GET', '/api/notify/webhooks'))
      .json()
      .items.find((w: Json) => w.id === scjRobot.id);
    expect(listed).toMatchObject({ pending: 0, gaveUp: 1 });
    const d = (await admin.request('GET', `/api/notify/webhooks/${scjRobot.id}/deliveries`)).json().items[0];
    expect(d).toMatchObject({
      status: 'gave_up',
      attempts: WEBHOOK_MAX_ATTEMPTS,
      lastError: 'errcode 310000',
    });
    robot.answer = { errcode: 0, errmsg: 'ok' };
    robot.received = [];
    expect((await admin.request('POST', `/api/notify/webhooks/${scjRobot.id}/retry`)).json()).toEqual({
      requeued: 1,
    });
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(robot.to('/scj').map((m) => m.body.markdown.title)).toEqual(['整改被退回 B']);
    robot.received = [];
  });

  it('sends nothing to a disabled robot, and removes a robot with its outbox (audited)', async () => {
    // A message queued before the robot is disabled waits; one queued after is not queued at all.
    await notifyDepartment('mzj', 'dept_case_officer', 'cases.overdue', '停用前');
    const off = await admin.request('PATCH', `/api/notify/webhooks/${mzjRobot.id}`, { enabled: false });
    // A change names only what it changes: the kinds stay as they were.
    expect(off.json()).toMatchObject({ enabled: false, name: '民政局工作群', kinds: ['cases.'] });
    expect(await deliver()).toMatchObject({ delivered: 0 });
    expect(robot.to('/mzj')).toHaveLength(0);
    await notifyDepartment('mzj', 'dept_case_officer', 'cases.overdue', '停用后');
    expect(await deliver()).toMatchObject({ delivered: 0 });
    expect(robot.to('/mzj')).toHaveLength(0);
    const on = await admin.request('PATCH', `/api/notify/webhooks/${mzjRobot.id}`, { enabled: true });
    expect(on.json()).toMatchObject({ enabled: true, pending: 1 });
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(robot.to('/mzj').map((m) => m.body.markdown.content)).toEqual([expect.stringContaining('停用前')]);
    const del = await admin.request('DELETE', `/api/notify/webhooks/${scjRobot.id}`);
    expect(del.json()).toEqual({ deleted: true });
    const left = await ctx.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, scjRobot.id));
    expect(left).toHaveLength(0);
    const actions = (
      await ctx.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.target, scjRobot.id))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'notify.webhook.create',
        'notify.webhook.test',
        'notify.webhook.retry',
        'notify.webhook.delete',
      ]),
    );
  });
});
