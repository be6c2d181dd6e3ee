import { describe, expect, it } from 'vitest';
import { findDuplicateSystems, zombieVerdict } from '../../../domain/registry.ts';
import { readDuplicateEvidence, readZombieEvidence } from './evidence.ts';

/** The pages read the evidence the scan writes (src/domain/registry.ts): a contract between the two. */
describe('flag evidence as the pages read it', () => {
  it('reads a zombie verdict’s evidence, signal by signal', () => {
    const { zombie, evidence } = zombieVerdict(
      { status: 'live', launchDate: '2020-01-01', userCount: 120 },
      { sign_in: '2025-01-10', api_call: '2025-01-12' },
      '2025-06-01',
      90,
    );
    expect(zombie).toBe(true);
    const view = readZombieEvidence(JSON.parse(JSON.stringify(evidence)) as Record<string, unknown>);
    expect(view).toEqual({
      thresholdDays: 90,
      lastUsedOn: '2025-01-12',
      daysSilent: evidence.daysSilent,
      lastUse: {
        sign_in: '2025-01-10',
        api_call: '2025-01-12',
        data_update: null,
        exchange_call: null,
        catalog_view: null,
      },
      launchDate: '2020-01-01',
      declaredUserCount: 120,
    });
    expect(view.daysSilent).toBeGreaterThan(90);
  });

  it('reads a duplicate pair’s evidence', () => {
    const [pair] = findDuplicateSystems([
      {
        id: 'a',
        name: '区网格化事件处置系统',
        purpose: '网格员上报和处置城市管理事件',
        status: 'live',
        producedDatasetNames: ['网格事件信息'],
      },
      {
        id: 'b',
        name: '社区网格化事件管理系统',
        purpose: '网格员上报和处置社区事件',
        status: 'live',
        producedDatasetNames: ['网格事件信息'],
      },
    ]);
    expect(pair).toBeDefined();
    const view = readDuplicateEvidence(JSON.parse(JSON.stringify(pair!.evidence)) as Record<string, unknown>);
    expect(view.sharedDatasets).toEqual(['网格事件信息']);
    expect(view.nameSimilarity).toBeGreaterThan(0);
    expect(view.purposeSimilarity).toBeGreaterThan(0);
    expect(['similar_name_and_purpose', 'shared_dataset']).toContain(view.reason);
  });

  it('survives evidence of another shape', () => {
    expect(readZombieEvidence({ lastUse: 'x', daysSilent: 'many' })).toMatchObject({
      daysSilent: null,
      lastUsedOn: null,
      lastUse: { sign_in: null },
    });
    expect(readDuplicateEvidence({ sharedDatasets: [1, '人口'], nameSimilarity: NaN })).toEqual({
      nameSimilarity: null,
      purposeSimilarity: null,
      sharedDatasets: ['人口'],
      reason: null,
    });
  });
});
