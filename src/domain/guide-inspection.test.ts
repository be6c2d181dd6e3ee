import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import {
  GUIDE_REVIEW_DAYS,
  GUIDE_RULE_CODES,
  GUIDE_RULES,
  guideInputProblems,
  inspectGuide,
  isMissing,
  MANDATORY_ELEMENTS,
  MATERIALS_REQUIRED_TYPES,
  SPECIAL_PROCEDURES_BY_TYPE,
  type InspectedGuide,
  type InspectedMatter,
  type MandatoryElement,
} from './guide-inspection.ts';
import {
  defaultStages,
  MATERIAL_FORMS,
  MATERIAL_MEDIA,
  MATTER_TYPES,
  SPECIAL_PROCEDURES,
  type GuideMaterial,
  type MatterType,
} from './matters.ts';

const TODAY = '2026-03-02';

/** A matter whose facts agree with each other, and a guide with every element: no findings. */
const soundCase = fc
  .record({
    type: fc.constantFrom(...MATTER_TYPES),
    onTheSpot: fc.boolean(),
    statutory: fc.integer({ min: 1, max: 60 }),
    committedShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
    visits: fc.integer({ min: 0, max: 3 }),
    depth: fc.integer({ min: 1, max: 3 }),
    procedurePicks: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fees: fc.array(
      fc.record({
        name: fc.constantFrom('工本费', '检验费', '证书费'),
        amount: fc.integer({ min: 0, max: 500 }),
        basis: fc.constant('浙价费〔2019〕12号'),
      }),
      { maxLength: 2 },
    ),
    materialNames: fc.uniqueArray(fc.constantFrom('身份证', '申请表', '营业执照', '场地证明', '授权委托书'), {
      minLength: 1,
      maxLength: 5,
    }),
    form: fc.constantFrom(...MATERIAL_FORMS),
    medium: fc.constantFrom(...MATERIAL_MEDIA),
    copies: fc.integer({ min: 1, max: 5 }),
    savedDaysAgo: fc.integer({ min: 0, max: GUIDE_REVIEW_DAYS }),
    url: fc.boolean(),
  })
  .map((r) => {
    const committed = r.onTheSpot ? 0 : Math.max(1, Math.floor(r.statutory * r.committedShare));
    // 0 visits only with 全程网办, and 全程网办 needs no visit.
    const onlineDepth = r.visits === 0 ? 4 : r.depth;
    const allowed = SPECIAL_PROCEDURES_BY_TYPE[r.type];
    const stages = defaultStages(r.type, r.onTheSpot).map((s, i) =>
      // One stage limit that fits inside the committed limit.
      i === 1 && !r.onTheSpot ? { ...s, limitDays: committed } : s,
    );
    const matter: InspectedMatter = {
      type: r.type,
      onTheSpot: r.onTheSpot,
      statutoryLimitDays: r.onTheSpot ? 0 : r.statutory,
      committedLimitDays: committed,
      visits: r.visits,
      onlineDepth,
      stages,
      specialProcedures: allowed.filter((_, i) => r.procedurePicks[i]),
      fees: r.fees,
    };
    const materials: GuideMaterial[] = r.materialNames.map((name) => ({
      name,
      form: r.form,
      copies: r.copies,
      medium: r.medium,
      required: true,
      sample: null,
    }));
    const guide: InspectedGuide = {
      conditions: '申请人为本区户籍居民',
      materials,
      process: '申请 → 受理 → 审查 → 决定 → 送达',
      legalBasis: '《中华人民共和国行政许可法》第二十九条',
      place: '区行政服务中心二楼综合窗口',
      hours: '工作日 9:00-17:00',
      contactPhone: '0571-85100000',
      complaintPhone: '12345',
      onlineUrl: onlineDepth >= 3 || r.url ? 'https://www.zjzwfw.gov.cn/matter/1' : null,
      updatedOn: addDays(TODAY, -r.savedDaysAgo),
    };
    return { matter, guide };
  });

const rules = (m: InspectedMatter, g: InspectedGuide | null) => inspectGuide(m, g, TODAY).map((f) => f.rule);

describe('inspectGuide', () => {
  it('finds nothing in a guide built complete for a consistent matter', () => {
    fc.assert(
      fc.property(soundCase, ({ matter, guide }) => {
        expect(inspectGuide(matter, guide, TODAY)).toEqual([]);
      }),
    );
  });

  it('reports exactly the mandatory element removed, whichever it is and however it is blanked', () => {
    const elements = Object.keys(MANDATORY_ELEMENTS) as MandatoryElement[];
    fc.assert(
      fc.property(
        soundCase,
        fc.constantFrom(...elements),
        fc.constantFrom('', '   ', '无', '暂无', '—', 'N/A', '待定'),
        ({ matter, guide }, element, blank) => {
          const findings = inspectGuide(matter, { ...guide, [element]: blank }, TODAY);
          expect(findings).toEqual([{ rule: MANDATORY_ELEMENTS[element], severity: 'error', params: {} }]);
        },
      ),
    );
  });

  it('requires materials exactly for licensing, confirmation, payment and filing matters', () => {
    fc.assert(
      fc.property(soundCase, ({ matter, guide }) => {
        const got = rules(matter, { ...guide, materials: [] });
        const needed = (MATERIALS_REQUIRED_TYPES as readonly string[]).includes(matter.type);
        expect(got).toEqual(needed ? ['missing_materials'] : []);
      }),
    );
  });

  it('reports every contradiction planted into a sound case, each once, and nothing else', () => {
    const faults = {
      committedAboveStatutory: (m: InspectedMatter) => ({
        ...m,
        onTheSpot: false,
        statutoryLimitDays: 10,
        committedLimitDays: 12,
        stages: m.stages.map((s) => ({ ...s, limitDays: null })),
      }),
      feeWithoutBasis: (m: InspectedMatter) => ({
        ...m,
        fees: [...m.fees, { name: '工本费', amount: 10, basis: ' ' }],
      }),
      onTheSpotWithLimits: (m: InspectedMatter) => ({
        ...m,
        onTheSpot: true,
        statutoryLimitDays: 5,
        committedLimitDays: 5,
        stages: m.stages.map((s) => ({ ...s, limitDays: null })),
      }),
      stagesAboveCommitted: (m: InspectedMatter) => ({
        ...m,
        onTheSpot: false,
        statutoryLimitDays: 20,
        committedLimitDays: 5,
        stages: m.stages.map((s) => ({ ...s, limitDays: 3 })),
      }),
    } as const;
    const expected: Record<keyof typeof faults, string> = {
      committedAboveStatutory: 'committed_above_statutory',
      feeWithoutBasis: 'fee_without_basis',
      onTheSpotWithLimits: 'on_the_spot_with_limits',
      stagesAboveCommitted: 'stage_days_above_committed',
    };
    fc.assert(
      fc.property(
        soundCase,
        fc.constantFrom(...(Object.keys(faults) as (keyof typeof faults)[])),
        (c, fault) => {
          expect(rules(faults[fault](c.matter), c.guide)).toEqual([expected[fault]]);
        },
      ),
    );
  });

  it('asks for an online link from online application (depth 3) on, and a link must be http(s)', () => {
    fc.assert(
      fc.property(soundCase, fc.constantFrom(null, '', 'ftp://x.gov.cn', 'www.gov.cn'), (c, url) => {
        const matter = { ...c.matter, visits: 1, onlineDepth: 3 };
        expect(rules(matter, { ...c.guide, onlineUrl: url })).toEqual(['online_without_url']);
        expect(rules({ ...matter, onlineDepth: 2 }, { ...c.guide, onlineUrl: url })).toEqual([]);
      }),
    );
  });

  it('holds 一次不用跑 to 全程网办 and 全程网办 to no visit', () => {
    fc.assert(
      fc.property(
        soundCase,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        (c, depth, visits) => {
          const guide = { ...c.guide, onlineUrl: 'https://x.gov.cn/' };
          expect(inspectGuide({ ...c.matter, visits: 0, onlineDepth: depth }, guide, TODAY)).toEqual([
            { rule: 'no_visit_not_online', severity: 'error', params: { depth } },
          ]);
          expect(inspectGuide({ ...c.matter, visits, onlineDepth: 4 }, guide, TODAY)).toEqual([
            { rule: 'fully_online_with_visits', severity: 'warning', params: { visits } },
          ]);
        },
      ),
    );
  });

  it('names the material entries with no copies and with a repeated name', () => {
    const material = (name: string, copies: number): GuideMaterial => ({
      name,
      form: 'copy',
      copies,
      medium: 'paper',
      required: true,
      sample: null,
    });
    const { matter, guide } = fc.sample(soundCase, { seed: 7, numRuns: 1 })[0]!;
    const findings = inspectGuide(
      matter,
      {
        ...guide,
        materials: [
          material('身份证', 1),
          material('申请表', 0),
          material('身份证 ', 2),
          material('ＡＢ表', 1),
        ],
      },
      TODAY,
    ).concat(
      inspectGuide(matter, { ...guide, materials: [material('ab表', 1), material('AB表', 1)] }, TODAY),
    );
    expect(findings).toEqual([
      { rule: 'material_zero_copies', severity: 'error', params: { index: 1, name: '申请表', copies: 0 } },
      { rule: 'material_duplicate_name', severity: 'error', params: { index: 2, name: '身份证 ', first: 0 } },
      { rule: 'material_duplicate_name', severity: 'error', params: { index: 1, name: 'AB表', first: 0 } },
    ]);
  });

  it('warns of special procedures the matter type cannot have, and only those', () => {
    fc.assert(
      fc.property(
        soundCase,
        fc.constantFrom(...MATTER_TYPES),
        fc.subarray([...SPECIAL_PROCEDURES]),
        (c, type, procedures) => {
          const allowed = SPECIAL_PROCEDURES_BY_TYPE[type as MatterType] as readonly string[];
          const findings = inspectGuide(
            { ...c.matter, type, specialProcedures: procedures },
            c.guide,
            TODAY,
          ).filter((f) => f.rule === 'special_procedure_not_applicable');
          expect(findings.map((f) => f.params.procedure)).toEqual(
            procedures.filter((p) => !allowed.includes(p)),
          );
          for (const f of findings) expect(f).toMatchObject({ severity: 'warning', params: { type } });
        },
      ),
    );
    expect(SPECIAL_PROCEDURES_BY_TYPE.public_service).toEqual([]);
    expect(SPECIAL_PROCEDURES_BY_TYPE.internal).toEqual([]);
    expect(SPECIAL_PROCEDURES_BY_TYPE.licensing).toEqual([...SPECIAL_PROCEDURES]);
  });

  it('calls a guide stale one day after a year without being saved', () => {
    const { matter, guide } = fc.sample(soundCase, { seed: 3, numRuns: 1 })[0]!;
    const at = (daysAgo: number) =>
      inspectGuide(matter, { ...guide, updatedOn: addDays(TODAY, -daysAgo) }, TODAY);
    expect(at(GUIDE_REVIEW_DAYS)).toEqual([]);
    expect(at(GUIDE_REVIEW_DAYS + 1)).toEqual([
      {
        rule: 'stale',
        severity: 'warning',
        params: { days: GUIDE_REVIEW_DAYS + 1, updatedOn: addDays(TODAY, -(GUIDE_REVIEW_DAYS + 1)) },
      },
    ]);
  });

  it('reports a missing guide once, beside the matter’s own faults, in rule order', () => {
    const { matter } = fc.sample(soundCase, { seed: 11, numRuns: 1 })[0]!;
    expect(rules(matter, null)).toEqual(['no_guide']);
    const faulty = {
      ...matter,
      onTheSpot: false,
      statutoryLimitDays: 5,
      committedLimitDays: 6,
      visits: 0,
      onlineDepth: 2,
    };
    expect(rules({ ...faulty, stages: [] }, null)).toEqual([
      'no_guide',
      'committed_above_statutory',
      'no_visit_not_online',
    ]);
  });

  it('gives every finding the severity of its rule, in the order of the rule list', () => {
    fc.assert(
      fc.property(
        soundCase,
        fc.record({
          blank: fc.subarray(Object.keys(MANDATORY_ELEMENTS) as MandatoryElement[]),
          statutory: fc.integer({ min: 0, max: 30 }),
          committed: fc.integer({ min: 0, max: 30 }),
          visits: fc.integer({ min: 0, max: 3 }),
          depth: fc.integer({ min: 1, max: 4 }),
          onTheSpot: fc.boolean(),
        }),
        (c, f) => {
          const guide = { ...c.guide, ...Object.fromEntries(f.blank.map((e) => [e, ''])) };
          const matter = {
            ...c.matter,
            statutoryLimitDays: f.statutory,
            committedLimitDays: f.committed,
            visits: f.visits,
            onlineDepth: f.depth,
            onTheSpot: f.onTheSpot,
          };
          const findings = inspectGuide(matter, guide, TODAY);
          for (const x of findings) expect(x.severity).toBe(GUIDE_RULES[x.rule]);
          const order = findings.map((x) => GUIDE_RULE_CODES.indexOf(x.rule));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('isMissing', () => {
  it('treats blanks and placeholders as missing, real text as present', () => {
    for (const t of [null, undefined, '', ' \n', '无', '暂无', '／', 'N/A', 'ｎｏｎｅ'])
      expect(isMissing(t), String(t)).toBe(true);
    for (const t of ['无犯罪记录证明', '12345', 'https://x.gov.cn']) expect(isMissing(t), t).toBe(false);
  });
});

describe('guideInputProblems', () => {
  it('names each repeated material by its position and the entry it repeats (1-based)', () => {
    const m = (name: string) => ({ name });
    expect(guideInputProblems({ materials: [m('A'), m('B'), m('a '), m('C'), m('B')] as never })).toEqual([
      { path: 'materials.2.name', reason: 'materialTwice', params: { first: 1 } },
      { path: 'materials.4.name', reason: 'materialTwice', params: { first: 2 } },
    ]);
  });
});
