import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EVENT_KINDS } from '../src/domain/cases.ts';
import { defaultStages } from '../src/domain/matters.ts';
import { isMessageKey, translate } from '../src/server/http/messages.ts';
import type { SheetSpec } from '../src/server/http/xlsx-import.ts';
import { CASE_SHEET, EVENT_SHEET, IMPORT_MAX_CASES } from '../src/server/modules/cases/cases.import.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NDJSON = 'application/x-ndjson';
/** "Now" for the import: Monday 2026-11-16, 10:00 China time. */
const NOW = new Date('2026-11-16T02:00:00Z');
const TODAY = '2026-11-16';
const RECTIFY_DAYS = 5; // config defaults (RECTIFY_DAYS, POOR_EVALUATION_RECTIFY_DAYS)

// ---------------------------------------------------------------------------------------------
// An independent model of the clock: a naive day-by-day walk over the official 2026 schedule
// (国务院办公厅 notice of 2025-11-04, ../shared/standards/README.md), written here without the domain.

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
};
function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
const HOLIDAYS_2026 = new Set(
  [
    ['2026-01-01', '2026-01-03'],
    ['2026-02-15', '2026-02-23'],
    ['2026-04-04', '2026-04-06'],
    ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'],
    ['2026-09-25', '2026-09-27'],
    ['2026-10-01', '2026-10-07'],
  ].flatMap(([a, b]) => range(a!, b!)),
);
const MAKE_UP_2026 = new Set([
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);
function isWorkday2026(d: string): boolean {
  if (!d.startsWith('2026-')) throw new Error(`the model knows 2026 only: ${d}`);
  if (MAKE_UP_2026.has(d)) return true;
  if (HOLIDAYS_2026.has(d)) return false;
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow >= 1 && dow <= 5;
}
/** The n-th counted day after `start`, skipping days inside pauses (both ends included). */
function walkDue(start: string, budget: number, pauses: [string, string][]): string {
  if (budget === 0) return start;
  let d = start;
  for (let n = 0; ;) {
    d = nextDay(d);
    if (isWorkday2026(d) && !pauses.some(([a, b]) => d >= a && d <= b) && ++n === budget) return d;
  }
}
const chinaDay = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const chinaMinute = (iso: string) => {
  const t = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return t.getUTCHours() * 60 + t.getUTCMinutes();
};

/** Due dates and the clock and working-time flags of a case, from its events, by the model above. */
function expected(c: Json, limits: { committed: number; statutory: number }) {
  const events: Json[] = c.events;
  const accepted = chinaDay(events.find((e) => e.kind === 'accepted')!.at);
  const pauses: [string, string][] = [];
  let open: string | null = null;
  let extension = 0;
  let stop: string | null = null;
  for (const e of events) {
    const day = chinaDay(e.at);
    if (e.kind === 'supplement_requested' || e.kind === 'special_started') open ??= day;
    if ((e.kind === 'supplement_received' || e.kind === 'special_ended') && open) {
      pauses.push([open, day]);
      open = null;
    }
    if (e.kind === 'extended') extension += e.payload.days;
    if (e.kind === 'completed') stop = day;
  }
  const committedDue = walkDue(accepted, limits.committed + extension, pauses);
  const statutoryDue = walkDue(accepted, limits.statutory + extension, pauses);
  const until = stop ?? TODAY;
  const flags = new Set<string>();
  if (until > statutoryDue) flags.add('overdue_statutory');
  else if (until > committedDue) flags.add('overdue_committed');
  const staff = ['accepted', 'refused', 'reviewed', 'decided', 'completed'];
  const outside = events.some(
    (e) =>
      staff.includes(e.kind) &&
      (!isWorkday2026(chinaDay(e.at)) || chinaMinute(e.at) < 8 * 60 + 30 || chinaMinute(e.at) >= 18 * 60),
  );
  if (outside) flags.add('outside_working_time');
  return { committedDue, statutoryDue, flags: [...flags].sort() };
}

/** A problem's message as the server words it in Chinese (the key itself until the catalogue has it). */
const text = (key: string, params: Record<string, unknown> = {}) =>
  isMessageKey(key) ? translate(key, 'zh-CN', params) : key;

// ---------------------------------------------------------------------------------------------

describe('historical case import', () => {
  let ctx: TestContext;
  let bureau: Session;
  const m1 = { committed: 10, statutory: 20 };
  const m2 = { committed: 3, statutory: 5 };
  let M1 = '';
  let M2 = '';
  let fixture: Json[] = [];

  const q = async <T = Json>(sqlText: string, params: unknown[] = []) =>
    ctx.database.query<T>(sqlText, params);
  const count = async (table: string) =>
    Number((await q<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
  const counts = async () => ({
    cases: await count('cases'),
    events: await count('case_events'),
    flags: await count('case_flags'),
    evaluations: await count('case_evaluations'),
    audit: await count('audit_log'),
  });
  const upload = (body: string | Buffer, query = '', type = NDJSON, session = bureau) =>
    session.request('POST', `/api/cases/import${query}`, body, { 'content-type': type });
  const lines = (cases: Json[]) => cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const renamed = (cases: Json[], suffix: string) =>
    cases.map((c) => ({ ...c, caseNo: `${c.caseNo}-${suffix}` }));
  const flagsOf = async (caseNo: string) =>
    (
      await q<{ type: string }>(
        'select f.type from case_flags f join cases c on c.id = f.case_id where c.case_no = $1 order by f.type',
        [caseNo],
      )
    ).map((r) => r.type);

  beforeAll(async () => {
    ctx = await startTestApp({ clock: new FakeClock(NOW) });
    bureau = await signIn(ctx.app, 'bureau');
    // Two matters of the market regulator: 10/20 working days and 3/5, with the default licensing stages.
    const stages = JSON.stringify(defaultStages('licensing', false));
    const [dept] = await q<{ id: string; uscc: string; region_code: string }>(
      "select id, uscc, region_code from departments where code = 'scj'",
    );
    M1 = `${dept!.uscc}4990000000001`;
    M2 = `${dept!.uscc}4990000000002`;
    for (const [code, limits] of [
      [M1, m1],
      [M2, m2],
    ] as const)
      await q(
        `insert into matters (code, basic_code, name, type, level, department_id, region_code, statutory_limit_days,
           committed_limit_days, max_extension_days, visits, online_depth, stages, special_procedures, min_handling_minutes)
         values ($1, $2, $3, 'licensing', 'district', $4, $5, $6, $7, 10, 1, 3, $8::jsonb,
           '["hearing","testing","inspection","expert_review"]'::jsonb, 30)`,
        [
          code,
          code.slice(19),
          `历史导入测试事项 ${code.slice(-1)}`,
          dept!.id,
          dept!.region_code,
          limits.statutory,
          limits.committed,
          stages,
        ],
      );
    const raw = readFileSync(new URL('./fixtures/cases-import/clock-cases.ndjson', import.meta.url), 'utf8');
    fixture = raw
      .replaceAll('{{M1}}', M1)
      .replaceAll('{{M2}}', M2)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
  });
  afterAll(async () => ctx?.close());

  it('imports the clock cases with the deadlines and flags an independent walk over the 2026 schedule gives', async () => {
    const before = await counts();
    const res = await upload(lines(fixture));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Json;
    expect(body).toMatchObject({ cases: 7, events: 38, dryRun: false });

    // Hand-checked anchors of the model itself.
    const byNo = new Map(fixture.map((c) => [c.caseNo as string, c]));
    expect(expected(byNo.get('HZ-HIST-A001')!, m1).committedDue).toBe('2026-04-20'); // 04-02..04-08 paused
    expect(expected(byNo.get('HZ-HIST-B001')!, m1).committedDue).toBe('2026-05-20'); // 05-09 inside the pause
    expect(expected(byNo.get('HZ-HIST-C001')!, m1).committedDue).toBe('2026-03-23'); // 10 + 5 days
    expect(expected(byNo.get('HZ-HIST-D001')!, m2)).toMatchObject({
      committedDue: '2026-06-09', // the notice on the last day (06-04) hands that day back
      statutoryDue: '2026-06-11',
    });
    expect(expected(byNo.get('HZ-HIST-E001')!, m1).committedDue).toBe('2026-10-20'); // from 10-08, 10-10 counts

    for (const c of fixture.slice(0, 5)) {
      const want = expected(c, c.matterCode === M2 ? m2 : m1);
      const [row] = await q<Json>(
        `select committed_due::text, statutory_due::text, source, version, open_flags from cases where case_no = $1`,
        [c.caseNo],
      );
      expect({ caseNo: c.caseNo, committed: row!.committed_due, statutory: row!.statutory_due }).toEqual({
        caseNo: c.caseNo,
        committed: want.committedDue,
        statutory: want.statutoryDue,
      });
      const poor = (c.evaluations ?? []).some((e: Json) => e.grade <= 2);
      const flags = [...want.flags, ...(poor ? ['poor_evaluation'] : [])].sort();
      expect({ caseNo: c.caseNo, flags: await flagsOf(c.caseNo) }).toEqual({ caseNo: c.caseNo, flags });
      expect(row).toMatchObject({ source: 'import', version: c.events.length, open_flags: flags.length });
    }
    // Exactly the flags the cases call for (D is still open, past both deadlines; E was accepted on a holiday).
    expect(await flagsOf('HZ-HIST-B001')).toEqual(['overdue_committed']);
    expect(await flagsOf('HZ-HIST-D001')).toEqual(['overdue_statutory']);
    expect(await flagsOf('HZ-HIST-E001')).toEqual(['outside_working_time']);
    expect(body.flags).toBe(3 + 1 + 3 + 2);

    const after = await counts();
    expect(after).toEqual({
      cases: before.cases + 7,
      events: before.events + 38,
      flags: before.flags + 9,
      evaluations: before.evaluations + 2,
      audit: before.audit + 1,
    });
  });

  it('flags abnormal histories exactly, with a rectification deadline in working days from the import', async () => {
    expect(await flagsOf('HZ-HIST-F001')).toEqual([
      'completed_before_accepted',
      'missing_stage',
      'result_missing',
    ]);
    expect(await flagsOf('HZ-HIST-G001')).toEqual(['accepted_before_submitted', 'too_fast']);
    const flags = await q<Json>(
      `select f.type, f.source, f.status, f.level, f.detected_at, f.due_on::text as due_on, f.params, f.region_code, a.action, a.actor_name
         from case_flags f join cases c on c.id = f.case_id join case_flag_actions a on a.flag_id = f.id
        where c.case_no in ('HZ-HIST-F001', 'HZ-HIST-G001', 'HZ-HIST-C001')`,
    );
    expect(flags).toHaveLength(6);
    for (const f of flags) {
      expect(f).toMatchObject({
        source: 'import',
        status: 'open',
        action: 'raised',
        actor_name: expect.any(String),
      });
      expect(new Date(f.detected_at).getTime()).toBe(NOW.getTime());
      expect(f.due_on).toBe(walkDue(TODAY, RECTIFY_DAYS, [])); // 2026-11-23
    }
    expect(flags.find((f) => f.type === 'missing_stage')!.params).toEqual({ stages: 'review,decide' });
    expect(flags.find((f) => f.type === 'too_fast')!.params).toEqual({ minutes: 20, min: 30 });
    expect(flags.find((f) => f.type === 'completed_before_accepted')!.level).toBe('alarm');
    expect(flags.find((f) => f.type === 'accepted_before_submitted')!.region_code).toBe('330105012');

    // The poor grade links its evaluation to the flag; the return visit is kept.
    const [evaluation] = await q<Json>(
      `select e.grade, e.real_name, e.return_visit_by, f.type from case_evaluations e
         join cases c on c.id = e.case_id join case_flags f on f.id = e.flag_id where c.case_no = 'HZ-HIST-C001'`,
    );
    expect(evaluation).toMatchObject({
      grade: 2,
      real_name: true,
      return_visit_by: '孙回访',
      type: 'poor_evaluation',
    });
  });

  it('keeps the history as given, seals personal data, pushes nothing upstream and audits the import', async () => {
    const [c] = await q<Json>(
      `select id, status, open, clock_state, applicant_id_enc, applicant_id_masked, applicant_phone_enc, visits,
              channel, region_code, department_id, internal from cases where case_no = 'HZ-HIST-A001'`,
    );
    expect(c).toMatchObject({
      status: 'delivered',
      open: false,
      clock_state: 'stopped',
      visits: 1,
      internal: false,
    });
    expect(c!.region_code).toBe('330105'); // the matter's department's region when the file names none
    expect(c!.applicant_id_masked).toBe('330105********0377');
    expect(JSON.stringify(c)).not.toContain('330105198805120377');
    expect(JSON.stringify(c)).not.toContain('13800000001');
    const events = await q<Json>(
      'select seq, kind, actor_name, actor_role, payload from case_events where case_id = $1 order by seq',
      [c!.id],
    );
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[0]).toMatchObject({
      kind: 'submitted',
      payload: { channel: 'window' },
      actor_role: 'window_officer',
    });
    expect(events[2]!.payload).toEqual({ items: [{ material: '营业执照复印件', reason: '未加盖公章' }] });
    // An open case keeps counting: D is paused no more and overdue.
    const [d] = await q<Json>(`select status, open, clock_state from cases where case_no = 'HZ-HIST-D001'`);
    expect(d).toMatchObject({ status: 'accepted', open: true, clock_state: 'running' });
    expect(await count("case_outbox o join cases c on c.id = o.case_id where c.source = 'import'")).toBe(0);
    const [audit] = await q<Json>(
      "select actor, detail from audit_log where action = 'cases.import' order by seq desc limit 1",
    );
    expect(audit).toMatchObject({
      actor: 'bureau',
      detail: { format: 'ndjson', cases: 7, events: 38, flags: 9 },
    });
  });

  it('stores text exactly as given, whatever its characters', async () => {
    const nasty = 'NULL';
    const odd = 'a"b\\c{d},e\'f\n换行 \t😀';
    const c = {
      ...fixture[0]!,
      caseNo: 'HZ-HIST-TEXT1',
      applicant: { type: 'person', name: odd },
      events: fixture[0]!.events.map((e: Json, i: number) => ({
        ...e,
        actorName: i === 0 ? nasty : i === 1 ? '' : odd,
        ...(e.kind === 'supplement_received' ? { payload: { note: odd } } : {}),
      })),
    };
    const res = await upload(lines([c]));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await q<Json>("select id, applicant_name from cases where case_no = 'HZ-HIST-TEXT1'");
    expect(row!.applicant_name).toBe(odd);
    const events = await q<Json>(
      'select actor_name, actor_role, payload from case_events where case_id = $1 order by seq',
      [row!.id],
    );
    expect(events.map((e) => e.actor_name)).toEqual([nasty, '', ...Array(6).fill(odd)]);
    expect(events[1]!.actor_role).toBe('window_officer');
    expect(events[3]!.payload).toEqual({ note: odd });
  });

  it('refuses the same file again: every case number already exists, nothing written', async () => {
    const before = await counts();
    const res = await upload(lines(fixture));
    expect(res.statusCode).toBe(422);
    const body = res.json() as Json;
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.problems).toEqual(
      fixture.map((c, i) => ({
        sheet: '',
        row: i + 1,
        column: 'caseNo',
        message: text('od.cases.import.duplicateInDb', { caseNo: c.caseNo }),
      })),
    );
    expect(await counts()).toEqual(before);
  });

  it('a dry run checks and counts, flags included, and writes nothing', async () => {
    const before = await counts();
    const res = await upload(lines(renamed(fixture, 'DRY')), '?dryRun=true', `${NDJSON}; charset=utf-8`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      cases: 7,
      events: 38,
      flags: 9,
      flagsByType: {
        overdue_committed: 1,
        overdue_statutory: 1,
        outside_working_time: 1,
        poor_evaluation: 1,
        completed_before_accepted: 1,
        missing_stage: 1,
        result_missing: 1,
        accepted_before_submitted: 1,
        too_fast: 1,
      },
      dryRun: true,
    });
    expect(await counts()).toEqual(before);
  });

  it('reports every bad line of a malformed file at once and writes nothing', async () => {
    const good = fixture[0]!;
    const ok = (over: Json, suffix: string): Json => ({ ...good, caseNo: `BAD-${suffix}`, ...over });
    const ev = (kind: string, at: string, payload?: Json) => ({
      kind,
      at,
      actorName: '李窗口',
      ...(payload ? { payload } : {}),
    });
    const sub = ev('submitted', '2026-03-02T09:00:00+08:00');
    const acc = ev('accepted', '2026-03-02T09:30:00+08:00');
    const file = [
      JSON.stringify(ok({}, 'OK')), // 1: fine on its own
      '{"caseNo": "BAD-2", "events": [', // 2: not JSON
      JSON.stringify(ok({ matterCode: `${M1.slice(0, 19)}999999999999` }, '3')), // 3: unknown matter
      JSON.stringify(ok({}, 'OK')), // 4: duplicate of line 1
      JSON.stringify(ok({ events: [sub, ev('approved_by_magic', '2026-03-02T10:00:00+08:00')] }, '5')), // 5
      JSON.stringify(ok({ events: [sub, ev('accepted', '2026-03-02 09:30:00')] }, '6')), // 6: no offset
      JSON.stringify(
        ok({ events: [sub, acc, ev('extended', '2026-03-03T10:00:00+08:00', { days: 0 })] }, '7'),
      ), // 7
      JSON.stringify(ok({ events: [acc, ev('submitted', '2026-03-02T09:00:00+08:00')] }, '8')), // 8: out of order
      JSON.stringify(ok({ events: [acc] }, '9')), // 9: no submitted event
      JSON.stringify(ok({ events: [sub, ev('accepted', '2026-12-01T09:00:00+08:00')] }, '10')), // 10: future
      JSON.stringify(
        ok({ applicant: { type: 'person', name: '张三', idNumber: '330105198805120378' } }, '11'),
      ), // 11
      '',
      JSON.stringify(ok({ channel: 'fax', hello: 1 }, '13')), // 13: bad channel, unknown field
    ].join('\r\n');
    const before = await counts();
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    const problems = (res.json() as Json).problems as Json[];
    const at = (row: number) => problems.filter((p) => p.row === row).map((p) => [p.column, p.message]);
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual([[null, text('od.cases.import.json')]]);
    expect(at(3)).toEqual([
      ['matterCode', text('od.cases.import.unknownMatter', { code: `${M1.slice(0, 19)}999999999999` })],
    ]);
    expect(at(4)).toEqual([['caseNo', text('od.import.duplicateInFile', { row: 1 })]]);
    expect(at(5)).toEqual([
      [
        'events.1.kind',
        text('od.cases.import.unknownKind', {
          kind: 'approved_by_magic',
          allowed: CASE_EVENT_KINDS.join(', '),
        }),
      ],
    ]);
    expect(at(6)).toEqual([['events.1.at', text('od.cases.import.isoTime')]]);
    expect(
      at(7)
        .map(([c]) => c)
        .sort(),
    ).toEqual(['events.2.payload.days', 'events.2.payload.reason']);
    expect(at(8)).toEqual([
      ['events.1.at', text('od.cases.import.order', { previous: '2026-03-02 09:30:00' })],
    ]);
    expect(at(9)).toEqual([['events', text('od.cases.import.noSubmitted')]]);
    expect(at(10)).toEqual([['events.1.at', text('od.cases.import.future', { now: '2026-11-16 10:00:00' })]]);
    expect(at(11).map(([c]) => c)).toEqual(['applicant.idNumber']);
    expect(
      at(13)
        .map(([c]) => c)
        .sort(),
    ).toEqual(['channel', 'hello']);
    expect(problems.every((p) => p.sheet === '')).toBe(true);
    expect((res.json() as Json).problemCount).toBe(problems.length);
    expect(await counts()).toEqual(before);
  });

  it('refuses files over the size caps as a whole, and what is not a case file', async () => {
    const many = '{}\n'.repeat(IMPORT_MAX_CASES + 1);
    const res = await upload(many);
    expect(res.statusCode).toBe(422);
    expect((res.json() as Json).problems).toEqual([
      {
        sheet: '',
        row: 0,
        column: null,
        message: text('od.cases.import.tooManyCases', { max: IMPORT_MAX_CASES, found: IMPORT_MAX_CASES + 1 }),
      },
    ]);
    const binary = await upload(Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect((binary.json() as Json).problems[0].message).toBe(text('od.cases.import.encoding'));
    const notXlsx = await upload(Buffer.from('hello'), '', XLSX);
    expect(notXlsx.statusCode).toBe(422);
    expect((notXlsx.json() as Json).problems[0].message).toBe(text('od.import.notXlsx'));
    expect((await upload('\n\n')).statusCode).toBe(422);
    expect((await upload(JSON.stringify(fixture[0]), '', 'application/json')).statusCode).toBe(415);
  });

  it('is the bureau’s: a window officer may not import', async () => {
    const window = await signIn(ctx.app, 'window');
    expect((await upload(lines(renamed(fixture, 'W')), '', NDJSON, window)).statusCode).toBe(403);
    expect((await window.request('GET', '/api/cases/import/template.xlsx')).statusCode).toBe(403);
  });

  // -------------------------------------------------------------------------------------------
  // Excel

  type Row = Record<string, ExcelJS.CellValue>;
  async function workbook(cases: Row[], events: Row[], english = false) {
    const wb = new ExcelJS.Workbook();
    const add = (spec: SheetSpec, rows: Row[]) => {
      const ws = wb.addWorksheet(english ? spec.nameEn : spec.name);
      ws.addRow(spec.columns.map((c) => (english ? c.headerEn : c.header)));
      for (const r of rows) ws.addRow(spec.columns.map((c) => r[c.key] ?? null));
    };
    add(CASE_SHEET, cases);
    add(EVENT_SHEET, events);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const chinaTime = (iso: string) =>
    new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  /** The fixture as a district would fill in the template: Chinese labels, China times, one evaluation. */
  function asRows(cases: Json[]) {
    const caseRows: Row[] = [];
    const eventRows: Row[] = [];
    const labels: Record<string, string> = {
      window: '窗口',
      online: '网上',
      person: '自然人',
      enterprise: '法人',
    };
    for (const c of cases) {
      const e = c.evaluations?.[0];
      caseRows.push({
        caseNo: c.caseNo,
        matterCode: c.matterCode,
        regionCode: c.regionCode,
        channel: labels[c.channel],
        applicantType: labels[c.applicant.type],
        applicantName: c.applicant.name,
        applicantId: c.applicant.idNumber,
        applicantPhone: c.applicant.phone,
        visits: c.visits,
        ...(e
          ? {
              evaluationStage: '办结环节',
              evaluationGrade: String(e.grade),
              evaluationAt: chinaTime(e.at),
              evaluationComment: e.comment,
              evaluationRealName: e.realName ? '是' : '否',
              returnVisitAt: e.returnVisit ? chinaTime(e.returnVisit.at) : null,
              returnVisitBy: e.returnVisit?.by,
              returnVisitNote: e.returnVisit?.note,
            }
          : {}),
      });
      for (const ev of c.events) {
        const p = ev.payload ?? {};
        eventRows.push({
          caseNo: c.caseNo,
          kind: ev.kind,
          at: chinaTime(ev.at),
          actorName: ev.actorName,
          actorRole: ev.actorRole,
          detail: p.reason ?? p.opinion ?? p.note ?? (ev.kind === 'special_ended' ? p.result : undefined),
          materials: p.items?.map((i: Json) => `${i.material}：${i.reason}`).join('；'),
          procedure: p.procedure,
          days: p.days,
          decision: p.decision === 'approve' ? '准予' : p.decision,
          result: ev.kind === 'completed' ? p.result : undefined,
          method: p.method,
        });
      }
    }
    return { caseRows, eventRows };
  }

  it('imports the same histories from Excel with the same deadlines and flags', async () => {
    const cases = renamed(fixture, 'X');
    const { caseRows, eventRows } = asRows(cases);
    // A real date-time cell is read as China time too.
    eventRows[0]!.at = new Date('2026-03-30T09:00:00Z');
    const res = await upload(await workbook(caseRows, eventRows), '', XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cases: 7, events: 38, flags: 9 });
    const same = await q<Json>(
      `select a.case_no, a.committed_due = b.committed_due and a.statutory_due = b.statutory_due as same,
              (select array_agg(type order by type) from case_flags where case_id = a.id) as fa,
              (select array_agg(type order by type) from case_flags where case_id = b.id) as fb,
              (select array_agg(kind || '|' || at::text || '|' || payload::text order by seq) from case_events where case_id = a.id) as ea,
              (select array_agg(kind || '|' || at::text || '|' || payload::text order by seq) from case_events where case_id = b.id) as eb
         from cases a join cases b on b.case_no = a.case_no || '-X' where a.case_no like 'HZ-HIST-%' and a.case_no not like '%-%-%-%'`,
    );
    expect(same).toHaveLength(7);
    for (const r of same) {
      expect(r.same).toBe(true);
      expect(r.fb).toEqual(r.fa);
      expect(r.eb).toEqual(r.ea);
    }
    const [audit] = await q<Json>(
      "select detail from audit_log where action = 'cases.import' order by seq desc limit 1",
    );
    expect(audit!.detail).toMatchObject({ format: 'xlsx', cases: 7 });
  });

  it('reports every bad row of a malformed workbook by sheet, row and column, in the caller’s language', async () => {
    const cases = renamed(fixture.slice(0, 3), 'Y');
    const { caseRows, eventRows } = asRows(cases);
    caseRows.push({ ...caseRows[0]! }); // row 5: duplicate case number
    caseRows[1]!.matterCode = `${M1.slice(0, 19)}888888888888`; // row 3: unknown matter
    eventRows[1]!.kind = '盖章'; // events row 3: unknown kind
    eventRows[2]!.at = '2026/04/02 15:00'; // events row 4: bad time
    eventRows[2]!.materials = '营业执照复印件'; // events row 4: materials without a reason
    eventRows.push({ caseNo: 'NOPE-1', kind: '受理', at: '2026-03-02 09:00:00' }); // last row: unknown case
    const before = await counts();
    const res = await bureau.request('POST', '/api/cases/import', await workbook(caseRows, eventRows, true), {
      'content-type': XLSX,
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(422);
    const problems = ((res.json() as Json).problems as Json[]).map((p) => [p.sheet, p.row, p.column]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['Cases', 3, 'Matter code'],
        ['Cases', 5, 'Case number'],
        ['Events', 3, 'Event'],
        ['Events', 4, 'Time'],
        ['Events', 4, 'Missing materials'],
        ['Events', eventRows.length + 1, 'Case number'],
      ]),
    );
    expect(problems, JSON.stringify(res.json())).toHaveLength(6);
    const kind = ((res.json() as Json).problems as Json[]).find((p) => p.column === 'Event')!;
    expect(kind.message).toMatch(/^Must be one of: Submitted, Accepted, Refused/);
    expect(await counts()).toEqual(before);
  });

  it('serves the template in either language, and reads it back with headers in English', async () => {
    const zh = await bureau.request('GET', '/api/cases/import/template.xlsx');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(zh.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['办件', '办理事件', '填写说明']),
    );
    const en = await bureau.request('GET', '/api/cases/import/template.xlsx', undefined, {
      'accept-language': 'en',
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Cases', 'Events']));
  });
});
