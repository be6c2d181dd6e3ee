import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../../test/env.ts';
import { buildCalendar } from '../../../domain/calendar.ts';
import { schedulesFromChineseDays } from '../../../domain/calendar-seed.ts';
import { defaultStages } from '../../../domain/matters.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { CaseHistoryWriter, type HistoryCase, type HistoryEvent } from './history.writer.ts';

const calendar = buildCalendar(schedulesFromChineseDays(2026, 2026), 3);
const writer = new CaseHistoryWriter({
  config: testConfig(),
  calendar: { calendar: async () => calendar } as unknown as CalendarService,
});
const matter = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'M',
  departmentId: '00000000-0000-4000-8000-000000000002',
  type: 'licensing' as const,
  committedLimitDays: 3,
  statutoryLimitDays: 5,
  stages: defaultStages('licensing', false),
  onTheSpot: false,
  minHandlingMinutes: 30,
};
const at = (s: string) => new Date(`${s}+08:00`);
const ev = (kind: HistoryEvent['kind'], when: string, payload: object = {}): HistoryEvent =>
  ({ kind, at: at(when), payload, actorName: '李窗口' }) as HistoryEvent;
const item = (events: HistoryEvent[], over: Partial<HistoryCase> = {}): HistoryCase => ({
  caseNo: 'C1',
  matter,
  regionCode: '330105',
  channel: 'window',
  applicant: { type: 'person', name: '张三', idNumber: '330105198805120377', phone: '13800000001' },
  visits: 1,
  events,
  ...over,
});
const asOf = at('2026-06-15T10:00:00');

// Accepted Mon 06-01; committed due 06-04 (3 days), statutory 06-08 (5 days); completed Wed 06-10 at
// 19:00 (after hours), so past both deadlines; two poor grades.
const late = item(
  [
    ev('submitted', '2026-06-01T09:00:00', { channel: 'window' }),
    ev('accepted', '2026-06-01T10:00:00'),
    ev('reviewed', '2026-06-03T10:00:00', { opinion: '' }),
    ev('decided', '2026-06-09T10:00:00', { decision: 'approve', opinion: '' }),
    ev('completed', '2026-06-10T19:00:00', { result: 'approved' }),
  ],
  {
    evaluations: [
      { stage: 'accepted', grade: 2, comment: '', realName: true, at: at('2026-06-02T09:00:00') },
      { stage: 'completed', grade: 1, comment: '太慢', realName: true, at: at('2026-06-11T09:00:00') },
    ],
  },
);

describe('CaseHistoryWriter.plan', () => {
  it('numbers the events, projects the clocks and seals the applicant', async () => {
    const plan = await writer.plan([late], { source: 'import', asOf, actorName: 'bureau' });
    expect(plan.events.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'submitted'],
      [2, 'accepted'],
      [3, 'reviewed'],
      [4, 'decided'],
      [5, 'completed'],
    ]);
    expect(plan.events.every((e) => e.caseId === plan.cases[0]!.id && e.regionCode === '330105')).toBe(true);
    const c = plan.cases[0]!;
    expect(c).toMatchObject({
      version: 5,
      status: 'completed',
      open: true, // the matter delivers: open until 出件
      clockState: 'stopped',
      committedDue: '2026-06-04',
      statutoryDue: '2026-06-08',
      calendarVersion: 3,
      source: 'import',
      applicantIdMasked: '330105********0377',
      openFlags: 3,
    });
    expect(JSON.stringify(c)).not.toContain('330105198805120377');
    expect(JSON.stringify(c)).not.toContain('13800000001');
  });

  it('an import detects every flag now, with source import', async () => {
    const plan = await writer.plan([late], { source: 'import', asOf, actorName: 'bureau' });
    expect(plan.flags.map((f) => f.type).sort()).toEqual([
      'outside_working_time',
      'overdue_statutory',
      'poor_evaluation',
    ]);
    for (const f of plan.flags)
      expect(f).toMatchObject({ source: 'import', detectedAt: asOf, status: 'open' });
    // 5 working days after Mon 06-15: 06-23 (06-19 is 端午).
    expect(plan.flags.find((f) => f.type === 'overdue_statutory')!.dueOn).toBe('2026-06-23');
    expect(plan.flagActions).toHaveLength(3);
    // Both poor grades point at the one live poor_evaluation flag.
    const poor = plan.flags.find((f) => f.type === 'poor_evaluation')!.id;
    expect(plan.evaluations.map((e) => e.flagId)).toEqual([poor, poor]);
    expect(plan.result).toMatchObject({ cases: 1, events: 5, flags: 3 });
  });

  it('history written as live detects each flag when a live case would have raised it', async () => {
    const plan = await writer.plan([late], { source: 'live', asOf, actorName: 'seed' });
    const flag = (type: string) => plan.flags.find((f) => f.type === type)!;
    // The daily scan raised the committed one first, the day after its deadline, and the statutory one later.
    expect(flag('overdue_committed')).toMatchObject({
      source: 'scan',
      detectedAt: at('2026-06-05T00:00:00'),
      dueOn: '2026-06-12',
    });
    expect(flag('overdue_statutory')).toMatchObject({
      source: 'scan',
      detectedAt: at('2026-06-09T00:00:00'),
    });
    // The event rule held from the completion after hours on.
    expect(flag('outside_working_time')).toMatchObject({
      source: 'rule',
      detectedAt: at('2026-06-10T19:00:00'),
    });
    // The first poor grade opened the rectification.
    expect(flag('poor_evaluation')).toMatchObject({
      source: 'evaluation',
      detectedAt: at('2026-06-02T09:00:00'),
    });
    expect(plan.cases[0]).toMatchObject({
      openFlags: 4,
      createdAt: at('2026-06-01T09:00:00'),
      updatedAt: at('2026-06-10T19:00:00'),
    });
  });

  it('writes an abnormal history as it is and flags it', async () => {
    const plan = await writer.plan(
      [
        item([
          ev('submitted', '2026-06-01T09:00:00', { channel: 'window' }),
          ev('completed', '2026-06-01T09:10:00', { result: null }),
          ev('accepted', '2026-06-01T09:20:00'),
        ]),
      ],
      { source: 'live', asOf, actorName: 'seed' },
    );
    expect(plan.cases[0]).toMatchObject({ status: 'accepted', version: 3 });
    const detected = Object.fromEntries(plan.flags.map((f) => [f.type, f.detectedAt]));
    expect(detected).toEqual({
      // Completion without acceptance held after event 2 and stopped holding at event 3: not raised.
      completed_before_accepted: at('2026-06-01T09:20:00'),
      missing_stage: at('2026-06-01T09:20:00'),
      result_missing: at('2026-06-01T09:10:00'),
    });
  });
});
