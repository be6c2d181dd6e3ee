import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar, chinaDateOf } from '../src/domain/calendar.ts';
import { schedulesFromChineseDays } from '../src/domain/calendar-seed.ts';
import { computeClock } from '../src/domain/case-clock.ts';
import { compileWorkdayIndex } from '../src/domain/workday-index.ts';
import { freshInstall, startServer } from '../test/cli.ts';
import { launchChromium } from './browser.ts';

// Issue 4 end to end: an online application taken through acceptance, a supplement notice,
// supplements, review, approval and completion by the roles the matter names; the applicant's
// status lookup; an overdue case in supervision rectified by its department and closed by the bureau.

const shots = path.resolve(import.meta.dirname, '../test-results');
mkdirSync(shots, { recursive: true });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let browser: Browser;
let base: string;
let stopServer: () => void;

beforeAll(async () => {
  const { env } = await freshInstall();
  const server = await startServer({ ...env, LOGIN_RATE_LIMIT: '100' });
  base = server.url;
  stopServer = () => server.child.kill('SIGTERM');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stopServer?.();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error on ${page.url()}: ${e.message}`));
  return { context, page };
}

async function signedIn(username: string) {
  const session = await newPage();
  const { page } = session;
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-nav').waitFor();
  return session;
}

/** GET through the API as a user (to choose test data, not to check the pages). */
async function apiGet(username: string, url: string): Promise<Json> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2026' }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  expect(res.status, url).toBe(200);
  return (await res.json()) as Json;
}

/** Takes one action on the open case page through its form. */
async function act(
  page: Page,
  kind: string,
  fill: (form: ReturnType<Page['getByTestId']>) => Promise<void> = async () => {},
) {
  await page.getByTestId(`case-action-${kind}`).click();
  const form = page.getByTestId('case-action-form');
  await form.waitFor();
  await fill(form);
  await page.getByTestId('case-action-submit').click();
  await form.waitFor({ state: 'hidden' }).catch(async (err: unknown) => {
    await page.screenshot({ path: path.join(shots, `case-action-${kind}-failed.png`), fullPage: true });
    throw err;
  });
}

async function eventKinds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="case-event-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
}

describe('a case on the working-day clock, end to end', () => {
  it('online application → acceptance → supplements → approval → completion; the applicant finds it', async () => {
    // A licensing matter with review and decision stages that can be applied for online.
    const list = await apiGet(
      'bureau',
      '/api/matters?type=licensing&onTheSpot=false&status=active&pageSize=200',
    );
    const candidate = (list.items as Json[]).find((m) => m.onlineDepth >= 3 && m.statutoryLimitDays > 0);
    expect(candidate, 'a demo licensing matter online').toBeTruthy();
    const matter = candidate!;
    const dept = matter.department.code as string;

    // The applicant applies online without signing in.
    const applicant = await newPage();
    await applicant.page.goto(`${base}/apply/${matter.id}`);
    await applicant.page
      .getByTestId('apply-guide')
      .waitFor()
      .catch(async (err: unknown) => {
        await applicant.page.screenshot({ path: path.join(shots, 'apply-failed.png'), fullPage: true });
        throw err;
      });
    await applicant.page.getByTestId('apply-name').fill('陈小明');
    await applicant.page.getByTestId('apply-id-number').fill('110101199003074477');
    await applicant.page.getByTestId('apply-phone').fill('13800138000');
    const agree = applicant.page.getByTestId('apply-agree');
    if (await agree.count()) await agree.check();
    await applicant.page.getByTestId('apply-submit').click();
    await applicant.page.getByTestId('apply-done').waitFor();
    const caseNo = (await applicant.page.getByTestId('apply-case-no').innerText()).trim();
    const password = (await applicant.page.getByTestId('apply-password').innerText()).trim();
    expect(caseNo).toMatch(/^\d{22}$/);
    expect(password).toMatch(/^\d{6}$/);

    // The district hall's window finds it in the queue and accepts it.
    const window = await signedIn('window');
    await window.page.goto(`${base}/cases?q=${caseNo}`);
    await window.page.getByTestId(`case-link-${caseNo}`).click();
    await window.page.getByTestId('page-case').waitFor();
    const caseUrl = window.page.url();
    await act(window.page, 'accepted');
    await window.page.getByTestId('case-status').filter({ hasText: '已受理' }).waitFor();

    // The applicant is masked by default; the window sees them in full after giving a reason (PI-1).
    expect(await window.page.getByTestId('case-applicant').innerText()).toBe('陈**');
    expect(await window.page.getByTestId('case-applicant-id').innerText()).toBe('110101********4477');
    expect(await window.page.getByTestId('case-applicant-phone').innerText()).toBe('138****8000');
    await window.page.getByTestId('case-unmask').click();
    await window.page.getByTestId('case-unmask-submit').click();
    await window.page.getByText('请填写查看原因（2-200 个字）').waitFor();
    await window.page.getByTestId('case-unmask-reason').fill('电话联系申请人核实材料');
    await window.page.getByTestId('case-unmask-submit').click();
    await window.page.getByTestId('case-unmasked').waitFor();
    expect(await window.page.getByTestId('case-applicant').innerText()).toBe('陈小明');
    expect(await window.page.getByTestId('case-applicant-id').innerText()).toBe('110101199003074477');
    expect(await window.page.getByTestId('case-applicant-phone').innerText()).toBe('13800138000');

    // The department's case officer sends a supplement notice (one list of what is missing): the clock pauses.
    const officer = await signedIn(`case-${dept}`);
    await officer.page.goto(caseUrl);
    await act(officer.page, 'supplement_requested', async () => {
      await officer.page.getByTestId('action-item-material-0').fill('营业执照副本');
      await officer.page.getByTestId('action-item-reason-0').fill('复印件不清晰，请重新提交');
    });
    await officer.page.getByTestId('case-status').filter({ hasText: '补正中' }).waitFor();
    await expect.poll(() => officer.page.getByTestId('clock-committed-state').innerText()).toContain('暂停');
    await officer.page.screenshot({ path: path.join(shots, 'case-supplementing.png'), fullPage: true });

    // The applicant sees what is missing.
    await applicant.page.goto(`${base}/status`);
    await applicant.page.getByTestId('status-case-no').fill(caseNo);
    await applicant.page.getByTestId('status-password').fill(password);
    await applicant.page.getByTestId('status-submit').click();
    await applicant.page.getByTestId('status-missing').filter({ hasText: '营业执照副本' }).waitFor();

    await act(officer.page, 'supplement_received');
    await act(officer.page, 'reviewed', async () => {
      await officer.page.getByTestId('action-opinion').fill('材料齐全，符合条件');
    });
    const approver = await signedIn(`approver-${dept}`);
    await approver.page.goto(caseUrl);
    await act(approver.page, 'decided', async () => {
      await approver.page.getByTestId('action-decision').getByText('准予', { exact: true }).click();
      await approver.page.getByTestId('action-opinion').fill('准予许可');
    });
    await officer.page.goto(caseUrl);
    await act(officer.page, 'completed');
    await officer.page
      .getByTestId('case-status')
      .filter({ hasText: /已办结|已出件/ })
      .waitFor();

    // The timeline is the events in order; both clocks are as an independent computation says.
    expect(await eventKinds(officer.page)).toEqual([
      'submitted',
      'accepted',
      'supplement_requested',
      'supplement_received',
      'reviewed',
      'decided',
      'completed',
    ]);
    const today = chinaDateOf(new Date());
    const index = compileWorkdayIndex(buildCalendar(schedulesFromChineseDays(), 1));
    // Accepted, noticed, supplemented and completed today: the pause removes today, which does not
    // count anyway (counting starts the day after acceptance).
    const inputs = {
      acceptedOn: today,
      pauses: [{ from: today, to: today }],
      extensionDays: 0,
      stoppedOn: today,
    };
    for (const [testId, limit] of [
      ['clock-committed', matter.committedLimitDays],
      ['clock-statutory', matter.statutoryLimitDays],
    ] as const) {
      const expected = computeClock(index, inputs, limit, today, 0.8);
      if (expected.due)
        await expect
          .poll(() => officer.page.getByTestId(`${testId}-due`).innerText())
          .toContain(expected.due);
      await expect.poll(() => officer.page.getByTestId(`${testId}-state`).innerText()).toContain('已停止');
    }
    await officer.page.screenshot({ path: path.join(shots, 'case-completed.png'), fullPage: true });

    // The applicant finds the result with the case number and the query password.
    await applicant.page.goto(`${base}/status?caseNo=${caseNo}`);
    await applicant.page.getByTestId('status-password').fill(password);
    await applicant.page.getByTestId('status-submit').click();
    await applicant.page.getByTestId('status-result').waitFor();
    await expect.poll(() => applicant.page.getByTestId('status-state').innerText()).toMatch(/已办结|已出件/);
    const timeline = await applicant.page.getByTestId('status-timeline').innerText();
    expect(timeline).not.toContain(`case-${dept}`);

    for (const s of [applicant, window, officer, approver]) await s.context.close();
  });

  it('an overdue case shows in supervision with its flag; the department rectifies and the bureau closes it', async () => {
    const flags = await apiGet(
      'bureau',
      '/api/supervision/flags?type=overdue_committed&status=open&pageSize=50',
    );
    expect(flags.items.length, 'the demo plants overdue cases').toBeGreaterThan(0);
    const flag = flags.items[0] as Json;
    const departments = await apiGet('bureau', '/api/departments?pageSize=200');
    const dept = (departments.items as Json[]).find((d) => d.id === flag.department.id)!.code as string;

    const bureau = await signedIn('bureau');
    await bureau.page.goto(`${base}/supervision`);
    await bureau.page.getByTestId('case-flags-table').waitFor();
    await bureau.page
      .getByTestId(`flag-case-${flag.case.caseNo}`)
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        // Not on the first page of every flag: look it up by its case number.
        await bureau.page.getByTestId('case-flags-case-search').fill(flag.case.caseNo);
        await bureau.page.getByTestId('case-flags-case-search').press('Enter');
        await bureau.page.getByTestId(`flag-case-${flag.case.caseNo}`).first().waitFor();
      });

    const officer = await signedIn(`case-${dept}`);
    await officer.page.goto(`${base}/supervision/flags/${flag.id}`);
    await officer.page.getByTestId('flag-drawer').waitFor();
    await officer.page.getByTestId('flag-rectify').waitFor();
    await officer.page
      .getByTestId('flag-rectify-note')
      .fill('已督促经办人员办结，并调整审批排班，避免再次超期');
    await officer.page.getByTestId('flag-rectify-submit').click();
    await expect.poll(() => officer.page.getByTestId('flag-status').innerText()).toContain('待审核');

    await bureau.page.goto(`${base}/supervision/flags/${flag.id}`);
    await bureau.page.getByTestId('flag-review').waitFor();
    await bureau.page.getByTestId('flag-review-note').fill('整改到位');
    await bureau.page.getByTestId('flag-review-accept').click();
    await expect.poll(() => bureau.page.getByTestId('flag-status').innerText()).toMatch(/已销号|已关闭/);
    await bureau.page.screenshot({ path: path.join(shots, 'supervision-closed.png'), fullPage: true });
    // The bureau reads the case but may not unmask its applicant (no cases.unmask): no button.
    await bureau.page.goto(`${base}/cases/${flag.case.id}`);
    await bureau.page.getByTestId('case-applicant').waitFor();
    expect(await bureau.page.getByTestId('case-unmask').count()).toBe(0);
    for (const s of [bureau, officer]) await s.context.close();
  });
});
