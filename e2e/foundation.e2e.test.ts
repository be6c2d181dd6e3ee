import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshInstall, startServer } from '../test/cli.ts';
import { launchChromium } from './browser.ts';

const shots = path.resolve(import.meta.dirname, '../test-results');
mkdirSync(shots, { recursive: true });

let browser: Browser;
let base: string;
let stopServer: () => void;

beforeAll(async () => {
  const { env } = await freshInstall();
  const server = await startServer({ ...env, LOGIN_RATE_LIMIT: '100', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  base = server.url;
  stopServer = () => server.child.kill('SIGTERM');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stopServer?.();
});

async function signInAs(page: Page, username: string, password = 'Demo@2026') {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('foundation in the browser', () => {
  it('signs in in Chinese, switches to English, shows 8 streets and 75 communities on the regions page and map, and signs out', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(base);
    await expect.poll(() => page.url()).toMatch(/\/login/);
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toMatch(/登\s*录/);
    await signInAs(page, 'admin');
    await page.getByTestId('side-nav').waitFor();
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('page-regions').waitFor();
    await expect
      .poll(() => page.getByTestId('region-count-street').innerText(), { timeout: 15_000 })
      .toMatch(/\b8\b/);
    await expect.poll(() => page.getByTestId('region-count-community').innerText()).toMatch(/\b75\b/);
    // The map draws its canvas with the schematic label.
    await page.getByTestId('region-map').locator('canvas').first().waitFor();
    await expect.poll(() => page.getByTestId('map-schematic').innerText()).toMatch(/示意/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(shots, 'regions-zh.png') });

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('map-schematic').innerText()).toMatch(/[Ss]chematic/);
    await expect.poll(() => page.getByTestId('nav-regions').innerText()).toMatch(/Regions/);
    await page.screenshot({ path: path.join(shots, 'regions-en.png') });

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-sign-out').click();
    await expect.poll(() => page.url()).toMatch(/\/login/);
    // Signed out: the server forgot the session, and nothing personal stays in web storage (DAT-6).
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/admin|csrf|session/i);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/login/);
    await context.close();
  });

  it('pages through the users list with the pager, and adds a park on the regions page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, 'admin');
    await page.getByTestId('side-nav').waitFor();
    await page.goto(`${base}/org/users`);
    const table = page.getByTestId('users-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const firstPage = await table.locator('tbody tr.ant-table-row').first().innerText();
    await page.locator('.ant-pagination-item-2').first().click();
    await expect.poll(() => page.url()).toMatch(/page=2/);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').first().innerText()).not.toBe(firstPage);

    await page.goto(`${base}/org/regions`);
    await page.getByTestId('region-add-child').click();
    await page.getByTestId('region-add-level').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '园区' }).click();
    await page.getByTestId('region-add-code').fill('330105903');
    await page.getByTestId('region-add-name').fill('新天地街区');
    await page.getByTestId('region-add-save').click();
    await page.getByTestId('region-tree').getByText('新天地街区').waitFor();
    await expect.poll(() => page.getByTestId('region-count-park').innerText()).toMatch(/\b3\b/);
    await context.close();
  });

  it('adds a signed DingTalk robot on the chat-robot page and sends it a test message', async () => {
    // A robot as DingTalk runs one, on this machine.
    const received: { query: URLSearchParams; body: { msgtype: string; markdown: { title: string } } }[] = [];
    const robot = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        received.push({ query: new URL(req.url ?? '/', 'http://robot').searchParams, body: JSON.parse(raw) });
        res.setHeader('content-type', 'application/json');
        res.end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
    const port = (robot.address() as AddressInfo).port;
    try {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await signInAs(page, 'admin');
      await page.getByTestId('side-nav').waitFor();
      await page.goto(`${base}/settings/webhooks`);
      await page.getByTestId('page-webhooks').getByText('消息推送').first().waitFor();
      await page.getByTestId('webhook-create').click();
      await page.getByTestId('webhook-name').fill('数据资源局工作群');
      await page
        .getByTestId('webhook-url')
        .fill(`http://127.0.0.1:${port}/robot/send?access_token=e2e-token`);
      await page.getByTestId('webhook-secret').fill('SECe2e0123456789abcdef');
      await page.getByTestId('webhook-save').click();
      const row = page.getByTestId('webhooks-table').locator('tbody tr.ant-table-row').first();
      await expect.poll(() => row.innerText()).toMatch(/数据资源局工作群[\s\S]*已加签/);
      // The token is never shown back.
      expect(await page.getByTestId('webhooks-table').innerText()).not.toContain('e2e-token');
      await row.getByText('发送测试').click();
      await page.getByText('测试消息已送达').waitFor();
      expect(received).toHaveLength(1);
      const ts = received[0]!.query.get('timestamp')!;
      expect(received[0]!.query.get('sign')).toBe(
        createHmac('sha256', 'SECe2e0123456789abcdef')
          .update(`${ts}\nSECe2e0123456789abcdef`)
          .digest('base64'),
      );
      expect(received[0]!.body.markdown.title).toMatch(/测试消息/);
      await page.screenshot({ path: path.join(shots, 'webhooks-zh.png') });
      await context.close();
    } finally {
      robot.closeAllConnections();
      await new Promise((r) => robot.close(r));
    }
  });

  it('locks the account after 5 wrong passwords and says so', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    for (let i = 0; i < 5; i++) {
      await signInAs(page, 'leader', `Wrong#Pass${i}`);
      await page.getByTestId('login-error').waitFor();
    }
    await expect.poll(() => page.getByTestId('login-error').innerText()).toMatch(/锁定/);
    await signInAs(page, 'leader');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toMatch(/锁定/);
    expect(page.url()).toMatch(/\/login/);
    await context.close();
  });

  it('shows a street officer the 403 page for an admin page, and the API answers 403 too', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, 'street-330105012');
    await page.getByTestId('side-nav').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.goto(`${base}/org/users`);
    await page.getByTestId('page-403').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
    // Their region picker and regions page show only their street.
    await page.goto(`${base}/org/regions`);
    await expect
      .poll(() => page.getByTestId('region-count-community').innerText(), { timeout: 15_000 })
      .toMatch(/\b7\b/);
    await expect.poll(() => page.getByTestId('region-count-street').innerText()).toMatch(/\b1\b/);
    await context.close();
  });
});
