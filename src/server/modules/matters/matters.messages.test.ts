import { describe, expect, it } from 'vitest';
import { GUIDE_RULE_CODES } from '../../../domain/guide-inspection.ts';
import {
  MATERIAL_FORMS,
  MATERIAL_MEDIA,
  MATTER_LEVELS,
  MATTER_STATUSES,
  MATTER_TYPES,
  SPECIAL_PROCEDURES,
  STAGE_CODES,
} from '../../../domain/matters.ts';
import { label, type LabelKind } from '../../http/labels.ts';
import { isMessageKey, translate } from '../../http/messages.ts';
import { findingMessage } from './matters.present.ts';

/** The reasons domain/matters.ts matterProblems gives. */
const DOMAIN_REASONS = [
  'oneOf',
  'dayCount',
  'onTheSpotLimit',
  'limitRequired',
  'committedAboveStatutory',
  'range',
  'stageTwice',
  'stageOrder',
  'stageMandatory',
  'stageMissing',
  'stageDaysAboveCommitted',
  'duplicate',
  'required',
  'amount',
];

/** Every parameter a finding may carry (domain/guide-inspection.ts). */
const PARAMS = {
  committed: 12,
  statutory: 10,
  days: 400,
  index: 2,
  first: 0,
  name: '身份证',
  copies: 0,
  depth: 3,
  visits: 1,
  type: 'filing',
  procedure: 'hearing',
  updatedOn: '2025-01-01',
};

describe('matters messages and labels', () => {
  it('words every reason of the domain’s matter rules in both languages', () => {
    for (const r of DOMAIN_REASONS) {
      const key = `od.matters.${r}`;
      expect(isMessageKey(key), key).toBe(true);
      const params = {
        allowed: 'a, b',
        max: 365,
        min: 0,
        statutory: 10,
        stage: 'accept',
        stageZh: '受理',
        stageEn: 'Acceptance',
        days: 9,
        committed: 5,
      };
      for (const lang of ['zh-CN', 'en'] as const)
        expect(translate(key as never, lang, params), `${key} ${lang}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('words every inspection rule in both languages, with every parameter filled in', () => {
    for (const rule of GUIDE_RULE_CODES) {
      expect(isMessageKey(`od.matters.inspection.${rule}`), rule).toBe(true);
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = findingMessage(rule, PARAMS, lang);
        expect(text, `${rule} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(label('guideRule', rule, lang), rule).not.toBe(rule);
      }
    }
    expect(findingMessage('special_procedure_not_applicable', PARAMS, 'zh-CN')).toBe(
      '行政备案事项不适用特别程序「听证」',
    );
    expect(findingMessage('material_duplicate_name', PARAMS, 'en')).toBe(
      'Material 3 "身份证" has the same name as material 1',
    );
  });

  it('names every code of matters and guides', () => {
    const kinds: [LabelKind, readonly string[]][] = [
      ['matterType', MATTER_TYPES],
      ['matterLevel', MATTER_LEVELS],
      ['matterStatus', MATTER_STATUSES],
      ['matterStage', STAGE_CODES],
      ['specialProcedure', SPECIAL_PROCEDURES],
      ['materialForm', MATERIAL_FORMS],
      ['materialMedium', MATERIAL_MEDIA],
      ['onlineDepth', ['1', '2', '3', '4']],
      ['findingSeverity', ['error', 'warning']],
    ];
    for (const [kind, codes] of kinds)
      for (const c of codes)
        for (const lang of ['zh-CN', 'en'] as const) expect(label(kind, c, lang), `${kind}.${c}`).not.toBe(c);
  });
});
