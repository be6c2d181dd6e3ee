import type { UsageSignal } from '../../api/types.ts';
import { USAGE_SIGNALS } from '../../i18n/labels.ts';

/** The flag's evidence is free-form JSON; these read it defensively, by the shape the scan writes. */
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export interface ZombieEvidenceView {
  thresholdDays: number | null;
  lastUsedOn: string | null;
  daysSilent: number | null;
  lastUse: Record<UsageSignal, string | null>;
  launchDate: string | null;
  declaredUserCount: number | null;
}

export function readZombieEvidence(evidence: Record<string, unknown>): ZombieEvidenceView {
  const lastUse = obj(evidence.lastUse);
  return {
    thresholdDays: num(evidence.thresholdDays),
    lastUsedOn: str(evidence.lastUsedOn),
    daysSilent: num(evidence.daysSilent),
    lastUse: Object.fromEntries(USAGE_SIGNALS.map((s) => [s, str(lastUse[s])])) as Record<
      UsageSignal,
      string | null
    >,
    launchDate: str(evidence.launchDate),
    declaredUserCount: num(evidence.declaredUserCount),
  };
}

export interface DuplicateEvidenceView {
  nameSimilarity: number | null;
  purposeSimilarity: number | null;
  sharedDatasets: string[];
  reason: string | null;
}

export function readDuplicateEvidence(evidence: Record<string, unknown>): DuplicateEvidenceView {
  return {
    nameSimilarity: num(evidence.nameSimilarity),
    purposeSimilarity: num(evidence.purposeSimilarity),
    sharedDatasets: strings(evidence.sharedDatasets),
    reason: str(evidence.reason),
  };
}
