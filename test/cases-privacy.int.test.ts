import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../src/domain/permissions.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { insertMatter } from './supervision-fixtures.ts';
import { DEMO_USER_OF, FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** 2026-03-02 (Monday) 10:00 China time. */
const MONDAY = new Date('2026-03-02T02:00:00Z');
const NAME = '欧阳明月';
const ID = '110101199003074477';
const PHONE = '13912345678';
const FULL = [NAME, ID, PHONE];

/** Every cell of a workbook's first sheet as text, one line per row. */
async function workbookText(raw: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0]!.eachRow((r) => lines.push((r.values as unknown[]).slice(1).map(String).join('\t')));
  return lines.join('\n');
}

/** The body of an answer as text: JSON as it is sent, a workbook's cells. */
async function bodyText(res: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }) {
  const type = String(res.headers['content-type'] ?? '');
  return type.includes('spreadsheet') ? workbookText(res.rawPayload) : res.body;
}

describe('applicants’ personal data masked by default, unmasked with a permission and a reason (PI-1, PI-3)', () => {
  let ctx: TestContext;
  const clock = new FakeClock(MONDAY);
  const sessions = new Map<Role, Session>();
  let person: Json;
  let enterprise: Json;

  const audits = (action: string, target: string) =>
    ctx.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.target, target)))
      .orderBy(asc(auditLog.seq));

  beforeAll(async () => {
    ctx = await startTestApp({ clock });
    for (const role of ROLES) sessions.set(role, await signIn(ctx.app, DEMO_USER_OF[role]));
    // A matter of 民政局, so that its case officer and approver reach the cases too.
    const dept = (await ctx.services.repos.departments.byCode('mzj'))!;
    const m = await insertMatter(ctx, { departmentId: dept.id, onlineDepth: 4 });
    const window = sessions.get('window_officer')!;
    // Taken in at a street's service centre: the street officer reaches it as well.
    const intake = async (applicant: Json) => {
      const res = await window.request('POST', '/api/cases', {
        matterId: m.id,
        regionCode: '330105013',
        applicant,
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { case: Json }).case;
    };
    person = await intake({ type: 'person', name: NAME, idNumber: ID, phone: PHONE });
    enterprise = await intake({
      type: 'enterprise',
      name: '杭州明月科技有限公司',
      idNumber: '91350100M000100Y43',
    });
    // A supplement notice, so that its workbook is one of the views.
    const accepted = await window.request('POST', `/api/cases/${person.id}/actions`, {
      kind: 'accepted',
      version: person.version,
      payload: {},
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const noticed = await sessions
      .get('dept_case_officer')!
      .request('POST', `/api/cases/${person.id}/actions`, {
        kind: 'supplement_requested',
        version: accepted.json().version,
        payload: { items: [{ material: '身份证复印件', reason: '不清晰' }] },
      });
    expect(noticed.statusCode, noticed.body).toBe(200);
  });
  afterAll(() => ctx.close());

  it('the queue, its export, the case page and the supplement notice show a person masked, an enterprise in full', async () => {
    const window = sessions.get('window_officer')!;
    const page = (await window.request('GET', `/api/cases/${person.id}`)).json() as Json;
    expect(page).toMatchObject({
      applicantType: 'person',
      applicantName: '欧***',
      applicantIdMasked: '110101********4477',
      applicantPhoneMasked: '139****5678',
    });
    const list = (await window.request('GET', `/api/cases?q=${person.caseNo}`)).json() as Json;
    expect(list.items).toEqual([expect.objectContaining({ caseNo: person.caseNo, applicantName: '欧***' })]);
    // Searching by the full name still finds the case, and answers the name masked.
    const byName = (await window.request('GET', `/api/cases?q=${encodeURIComponent(NAME)}`)).json() as Json;
    expect(byName.items.map((i: Json) => i.applicantName)).toEqual(['欧***']);
    // A part of a name finds nothing: extended a character at a time it would spell the name out.
    const part = (
      await window.request('GET', `/api/cases?q=${encodeURIComponent(NAME.slice(0, 2))}`)
    ).json() as Json;
    expect(part.items).toEqual([]);
    // An organisation is not personal data: part of its name finds it.
    const byOrg = (
      await window.request('GET', `/api/cases?q=${encodeURIComponent('明月科技')}`)
    ).json() as Json;
    expect(byOrg.items.map((i: Json) => i.applicantName)).toContain('杭州明月科技有限公司');
    const exported = await window.request('GET', `/api/cases/export.xlsx?q=${person.caseNo}`);
    expect(exported.statusCode).toBe(200);
    const sheet = await workbookText(exported.rawPayload);
    expect(sheet).toContain(person.caseNo);
    expect(sheet).toContain('欧***');
    const notice = await workbookText(
      (await window.request('GET', `/api/cases/${person.id}/supplement-notice.xlsx`)).rawPayload,
    );
    expect(notice).toContain('欧***：');
    for (const text of [JSON.stringify(page), JSON.stringify(list), JSON.stringify(byName), sheet, notice])
      for (const full of FULL) expect(text).not.toContain(full);

    // An organisation is not personal data: its name stays whole; its USCC stays masked as before.
    const org = (await window.request('GET', `/api/cases/${enterprise.id}`)).json() as Json;
    expect(org).toMatchObject({
      applicantName: '杭州明月科技有限公司',
      applicantIdMasked: '91************0Y43',
      applicantPhoneMasked: null,
    });
  });

  it('unmasking needs the permission (403), a reason (400 naming it) and the case in scope (404)', async () => {
    const url = `/api/cases/${person.id}/unmask`;
    const leader = await sessions.get('leader')!.request('POST', url, { reason: '核实身份' });
    expect(leader.statusCode).toBe(403);
    const street = await sessions.get('street_officer')!.request('POST', url, { reason: '核实身份' });
    expect(street.statusCode).toBe(403);

    const window = sessions.get('window_officer')!;
    for (const body of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: '核' },
      { reason: 'x'.repeat(201) },
    ]) {
      const res = await window.request('POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields[0].path).toBe('reason');
    }
    const extra = await window.request('POST', url, { reason: '核实身份', fields: ['phone'] });
    expect(extra.statusCode).toBe(400);

    // Another department's case officer holds the permission but not the case: as if it did not exist.
    const foreign = await signIn(ctx.app, 'case-scj');
    expect((await foreign.request('POST', url, { reason: '核实身份' })).statusCode).toBe(404);
    expect(
      (
        await window.request('POST', '/api/cases/00000000-0000-4000-8000-000000000000/unmask', {
          reason: '核实身份',
        })
      ).statusCode,
    ).toBe(404);
    // None of these left an unmask record.
    expect(await audits('case.applicant.unmask', person.caseNo)).toHaveLength(0);
  });

  it('with the permission and a reason answers the full values and writes one record with the reason, not the values', async () => {
    const officer = sessions.get('dept_case_officer')!;
    const res = await officer.request('POST', `/api/cases/${person.id}/unmask`, {
      reason: '  电话通知补正  ',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      caseNo: person.caseNo,
      applicantType: 'person',
      name: NAME,
      idNumber: ID,
      phone: PHONE,
    });
    const records = await audits('case.applicant.unmask', person.caseNo);
    expect(records).toHaveLength(1);
    expect(records[0]!).toMatchObject({
      actor: 'case-mzj',
      result: 'success',
      detail: { caseId: person.id, reason: '电话通知补正', fields: ['name', 'idNumber', 'phone'] },
    });
    const stored = JSON.stringify(records[0]);
    for (const full of FULL) expect(stored).not.toContain(full);

    // An enterprise without a phone: only the fields it has are named.
    const org = await officer.request('POST', `/api/cases/${enterprise.id}/unmask`, {
      reason: '核对信用代码',
    });
    expect(org.json()).toMatchObject({ idNumber: '91350100M000100Y43', phone: null });
    expect((await audits('case.applicant.unmask', enterprise.caseNo))[0]!.detail).toEqual({
      caseId: enterprise.id,
      reason: '核对信用代码',
      fields: ['name', 'idNumber'],
    });
  });

  it('opening a case page writes one case.view record with the case number', async () => {
    const approver = sessions.get('dept_case_approver')!;
    const before = (await audits('case.view', enterprise.caseNo)).length;
    expect((await approver.request('GET', `/api/cases/${enterprise.id}`)).statusCode).toBe(200);
    const after = await audits('case.view', enterprise.caseNo);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      actor: 'approver-mzj',
      role: expect.any(String),
      detail: { caseId: enterprise.id },
    });
    // Out of scope: a 404 and no view recorded.
    const foreign = await signIn(ctx.app, 'case-scj');
    expect((await foreign.request('GET', `/api/cases/${enterprise.id}`)).statusCode).toBe(404);
    expect(await audits('case.view', enterprise.caseNo)).toHaveLength(before + 1);
  });

  it('PI-1 property: no role receives a person applicant’s full name, ID or phone from any case read, nor from the unmask without cases.unmask', async () => {
    const id = person.id as string;
    const reads = [
      `/api/cases?q=${person.caseNo}`,
      `/api/cases?q=${encodeURIComponent(NAME)}`,
      '/api/cases?open=true&pageSize=100',
      `/api/cases/${id}`,
      `/api/cases/export.xlsx?q=${person.caseNo}`,
      `/api/cases/${id}/supplement-notice.xlsx`,
      '/api/evaluations?pageSize=100',
      '/api/evaluations/export.xlsx',
      '/api/supervision/flags?pageSize=100',
    ];
    const withoutUnmask = ROLES.filter((r) => !ROLE_PERMISSIONS[r].includes('cases.unmask'));
    expect(withoutUnmask).toEqual(expect.arrayContaining(['leader', 'street_officer', 'bureau_admin']));
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...reads, 'unmask'),
        async (role, endpoint) => {
          // Only the unmask answers full values, and only to a holder of the permission.
          if (endpoint === 'unmask' && ROLE_PERMISSIONS[role].includes('cases.unmask')) return;
          const s = sessions.get(role)!;
          const res =
            endpoint === 'unmask'
              ? await s.request('POST', `/api/cases/${id}/unmask`, { reason: '核实身份' })
              : await s.request('GET', endpoint);
          if (res.statusCode === 200) reached++;
          const text = await bodyText(res);
          for (const full of FULL) expect(text, `${role} ${endpoint}`).not.toContain(full);
          if (endpoint === 'unmask') expect(res.statusCode).toBe(403);
        },
      ),
      { numRuns: 150 },
    );
    // The property read real answers, not only refusals.
    expect(reached).toBeGreaterThan(10);
    // Every role without the permission reads the case page masked where it reaches the case at all.
    for (const role of withoutUnmask) {
      const res = await sessions.get(role)!.request('GET', `/api/cases/${id}`);
      if (res.statusCode === 200) expect(res.json().applicantName).toBe('欧***');
    }
  });
});
