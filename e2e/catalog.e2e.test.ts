import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDepartments } from '../src/demo/departments.ts';
import { plantedDuplicatePairs, plantedZombies } from '../src/demo/systems.ts';
import { freshInstall, startServer } from '../test/cli.ts';
import { dcatApViolations, parseTurtle } from '../test/shacl.ts';
import { launchChromium } from './browser.ts';

// Issue 3 end to end: the catalogue's lifecycle in the web app, its open interfaces (CKAN, DCAT-AP)
// and the registry's flags, on a server started on a fresh demo district.

const shots = path.resolve(import.meta.dirname, '../test-results');
mkdirSync(shots, { recursive: true });

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT_DATASET = 'http://www.w3.org/ns/dcat#Dataset';
const DCT_TITLE = 'http://purl.org/dc/terms/title';

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
  // A failed step then says why the page did not show what it waited for.
  page.on('pageerror', (e) => console.error(`page error on ${page.url()}: ${e.message}`));
  return { context, page };
}

async function signedIn(username: string, password = 'Demo@2026') {
  const session = await newPage();
  const { page } = session;
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-nav').waitFor();
  return session;
}

/** Picks an option in the open antd select dropdown; by its title, or by its text when it has none. */
async function pickOption(page: Page, option: { title: string } | { text: string }) {
  const locator =
    'title' in option
      ? page.locator(`.ant-select-item-option[title="${option.title}"]`)
      : page.locator('.ant-select-item-option').filter({ hasText: option.text });
  await locator.click();
}

/** An anonymous CKAN action call; asserts the envelope and returns its result. */
async function ckan<T>(action: string, params: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${base}/api/3/action/${action}?${new URLSearchParams(params)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { help: string; success: boolean; result: T };
  expect(body.success).toBe(true);
  expect(body.help).toContain(`/api/3/action/help_show?name=${action}`);
  return body.result;
}

interface CkanPackage {
  id: string;
  title: string;
  notes: string;
  organization: { name: string };
  tags: { name: string }[];
}

/** The anonymous DCAT-AP export: its datasets (IRI → title), after checking it against the shapes. */
async function openDcatExport(): Promise<Map<string, string>> {
  const res = await fetch(`${base}/catalog.ttl`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
  const quads = parseTurtle(await res.text());
  expect(await dcatApViolations(quads)).toEqual([]);
  const datasets = new Map<string, string>();
  for (const q of quads)
    if (q.predicate.value === RDF_TYPE && q.object.value === DCAT_DATASET) datasets.set(q.subject.value, '');
  for (const q of quads)
    if (datasets.has(q.subject.value) && q.predicate.value === DCT_TITLE)
      datasets.set(q.subject.value, q.object.value);
  return datasets;
}

/**
 * The number of results for `q`, once they have loaded: the count names the query as soon as the URL
 * has it, but the previous results stay on screen (dimmed, aria-busy) until the new ones arrive.
 */
async function resultsFor(page: Page, q: string): Promise<number> {
  const total = page.getByTestId('catalog-total');
  await expect.poll(() => total.innerText()).toContain(`“${q}”`);
  await page.locator('[data-testid="catalog-results"][aria-busy="false"]').waitFor();
  const count = (await total.innerText()).match(/共找到 (\d+) 个/)?.[1];
  expect(count, await total.innerText()).toBeDefined();
  return Number(count);
}

/** The anonymous open catalogue searched for `q`: the number of results. */
async function openCatalogSearch(page: Page, q: string): Promise<number> {
  await page.goto(`${base}/open?q=${encodeURIComponent(q)}`);
  await page.getByTestId('open-catalog-list').waitFor();
  return resultsFor(page, q);
}

describe('catalogue and registry in the browser (issue 3)', () => {
  it(
    'a data officer creates a dataset with fields and submits it, the bureau approves and publishes it; ' +
      'a Chinese query, package_search and the DCAT-AP export find it, and the open catalogue only while its open type allows',
    async () => {
      const code = '318099001/000901';
      const name = '企业信用修复申请结果信息';
      const query = '信用修复';

      // 1. The market regulator's data officer fills in a new entry with three fields and submits it.
      const officer = await signedIn('data-scj');
      let page = officer.page;
      await page.getByTestId('nav-catalog').click();
      await page.getByTestId('dataset-create').click();
      await page.getByTestId('dataset-form').waitFor();
      await expect
        .poll(() => page.getByTestId('dataset-department-fixed').inputValue())
        .toBe('区市场监督管理局');
      await page.getByTestId('dataset-code').fill(code);
      await page.getByTestId('dataset-name').fill(name);
      await page
        .getByTestId('dataset-summary')
        .fill('区市场监管局受理的企业信用修复申请及修复结果，供信用监管和联合奖惩协同使用。');
      const keywords = page.getByTestId('dataset-keywords').locator('input');
      await keywords.fill('信用修复');
      await keywords.press('Enter');
      await keywords.fill('企业信用');
      await keywords.press('Enter');
      await page.getByTestId('dataset-sharing-type').getByText('无条件共享').click();

      await page.getByTestId('field-0-name').fill('uscc');
      await page.getByTestId('field-0-label').fill('统一社会信用代码');
      await page.getByTestId('field-0-key').check();
      await page.getByTestId('field-0-pattern').fill('^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$');
      await page.getByTestId('field-add').click();
      await page.getByTestId('field-1-name').fill('repair_result');
      await page.getByTestId('field-1-label').fill('修复结果');
      await page.getByTestId('field-1-level').click();
      await pickOption(page, { text: 'L2 受限' });
      await page.getByTestId('field-add').click();
      await page.getByTestId('field-2-name').fill('repair_date');
      await page.getByTestId('field-2-label').fill('修复日期');
      await page.getByTestId('field-2-type').click();
      await pickOption(page, { title: '日期' });

      // An L2 field rules out unconditional opening; conditional opening stays possible.
      const openType = page.getByTestId('dataset-open-type');
      await expect
        .poll(() => openType.locator('label', { hasText: '无条件开放' }).getAttribute('class'))
        .toContain('disabled');
      await openType.getByText('有条件开放').click();
      await page.getByTestId('dataset-open-conditions').fill('经市场监管局审核同意后开放');
      await page.getByTestId('dataset-save-submit').click();
      await page.getByTestId('page-dataset').waitFor();
      const id = page.url().match(/\/catalog\/datasets\/([0-9a-f-]{36})$/)?.[1];
      expect(id).toBeDefined();
      await expect.poll(() => page.getByTestId('dataset-status').first().innerText()).toBe('待审核');
      await expect.poll(() => page.getByTestId('dataset-name').innerText()).toBe(name);

      // 2. The bureau approves it in the review queue, then publishes it.
      const bureau = await signedIn('bureau');
      page = bureau.page;
      await page.getByTestId('nav-catalog-review').click();
      await page.getByTestId('page-catalog-review').waitFor();
      const search = page.getByTestId('review-search').locator('input');
      await search.fill(name);
      await search.press('Enter');
      // The list reloads after the search: act only once it has settled, and open the dialog again
      // if a reload swallowed the click.
      const openDialog = async (trigger: string) => {
        for (let attempt = 0; ; attempt++) {
          await page.waitForLoadState('networkidle');
          await page.getByTestId(trigger).click();
          try {
            await page.getByTestId('dataset-action-confirm').waitFor({ timeout: 5000 });
            return;
          } catch (err) {
            if (attempt >= 2) throw err;
          }
        }
      };
      await openDialog(`review-approve-${id}`);
      await page.getByTestId('dataset-action-confirm').click();
      await page.getByTestId(`review-approve-${id}`).waitFor({ state: 'detached' });
      await page.getByTestId('review-tab-approved').click();
      await openDialog(`review-publish-${id}`);
      await page.getByTestId('dataset-action-confirm').click();
      await page.getByTestId(`review-publish-${id}`).waitFor({ state: 'detached' });
      await page.screenshot({ path: path.join(shots, 'catalog-review.png') });

      // 3. Another department's officer finds it with a Chinese query and reads its fields and levels.
      const reader = await signedIn('data-mzj');
      page = reader.page;
      await page.getByTestId('nav-catalog').click();
      const searchBox = page.getByTestId('catalog-search').locator('input');
      await searchBox.fill(query);
      await searchBox.press('Enter');
      await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent(query)}`);
      // The phrase finds the new entry among the few that mention it (each result shows where).
      const results = page.locator('article[data-testid^="dataset-result-"]');
      const matches = await resultsFor(page, query);
      expect(matches).toBeGreaterThanOrEqual(1);
      expect(matches).toBeLessThan(10);
      expect(await results.count()).toBe(matches);
      for (const text of await results.allInnerTexts()) expect(text).toContain(query);
      const hit = page.getByTestId(`dataset-result-${id}`);
      expect(await hit.innerText()).toContain(name);
      await page.screenshot({ path: path.join(shots, 'catalog-search.png') });
      await hit.getByTestId('dataset-result-link').click();
      await page.getByTestId('page-dataset').waitFor();
      await expect.poll(() => page.getByTestId('dataset-status').first().innerText()).toBe('已发布');
      await expect.poll(() => page.getByTestId('dataset-code').innerText()).toContain(code);
      await expect.poll(() => page.getByTestId('dataset-provider').innerText()).toBe('区市场监督管理局');
      expect(await page.getByTestId('level-L2').count()).toBeGreaterThan(0);
      for (const label of ['统一社会信用代码', '修复结果', '修复日期'])
        expect(await page.getByText(label, { exact: true }).count()).toBeGreaterThan(0);
      await reader.context.close();

      // 4. Anyone reads it through the CKAN API and the DCAT-AP export, which conforms to the shapes.
      const found = await ckan<{ count: number; results: CkanPackage[] }>('package_search', { q: query });
      const pkg = found.results.find((p) => p.id === id);
      expect(pkg).toMatchObject({ title: name, organization: { name: 'scj' } });
      expect(pkg!.tags.map((t) => t.name).sort()).toEqual(['企业信用', '信用修复']);
      const iri = (datasets: Map<string, string>) =>
        [...datasets.keys()].find((k) => k.endsWith(`/dataset/${id}`));
      const exported = await openDcatExport();
      expect(iri(exported)).toBeDefined();
      expect(exported.get(iri(exported)!)).toBe(name);

      // 5. An anonymous visitor finds it in the open catalogue: conditional opening lists it.
      const visitor = await newPage();
      const openMatches = await openCatalogSearch(visitor.page, query);
      expect(openMatches).toBeGreaterThanOrEqual(1);
      await visitor.page.getByTestId(`dataset-result-${id}`).getByTestId('dataset-result-link').click();
      await visitor.page.getByTestId('open-dataset').waitFor();
      await expect.poll(() => visitor.page.getByTestId('dataset-name').innerText()).toBe(name);
      await visitor.page.screenshot({ path: path.join(shots, 'catalog-open.png') });

      // 6. The officer closes it (not opened, 不予开放): version 2, published at once, gone from public view.
      page = officer.page;
      await page.goto(`${base}/catalog/datasets/${id}`);
      await page.getByTestId('dataset-edit').click();
      await page.getByTestId('dataset-new-version-notice').waitFor();
      await page.getByTestId('dataset-open-type').getByText('不予开放').click();
      await page.getByTestId('dataset-change-note').fill('涉及企业经营信息，改为不予开放');
      await page.getByTestId('dataset-save').click();
      await page.getByTestId('page-dataset').waitFor();
      await expect.poll(() => page.getByTestId('dataset-versions').innerText()).toContain('涉及企业经营信息');
      const header = page.getByTestId('dataset-name').locator('..');
      await expect.poll(() => header.innerText()).toMatch(/已发布[\s\S]*第 2 版/);
      await officer.context.close();
      await bureau.context.close();

      expect(await openCatalogSearch(visitor.page, query)).toBe(openMatches - 1);
      expect(await visitor.page.getByTestId(`dataset-result-${id}`).count()).toBe(0);
      await visitor.page.goto(`${base}/open/datasets/${id}`);
      await visitor.page.getByTestId('dataset-not-found').waitFor();
      await visitor.context.close();
      const after = await ckan<{ results: CkanPackage[] }>('package_search', { q: query });
      expect(after.results.map((p) => p.id)).not.toContain(id);
      expect(iri(await openDcatExport())).toBeUndefined();
    },
  );

  it('answers CKAN package_search for 企业 and organization_list, and shows the bureau exactly the planted zombie and duplicate flags with their evidence', async () => {
    const search = await ckan<{ count: number; results: CkanPackage[] }>('package_search', {
      q: '企业',
      rows: '5',
    });
    expect(search.count).toBeGreaterThanOrEqual(5);
    expect(search.results).toHaveLength(5);
    for (const p of search.results)
      expect([p.title, p.notes, ...p.tags.map((t) => t.name)].join(' '), p.title).toContain('企业');
    const organizations = await ckan<string[]>('organization_list');
    expect([...organizations].sort()).toEqual(
      demoDepartments()
        .map((d) => d.code)
        .sort(),
    );

    const { context, page } = await signedIn('bureau');
    await page.getByTestId('nav-system-flags').click();
    await page.getByTestId('page-system-flags').waitFor();
    await page.getByTestId('flags-status-filter').click();
    await pickOption(page, { title: '待处理' });
    await expect.poll(() => page.url()).toContain('status=open');
    const rows = page.getByTestId('flags-table').locator('tbody tr.ant-table-row');
    const expected = plantedZombies.length + plantedDuplicatePairs.length;
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(expected);
    await page.locator('[data-testid="flags-table"] .ant-spin-spinning').waitFor({ state: 'detached' });

    const zombies: string[] = [];
    const pairs: string[] = [];
    for (const row of await rows.all()) {
      const systemId = await row.locator('[data-testid^="flag-system-"]').getAttribute('data-testid');
      const system = systemId!.replace('flag-system-', '');
      const evidence = row.locator('[data-testid^="flag-evidence-"]');
      const kind = await evidence.getAttribute('data-kind');
      const text = await evidence.innerText();
      if (kind === 'zombie') {
        zombies.push(system);
        // Days without use against the threshold, and the date of the last use.
        expect(text).toMatch(/(已连续 \d+ 天无任何使用|自上线以来无任何使用记录)（阈值 \d+ 天）/);
        expect(text).toMatch(/最近一次使用：(\d{4}-\d{2}-\d{2}|从未)/);
      } else {
        expect(kind).toBe('duplicate');
        // The other system by name and code, the similarities and the reason.
        const other = plantedDuplicatePairs.flat().find((c) => c !== system && text.includes(c));
        expect(other, text).toBeDefined();
        pairs.push([system, other!].sort().join('|'));
        expect(text).toContain('疑似重复的系统');
        expect(text).toMatch(/\d+%/);
        expect(text).toMatch(/名称和用途均相近|产生同名数据资源/);
      }
    }
    expect(zombies.sort()).toEqual([...plantedZombies].sort());
    expect(pairs.sort()).toEqual(plantedDuplicatePairs.map((p) => [...p].sort().join('|')).sort());
    await page.screenshot({ path: path.join(shots, 'registry-flags.png'), fullPage: true });
    await context.close();
  });
});
