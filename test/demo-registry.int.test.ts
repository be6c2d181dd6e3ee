import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue } from '../src/demo/datasets.ts';
import { demoDepartments } from '../src/demo/departments.ts';
import { demoSystems, plantedDuplicatePairs, plantedZombies } from '../src/demo/systems.ts';
import { searchQuery } from '../src/domain/search-tokens.ts';
import { signIn, startTestApp, type TestContext } from './harness.ts';

// The seeded template every integration test starts from: the demo registry and catalogue.
describe('demo registry and catalogue (seeded)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  const departments = demoDepartments();
  const systems = demoSystems(departments);
  const { datasets } = demoCatalogue(departments, systems, { today: '2026-03-02' });

  const count = async (sql: string, params: unknown[] = []) =>
    (await ctx.database.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

  it('holds every demo system and entry, with usage, versions and the review log', async () => {
    expect(await count('systems')).toBe(systems.length);
    expect(await count('datasets')).toBe(datasets.length);
    expect(await count('datasets where status = $1', ['published'])).toBe(
      datasets.filter((d) => d.status === 'published').length,
    );
    expect(await count('dataset_versions')).toBe(datasets.reduce((n, d) => n + d.versions.length, 0));
    expect(await count('dataset_reviews')).toBe(datasets.reduce((n, d) => n + d.reviews.length, 0));
    const usage = await count('system_usage');
    expect(usage).toBeGreaterThan(5_000);
    expect(usage).toBeLessThan(40_000);
    expect(await count('system_consumed_datasets')).toBeGreaterThan(50);
    // Reviews name the demo users who acted, by id and display name.
    expect(await count('dataset_reviews r left join users u on u.id = r.actor_id where u.id is null')).toBe(
      0,
    );
  });

  it('opens with exactly the planted zombies and duplicate pairs flagged, with their evidence', async () => {
    const zombies = await ctx.database.query<{ code: string; evidence: { lastUsedOn: string | null } }>(
      `select s.code, f.evidence from system_flags f join systems s on s.id = f.system_id
        where f.kind = 'zombie' and f.status = 'open' order by s.code`,
    );
    expect(zombies.map((z) => z.code)).toEqual([...plantedZombies].sort());
    for (const z of zombies) expect(z.evidence.lastUsedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const pairs = await ctx.database.query<{
      a: string;
      b: string;
      evidence: { sharedDatasets: string[]; nameSimilarity: number };
    }>(
      `select s.code as a, o.code as b, f.evidence from system_flags f
         join systems s on s.id = f.system_id join systems o on o.id = f.other_system_id
        where f.kind = 'duplicate' and f.status = 'open'`,
    );
    const key = (x: string, y: string) => [x, y].sort().join('|');
    expect(new Set(pairs.map((p) => key(p.a, p.b)))).toEqual(
      new Set(plantedDuplicatePairs.map(([x, y]) => key(x, y))),
    );
    for (const p of pairs) expect(p.evidence.sharedDatasets).toHaveLength(1);
  });

  it('indexes the entries for Chinese search: 企业 finds published entries', async () => {
    const rows = await ctx.database.query<{ name: string }>(
      `select name from datasets where status = 'published' and search_vector @@ to_tsquery('simple', $1)`,
      [searchQuery('企业')],
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((r) => r.name)).toContain('企业登记信息');
  });

  it('keeps version snapshots that name the provider and the source system', async () => {
    const [row] = await ctx.database.query<{
      snapshot: { code: string; provider: { name: string }; sourceSystem: { code: string } | null };
      code: string;
      dept: string;
      system: string | null;
    }>(
      `select v.snapshot, d.code, p.name as dept, s.code as system
         from dataset_versions v join datasets d on d.id = v.dataset_id
         join departments p on p.id = d.department_id left join systems s on s.id = d.source_system_id
        where d.version >= 2 and v.version = 1 and s.id is not null limit 1`,
    );
    expect(row!.snapshot.code).toBe(row!.code);
    expect(row!.snapshot.provider.name).toBe(row!.dept);
    expect(row!.snapshot.sourceSystem?.code).toBe(row!.system);
  });

  it('keeps snapshots shaped like the catalogue presents an entry (the same presenter)', async () => {
    const [row] = await ctx.database.query<{ id: string; version: number }>(
      `select id, version from datasets where status = 'published' and version >= 2 limit 1`,
    );
    const bureau = await signIn(ctx.app, 'bureau');
    const entry = (await bureau.request('GET', `/api/datasets/${row!.id}`)).json();
    const latest = (await bureau.request('GET', `/api/datasets/${row!.id}/versions/${row!.version}`)).json();
    const { can: _can, relatedSystems: _related, ...presented } = entry;
    expect(Object.keys(latest.snapshot).sort()).toEqual(Object.keys(presented).sort());
    expect(latest.snapshot).toMatchObject({ id: row!.id, code: entry.code, version: row!.version });
    expect(latest.snapshot.fields).toEqual(entry.fields);
  });
});
