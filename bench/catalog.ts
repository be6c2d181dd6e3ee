// Catalogue benchmarks (issue 3), on PostgreSQL: the DCAT-AP export of 10,000 entries (time and the
// server's memory), the Excel import of 5,000 entries, and search over 100,000 entries — each beside
// a baseline measured in the same run on the same database.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { BASELINE_SEARCH_SQL } from '../src/server/modules/catalog/search.repo.ts';
import { searchQuery } from '../src/domain/search-tokens.ts';
import { insertBenchDatasets, type BenchDepartment } from './catalog-data.ts';
import { createDatabase, latencies, login, report, timeToReady } from './lib.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Fetches a URL to the end, sampling the server's resident memory while it streams. */
async function streamed(url: string, pid: number) {
  const before = rssMb(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
  const t0 = performance.now();
  const res = await fetch(url);
  let bytes = 0;
  let datasets = 0;
  const decoder = new TextDecoder();
  let tail = '';
  for await (const chunk of res.body! as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    const text = tail + decoder.decode(chunk, { stream: true });
    datasets += text.match(/dcat:Dataset\b/g)?.length ?? 0;
    tail = text.slice(-20);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { seconds, bytes, datasets, before, peak, status: res.status };
}

async function importWorkbook(n: number, from: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ds = wb.addWorksheet('数据集');
  ds.addRow([
    '资源代码',
    '资源名称',
    '资源摘要',
    '资源分类',
    '提供部门',
    '资源格式',
    '共享类型',
    '开放类型',
    '开放条件',
    '更新周期',
    '关键字',
  ]);
  const fs = wb.addWorksheet('信息项');
  fs.addRow(['资源代码', '字段名', '中文名称', '数据类型', '分级', '必填', '主键']);
  for (let i = 0; i < n; i++) {
    const code = `3${String((i % 9) + 1).padStart(2, '0')}002002/${String(from + i).padStart(6, '0')}`;
    ds.addRow([
      code,
      `批量导入企业名录${i}`,
      `市场监管局维护的企业名录第${i}批，供部门间共享使用。`,
      '部门',
      'scj',
      '数据库',
      '无条件共享',
      '有条件开放',
      '经市场监管局审核同意后开放',
      '每月',
      '企业,名录',
    ]);
    fs.addRow([code, 'record_id', '记录编号', '字符型', 'L1', '是', '是']);
    fs.addRow([code, 'enterprise_name', '企业名称', '字符型', 'L2', '是', '否']);
    fs.addRow([code, 'registered_on', '登记日期', '日期', 'L1', '否', '否']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function catalogBench(adminUrl: string, env: Record<string, string>) {
  const url = await createDatabase(adminUrl, 'od_bench_catalog');
  const server = await timeToReady({ ...env, DATABASE_URL: url, LOGIN_RATE_LIMIT: '0', LOG_LEVEL: 'warn' });
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const base = server.url;
    const departments = (
      await client.query<BenchDepartment>(
        `select id, name, region_code as "regionCode" from departments order by code`,
      )
    ).rows;

    // --- Excel import of 5,000 entries (with 15,000 fields), beside a plain insert of as many rows.
    const bureau = await login(base, 'bureau');
    const file = await importWorkbook(5000, 500_000);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/datasets/import`, {
      method: 'POST',
      headers: { cookie: bureau.cookie, 'x-csrf-token': bureau.csrf, 'content-type': XLSX },
      body: new Uint8Array(file),
    });
    const importSeconds = (performance.now() - t0) / 1000;
    const answer = (await res.json()) as { created?: number; problems?: unknown[] };
    if (res.status !== 200) console.warn('import refused:', JSON.stringify(answer.problems?.slice(0, 5)));
    const t1 = performance.now();
    await insertBenchDatasets(database.db, departments, 5000, 600_000);
    const insertSeconds = (performance.now() - t1) / 1000;
    report(
      `catalogue import: 5,000 entries from XLSX (${(file.length / 1024).toFixed(0)} KB, status ${res.status}, created ${answer.created}) in ${importSeconds.toFixed(1)} s (target ≤ 10 s); baseline plain INSERT of 5,000 rows ${insertSeconds.toFixed(1)} s; ratio ${(importSeconds / insertSeconds).toFixed(1)}×`,
    );

    // --- DCAT-AP export of 10,000 published entries, beside a plain SELECT of the same rows.
    const published = Number(
      (await client.query(`select count(*) from datasets where status = 'published'`)).rows[0].count,
    );
    await insertBenchDatasets(database.db, departments, Math.max(0, 10_000 - published), 0);
    for (const format of ['ttl', 'jsonld'] as const) {
      const out = await streamed(`${base}/catalog.${format}`, server.pid);
      const b0 = performance.now();
      await client.query(`select * from datasets where status = 'published' and open_type <> 'closed'`);
      const baseline = (performance.now() - b0) / 1000;
      report(
        `catalogue DCAT-AP export /catalog.${format}: ${out.datasets} datasets, ${(out.bytes / 1e6).toFixed(1)} MB in ${out.seconds.toFixed(2)} s (target ≤ 5 s for 10,000); server memory ${out.before.toFixed(0)} → peak ${out.peak.toFixed(0)} MB; baseline plain SELECT of the rows ${baseline.toFixed(2)} s; ratio ${(out.seconds / baseline).toFixed(1)}×`,
      );
    }

    // --- Search over 100,000 entries, beside the plain SQL query on the same index.
    const now = Number((await client.query(`select count(*) from datasets`)).rows[0].count);
    await insertBenchDatasets(database.db, departments, Math.max(0, 100_000 - now), 10_000);
    await client.query('analyze datasets');
    const total = Number((await client.query(`select count(*) from datasets`)).rows[0].count);
    for (const q of ['企业', '社保 补贴', '税', '不动产登记信息']) {
      const api = await latencies(100, async () => {
        const r = await fetch(`${base}/api/datasets?q=${encodeURIComponent(q)}&pageSize=20`);
        await r.arrayBuffer();
      });
      const tsq = searchQuery(q)!;
      const sqlOnly = await latencies(100, () => client.query(BASELINE_SEARCH_SQL, [tsq]));
      const hits = Number(
        (
          await client.query(
            `select count(*) from datasets where search_vector @@ to_tsquery('simple', $1)`,
            [tsq],
          )
        ).rows[0].count,
      );
      report(
        `catalogue search over ${total.toLocaleString('en')} entries, q=${q} (${hits} matches), page of 20 with total and facets: p50 ${api.p50.toFixed(0)} ms, p95 ${api.p95.toFixed(0)} ms (target p95 ≤ 50 ms); baseline plain SQL on the same index p95 ${sqlOnly.p95.toFixed(0)} ms; ratio ${(api.p95 / sqlOnly.p95).toFixed(1)}×`,
      );
    }
    const browse = await latencies(50, async () =>
      (await fetch(`${base}/api/datasets?pageSize=20`)).arrayBuffer(),
    );
    const ckanDeep = await latencies(50, async () =>
      (
        await fetch(`${base}/api/3/action/package_search?q=${encodeURIComponent('企业')}&rows=20&start=2000`)
      ).arrayBuffer(),
    );
    report(
      `catalogue browse without a query (facets over everything): p50 ${browse.p50.toFixed(0)} ms, p95 ${browse.p95.toFixed(0)} ms; CKAN package_search q=企业 start=2000: p95 ${ckanDeep.p95.toFixed(0)} ms (CKAN's own deep paging on catalog.data.gov: about 1 s, ckan/ckan#8772)`,
    );
  } finally {
    await client.end();
    await database.close();
    await server.stop();
  }
}
