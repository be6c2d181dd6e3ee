import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedOpenTypes,
  applyDiff,
  availableActions,
  BASE_RESOURCE_ITEM,
  BASE_RESOURCES,
  canonical,
  changedPaths,
  CLASSIFICATION_LEVELS,
  codeProblems,
  DATASET_STATUSES,
  datasetProblems,
  decideTransition,
  diffDatasets,
  DIFF_IGNORED,
  editEffect,
  FIELD_TYPES,
  formatDatasetCode,
  isEmptyDiff,
  LIFECYCLE_ACTIONS,
  maxLevel,
  parseDatasetCode,
  publication,
  TRANSITIONS,
  type DatasetDraft,
  type FieldDraft,
} from './catalog.ts';

const field = (over: Partial<FieldDraft> = {}): FieldDraft => ({
  name: 'uscc',
  label: '统一社会信用代码',
  type: 'string',
  required: true,
  key: true,
  level: 'L1',
  pattern: '^[0-9A-Z]{18}$',
  ...over,
});

const entry = (over: Partial<DatasetDraft> = {}): DatasetDraft => ({
  code: '102001001/000001',
  name: '企业登记信息',
  summary: '本区登记注册的企业基本信息，含名称、统一社会信用代码等。',
  category: 'base',
  baseResource: 'legal_entity',
  format: 'database',
  fields: [field(), field({ name: 'name', label: '企业名称', key: false, pattern: null })],
  sharingType: 'unconditional',
  openType: 'open',
  updateFrequency: 'daily',
  releaseDate: '2026-01-15',
  keywords: ['企业', '法人'],
  relatedCodes: [],
  ...over,
});

const problems = (d: DatasetDraft) => datasetProblems(d).map((p) => `${p.path}:${p.reason}`);

describe('resource codes', () => {
  it('parses 类 项 目 细目 / 顺序码', () => {
    expect(parseDatasetCode('101001001/000001')).toEqual({
      ok: true,
      code: { category: 'base', item: '01', section: '001', subsection: '001', sequence: '000001' },
    });
    expect(parseDatasetCode('301001/000123')).toMatchObject({ ok: true, code: { subsection: '' } });
    expect(parseDatasetCode('201001000001/999999')).toMatchObject({
      ok: true,
      code: { subsection: '000001' },
    });
  });

  it('names the reason of every malformed code', () => {
    const reason = (c: string) => {
      const r = parseDatasetCode(c);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('101001001000001')).toBe('separator');
    expect(reason('101/001/000001')).toBe('separator');
    expect(reason('10100100A/000001')).toBe('digits');
    expect(reason('101001001/00000１')).toBe('digits');
    expect(reason(' 101001001/000001')).toBe('digits');
    expect(reason('401001001/000001')).toBe('class');
    expect(reason('/000001')).toBe('class');
    expect(reason('10/000001')).toBe('item');
    expect(reason('10100/000001')).toBe('section');
    expect(reason('1010010000001/000001')).toBe('subsection');
    expect(reason('101001001/00001')).toBe('sequence');
    expect(reason('101001001/0000001')).toBe('sequence');
    expect(reason('101001001/000000')).toBe('sequence');
  });

  it('round-trips every well-formed code', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom('base', 'theme', 'department' as const),
        digits(2, 2),
        digits(3, 3),
        digits(0, 6),
        digits(6, 6).filter((s) => s !== '000000'),
        (category, item, section, subsection, sequence) => {
          const code = formatDatasetCode({ category, item, section, subsection, sequence });
          expect(parseDatasetCode(code)).toEqual({
            ok: true,
            code: { category, item, section, subsection, sequence },
          });
        },
      ),
    );
  });

  it('never accepts arbitrary text that is not of the form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseDatasetCode(s);
        if (r.ok) expect(s).toMatch(/^[123]\d{5,11}\/\d{6}$/);
      }),
    );
  });

  it('requires the 类 to match the category and, for base resources, the 项 to match the resource', () => {
    expect(codeProblems('101001001/000001', 'base', 'population')).toEqual([]);
    expect(codeProblems('302001001/000001', 'base', 'population').map((p) => p.reason)).toEqual([
      'codeCategory',
      'codeBaseResource',
    ]);
    expect(codeProblems('102001001/000001', 'base', 'population')).toEqual([
      { path: 'code', reason: 'codeBaseResource', params: { item: '01' } },
    ]);
    expect(codeProblems('101001001/000001', 'theme', null)).toEqual([
      { path: 'code', reason: 'codeCategory', params: { digit: '2' } },
    ]);
    expect(codeProblems('399001/000001', 'department', null)).toEqual([]);
    for (const r of BASE_RESOURCES)
      expect(codeProblems(`1${BASE_RESOURCE_ITEM[r]}001/000001`, 'base', r)).toEqual([]);
    expect(codeProblems('1x/000001', 'base', 'population')).toEqual([
      { path: 'code', reason: 'code.digits' },
    ]);
  });
});

describe('entry validation', () => {
  it('accepts a complete entry', () => {
    expect(datasetProblems(entry())).toEqual([]);
  });

  it('names the field of each missing or malformed attribute', () => {
    expect(
      problems(entry({ name: 'x', summary: '太短了', format: 'pdf', updateFrequency: 'hourly' })),
    ).toEqual(['name:length', 'summary:length', 'format:oneOf', 'updateFrequency:oneOf']);
    expect(problems(entry({ name: '   ' }))).toEqual(['name:required']);
    expect(problems(entry({ fields: [] }))).toEqual(['fields:fieldsRequired']);
    expect(problems(entry({ category: 'theme' }))).toEqual([
      'baseResource:baseResourceNotBase',
      'theme:themeRequired',
      'code:codeCategory',
    ]);
    expect(problems(entry({ baseResource: null }))).toEqual(['baseResource:baseResourceRequired']);
    expect(problems(entry({ baseResource: 'weather' }))).toEqual(['baseResource:oneOf']);
    expect(problems(entry({ category: 'other' }))).toEqual([
      'category:oneOf',
      'baseResource:baseResourceNotBase',
    ]);
    expect(problems(entry({ releaseDate: '2026-02-30' }))).toEqual(['releaseDate:releaseDate']);
    expect(problems(entry({ releaseDate: null }))).toEqual([]);
    expect(problems(entry({ sharingMethod: 'fax' }))).toEqual(['sharingMethod:oneOf']);
  });

  it('checks every field: name form and uniqueness, label, type, level, key ⇒ required, pattern', () => {
    const out = problems(
      entry({
        fields: [
          field(),
          field({ key: false }),
          field({ name: 'Bad-Name', label: '' }),
          field({ name: 'a'.repeat(64) }),
          field({ name: 'x1', type: 'text', level: 'L5' }),
          field({ name: 'x2', key: true, required: false }),
          field({ name: 'x3', key: false, pattern: '([a-z' }),
        ],
      }),
    );
    expect(out).toEqual([
      'fields.1.name:fieldNameDuplicate',
      'fields.2.name:fieldName',
      'fields.2.label:required',
      'fields.3.name:fieldName',
      'fields.4.type:oneOf',
      'fields.4.level:oneOf',
      'fields.5.required:keyNotRequired',
      'fields.6.pattern:pattern',
    ]);
    expect(datasetProblems(entry({ fields: [field(), field()] }))[0]?.params).toEqual({ index: 0 });
  });

  it('needs sharing conditions for conditional sharing and a reason for none', () => {
    expect(
      problems(entry({ sharingType: 'conditional', openType: 'conditional', openConditions: '实名申请' })),
    ).toEqual(['sharingConditions:sharingConditionsRequired']);
    expect(problems(entry({ sharingType: 'none', openType: 'closed' }))).toEqual([
      'sharingConditions:sharingReasonRequired',
    ]);
    expect(
      problems(entry({ sharingType: 'none', sharingConditions: '《统计法》第九条', openType: 'closed' })),
    ).toEqual([]);
    expect(problems(entry({ sharingType: 'shared' }))).toEqual(['sharingType:oneOf']);
    expect(problems(entry({ openType: 'conditional' }))).toEqual(['openConditions:openConditionsRequired']);
  });

  it('allows the open types of DB33/T 2351-2021 for the highest field level and the sharing type', () => {
    expect(allowedOpenTypes('L1', 'unconditional')).toEqual(['open', 'conditional', 'closed']);
    expect(allowedOpenTypes('L2', 'unconditional')).toEqual(['conditional', 'closed']);
    expect(allowedOpenTypes('L3', 'conditional')).toEqual(['conditional', 'closed']);
    expect(allowedOpenTypes('L4', 'unconditional')).toEqual(['closed']);
    expect(allowedOpenTypes('L1', 'none')).toEqual(['closed']);
    const l4 = entry({
      fields: [field(), field({ name: 'id_no', label: '身份证号', key: false, level: 'L4' })],
    });
    expect(datasetProblems(l4)).toEqual([
      { path: 'openType', reason: 'openTypeTooOpen', params: { level: 'L4', allowed: 'closed' } },
    ]);
    expect(datasetProblems({ ...l4, openType: 'closed' })).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CLASSIFICATION_LEVELS), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('unconditional', 'conditional', 'none'),
        fc.constantFrom('open', 'conditional', 'closed'),
        (levels, sharingType, openType) => {
          const d = entry({
            fields: levels.map((level, i) => field({ name: `f${i}`, key: false, level })),
            sharingType,
            sharingConditions: '依申请',
            openType,
            openConditions: '依申请',
          });
          const tooOpen = datasetProblems(d).some((p) => p.reason === 'openTypeTooOpen');
          // Closed is always allowed; open only when every field is L1 and the entry is shared.
          if (openType === 'closed') expect(tooOpen).toBe(false);
          if (openType === 'open')
            expect(tooOpen).toBe(levels.some((l) => l !== 'L1') || sharingType === 'none');
          if (levels.includes('L4')) expect(tooOpen).toBe(openType !== 'closed');
        },
      ),
    );
  });

  it('limits keywords and checks related codes', () => {
    expect(problems(entry({ keywords: Array.from({ length: 21 }, (_, i) => `词${i}`) }))).toEqual([
      'keywords:keywordsTooMany',
    ]);
    expect(problems(entry({ keywords: ['企业', '', '企'.repeat(21), '企业'] }))).toEqual([
      'keywords.1:keywordLength',
      'keywords.2:keywordLength',
      'keywords.3:keywordDuplicate',
    ]);
    expect(problems(entry({ relatedCodes: ['101001001/000002', 'abc', '102001001/000001'] }))).toEqual([
      'relatedCodes.1:relatedCode',
      'relatedCodes.2:relatedSelf',
    ]);
  });

  it('takes the highest level of the fields, L1 when there are none', () => {
    expect(maxLevel([])).toBe('L1');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CLASSIFICATION_LEVELS)), (levels) => {
        const m = maxLevel(levels.map((level) => ({ level })));
        expect(levels.every((l) => l <= m)).toBe(true);
        if (levels.length) expect(levels).toContain(m);
      }),
    );
  });
});

describe('lifecycle', () => {
  const provider = { provider: true, bureau: false };
  const bureau = { provider: true, bureau: true };
  const reviewerOnly = { provider: false, bureau: true };
  const nobody = { provider: false, bureau: false };

  it('follows the transition table', () => {
    expect(decideTransition('submit', 'draft', provider, null)).toEqual({ ok: true, to: 'submitted' });
    expect(decideTransition('withdraw', 'submitted', provider, null)).toEqual({ ok: true, to: 'draft' });
    expect(decideTransition('approve', 'submitted', reviewerOnly, null)).toEqual({
      ok: true,
      to: 'approved',
    });
    expect(decideTransition('reject', 'submitted', reviewerOnly, '摘要不清')).toEqual({
      ok: true,
      to: 'draft',
    });
    expect(decideTransition('publish', 'approved', provider, null)).toEqual({ ok: true, to: 'published' });
    expect(decideTransition('publish', 'approved', reviewerOnly, null)).toEqual({
      ok: true,
      to: 'published',
    });
    expect(decideTransition('deprecate', 'published', provider, '系统下线')).toEqual({
      ok: true,
      to: 'deprecated',
    });
  });

  it('refuses by role, then state, then missing comment', () => {
    expect(decideTransition('approve', 'submitted', provider, null)).toEqual({ ok: false, refusal: 'role' });
    expect(decideTransition('submit', 'draft', reviewerOnly, null)).toEqual({ ok: false, refusal: 'role' });
    expect(decideTransition('approve', 'draft', nobody, null)).toEqual({ ok: false, refusal: 'role' });
    expect(decideTransition('approve', 'approved', bureau, null)).toEqual({ ok: false, refusal: 'status' });
    expect(decideTransition('reject', 'submitted', bureau, '  ')).toEqual({ ok: false, refusal: 'comment' });
    expect(decideTransition('deprecate', 'published', bureau, null)).toEqual({
      ok: false,
      refusal: 'comment',
    });
    expect(decideTransition('deprecate', 'deprecated', bureau, 'x')).toEqual({
      ok: false,
      refusal: 'status',
    });
  });

  it('offers exactly the actions that would be allowed', () => {
    expect(availableActions('draft', provider)).toEqual(['submit']);
    expect(availableActions('submitted', bureau)).toEqual(['withdraw', 'approve', 'reject']);
    expect(availableActions('submitted', provider)).toEqual(['withdraw']);
    expect(availableActions('deprecated', bureau)).toEqual([]);
    fc.assert(
      fc.property(
        fc.constantFrom(...DATASET_STATUSES),
        fc.record({ provider: fc.boolean(), bureau: fc.boolean() }),
        (status, standing) => {
          for (const action of LIFECYCLE_ACTIONS) {
            const d = decideTransition(action, status, standing, 'comment');
            expect(d.ok).toBe(availableActions(status, standing).includes(action));
            if (d.ok) expect(d.to).toBe(TRANSITIONS[action].to);
          }
        },
      ),
    );
  });

  it('edits in place, send back to review, make a new version, or are refused, by state', () => {
    expect(DATASET_STATUSES.map(editEffect)).toEqual(['inPlace', 'locked', 'revise', 'newVersion', 'locked']);
    expect(publication({ version: 0, releaseDate: null }, '2026-03-02')).toEqual({
      version: 1,
      releaseDate: '2026-03-02',
    });
    expect(publication({ version: 3, releaseDate: '2025-01-01' }, '2026-03-02')).toEqual({
      version: 4,
      releaseDate: '2025-01-01',
    });
  });
});

describe('diff', () => {
  const arbField = fc.record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    label: fc.constantFrom('甲', '乙', '丙'),
    type: fc.constantFrom(...FIELD_TYPES),
    required: fc.boolean(),
    key: fc.boolean(),
    level: fc.constantFrom(...CLASSIFICATION_LEVELS),
    pattern: fc.option(fc.constantFrom('^\\d+$', '^[A-Z]$'), { nil: undefined }),
  });
  const arbState = fc.record({
    name: fc.constantFrom('企业登记', '企业登记信息'),
    summary: fc.constantFrom('摘要一', '摘要二'),
    openType: fc.constantFrom('open', 'closed'),
    keywords: fc.array(fc.constantFrom('企业', '法人'), { maxLength: 2 }),
    releaseDate: fc.option(fc.constant('2026-01-01'), { nil: null }),
    provider: fc.record({ id: fc.constant('d1'), name: fc.constantFrom('市场监管局', '民政局') }),
    version: fc.nat(5),
    fields: fc.uniqueArray(arbField, { selector: (f) => f.name, maxLength: 5 }),
  });
  const comparable = (s: Record<string, unknown>) => {
    const { fields, ...rest } = s as { fields: { name: string }[] };
    const attrs = Object.fromEntries(Object.entries(rest).filter(([k]) => !DIFF_IGNORED.includes(k)));
    return canonical({ ...attrs, fields: [...fields].sort((x, y) => x.name.localeCompare(y.name)) });
  };

  it('names changed attributes and fields added, removed and changed', () => {
    const before = entry();
    const after = {
      ...entry({ name: '企业登记信息（全量）', keywords: ['企业'] }),
      fields: [
        field({ label: '统一代码', level: 'L2' }),
        field({ name: 'addr', label: '住所', key: false, pattern: null }),
      ],
    };
    const d = diffDatasets(before, after);
    expect(d.attributes).toEqual([
      { path: 'keywords', before: ['企业', '法人'], after: ['企业'] },
      { path: 'name', before: '企业登记信息', after: '企业登记信息（全量）' },
    ]);
    expect(d.fields.added.map((f) => f.name)).toEqual(['addr']);
    expect(d.fields.removed.map((f) => f.name)).toEqual(['name']);
    expect(d.fields.changed).toEqual([
      {
        name: 'uscc',
        changes: [
          { path: 'label', before: '统一社会信用代码', after: '统一代码' },
          { path: 'level', before: 'L1', after: 'L2' },
        ],
      },
    ]);
    expect(changedPaths(d)).toEqual(['keywords', 'name', 'fields.+addr', 'fields.-name', 'fields.uscc']);
  });

  it('treats absent and null alike and ignores bookkeeping', () => {
    const before = {
      name: 'a',
      theme: null,
      version: 1,
      updatedAt: 'x',
      fields: [{ name: 'f', unit: null }],
    };
    const after = { name: 'a', version: 2, updatedAt: 'y', fields: [{ name: 'f' }] };
    expect(isEmptyDiff(diffDatasets(before, after))).toBe(true);
  });

  it('is empty between a state and itself', () => {
    fc.assert(
      fc.property(arbState, (a) => {
        expect(isEmptyDiff(diffDatasets(a, a))).toBe(true);
      }),
    );
  });

  it('is symmetric: what one way adds the other way removes, and changes swap before and after', () => {
    fc.assert(
      fc.property(arbState, arbState, (a, b) => {
        const ab = diffDatasets(a, b);
        const ba = diffDatasets(b, a);
        expect(ab.fields.added).toEqual(ba.fields.removed);
        expect(ab.fields.removed).toEqual(ba.fields.added);
        expect(ab.attributes).toEqual(ba.attributes.map((c) => ({ ...c, before: c.after, after: c.before })));
        expect(ab.fields.changed.map((c) => c.name).sort()).toEqual(
          ba.fields.changed.map((c) => c.name).sort(),
        );
        expect(isEmptyDiff(ab)).toBe(comparable(a) === comparable(b));
      }),
    );
  });

  it('applied to the first state gives the second', () => {
    fc.assert(
      fc.property(arbState, arbState, (a, b) => {
        expect(comparable(applyDiff(a, diffDatasets(a, b)))).toBe(comparable(b));
      }),
    );
  });
});
