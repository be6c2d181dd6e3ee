// Rules of the registry of information systems (信息系统一本账): when a live system counts as a zombie
// (built and then unused), and which systems look like duplicates of each other (IRS rejects duplicate
// projects). Pure: no I/O, dates as 'YYYY-MM-DD' civil dates in China.

import { parseIsoDate, type IsoDate } from './calendar.ts';

export const USAGE_SIGNALS = ['sign_in', 'api_call', 'data_update', 'exchange_call', 'catalog_view'] as const;
export type UsageSignal = (typeof USAGE_SIGNALS)[number];

// ---------------------------------------------------------------------------------------------
// Zombies

export interface ZombieSubject {
  status: string;
  launchDate: IsoDate | null;
  userCount?: number | null;
}

/** The last day with a count > 0, per signal (missing or null: never used). */
export type LastUse = Partial<Record<UsageSignal, IsoDate | null>>;

export interface ZombieEvidence {
  thresholdDays: number;
  /** The last day any signal showed use, or null if none ever did. */
  lastUsedOn: IsoDate | null;
  /** Days from the last use (or, never used, from the launch) to today; null when neither is known. */
  daysSilent: number | null;
  lastUse: Record<UsageSignal, IsoDate | null>;
  launchDate: IsoDate | null;
  declaredUserCount: number | null;
}

export interface ZombieVerdict {
  zombie: boolean;
  evidence: ZombieEvidence;
}

/**
 * A system is a zombie when it is live, was launched at least `thresholdDays` ago (or has no launch
 * date), and no signal shows any use within the last `thresholdDays` days, today included: a last
 * use exactly `thresholdDays` days ago is outside that window.
 */
export function zombieVerdict(
  system: ZombieSubject,
  lastUse: LastUse,
  today: IsoDate,
  thresholdDays: number,
): ZombieVerdict {
  if (!Number.isSafeInteger(thresholdDays) || thresholdDays < 1) {
    throw new RangeError(`thresholdDays must be a positive integer: ${thresholdDays}`);
  }
  const todayN = parseIsoDate(today);
  const perSignal = Object.fromEntries(USAGE_SIGNALS.map((s) => [s, lastUse[s] ?? null])) as Record<
    UsageSignal,
    IsoDate | null
  >;
  let lastN: number | null = null;
  let lastUsedOn: IsoDate | null = null;
  for (const s of USAGE_SIGNALS) {
    const d = perSignal[s];
    if (d === null) continue;
    const n = parseIsoDate(d);
    if (lastN === null || n > lastN) [lastN, lastUsedOn] = [n, d];
  }
  const launchN = system.launchDate ? parseIsoDate(system.launchDate) : null;
  const silentSince = lastN ?? launchN;
  const daysSilent = silentSince === null ? null : Math.max(0, todayN - silentSince);
  const launchedLongAgo = launchN === null || todayN - launchN >= thresholdDays;
  const usedRecently = lastN !== null && todayN - lastN < thresholdDays;
  return {
    zombie: system.status === 'live' && launchedLongAgo && !usedRecently,
    evidence: {
      thresholdDays,
      lastUsedOn,
      daysSilent,
      lastUse: perSignal,
      launchDate: system.launchDate,
      declaredUserCount: system.userCount ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Duplicates

/** A pair is a duplicate when both its names and its purposes are at least this similar… */
export const DUPLICATE_NAME_SIMILARITY = 0.5;
export const DUPLICATE_PURPOSE_SIMILARITY = 0.5;
/** …or when they produce a dataset of the same name and either their names or their purposes are this similar. */
export const SHARED_DATASET_NAME_SIMILARITY = 0.3;
export const SHARED_DATASET_PURPOSE_SIMILARITY = 0.4;

export interface DuplicateThresholds {
  name: number;
  purpose: number;
  sharedDatasetName: number;
  sharedDatasetPurpose: number;
}

export const DUPLICATE_THRESHOLDS: Readonly<DuplicateThresholds> = Object.freeze({
  name: DUPLICATE_NAME_SIMILARITY,
  purpose: DUPLICATE_PURPOSE_SIMILARITY,
  sharedDatasetName: SHARED_DATASET_NAME_SIMILARITY,
  sharedDatasetPurpose: SHARED_DATASET_PURPOSE_SIMILARITY,
});

export interface DuplicateCandidate {
  id: string;
  name: string;
  purpose: string;
  status: string;
  producedDatasetNames: readonly string[];
}

export type DuplicateReason = 'similar_name_and_purpose' | 'shared_dataset';

export interface DuplicateEvidence {
  nameSimilarity: number;
  purposeSimilarity: number;
  /** Names of the datasets both produce (as the first system writes them), sorted. */
  sharedDatasets: string[];
  reason: DuplicateReason;
}

export interface DuplicatePair {
  /** The smaller id of the two (a pair is reported once). */
  systemId: string;
  otherSystemId: string;
  evidence: DuplicateEvidence;
}

/** NFKC, lower case, letters and digits only (runs kept apart: bigrams never span a space or a mark). */
export function normaliseRuns(text: string): string[] {
  return [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .matchAll(/[\p{L}\p{N}]+/gu),
  ].map((m) => m[0]);
}

/** The text as one normalised string: how dataset names are compared. */
export function normaliseText(text: string): string {
  return normaliseRuns(text).join('');
}

/**
 * The set of character bigrams of the normalised text: adjacent characters within each run of
 * letters and digits (for Han text, adjacent characters); a one-character run counts as itself.
 */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of normaliseRuns(text)) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Dice coefficient of the bigram sets: 2|A∩B| / (|A|+|B|); 0 when either text has no letters or digits. */
export function similarity(a: string, b: string): number {
  return diceOfSets(bigrams(a), bigrams(b));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Prepared {
  id: string;
  name: Set<string>;
  purpose: Set<string>;
  /** normalised dataset name → the name as written */
  datasets: Map<string, string>;
}

/**
 * Pairs of systems (retired ones ignored) whose purposes overlap: (name similarity ≥ 0.5 and purpose
 * similarity ≥ 0.5), or (they produce a dataset of the same normalised name and (name similarity ≥
 * 0.3 or purpose similarity ≥ 0.4)). Candidates come from inverted indexes of name bigrams and dataset
 * names, so only pairs that share something are compared. Sorted by systemId, then otherSystemId.
 */
export function findDuplicateSystems(
  systems: readonly DuplicateCandidate[],
  opts: { thresholds?: Partial<DuplicateThresholds> } = {},
): DuplicatePair[] {
  const t = { ...DUPLICATE_THRESHOLDS, ...opts.thresholds };
  const seen = new Set<string>();
  const items: Prepared[] = [];
  for (const s of systems) {
    if (s.status === 'retired' || seen.has(s.id)) continue;
    seen.add(s.id);
    const datasets = new Map<string, string>();
    for (const n of s.producedDatasetNames) {
      const key = normaliseText(n);
      if (key && !datasets.has(key)) datasets.set(key, n);
    }
    items.push({ id: s.id, name: bigrams(s.name), purpose: bigrams(s.purpose), datasets });
  }
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Inverted indexes: bigram of a name → items (ascending), normalised dataset name → items.
  const byBigram = new Map<string, number[]>();
  const byDataset = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const g of it.name) (byBigram.get(g) ?? byBigram.set(g, []).get(g)!).push(i);
    for (const d of it.datasets.keys()) (byDataset.get(d) ?? byDataset.set(d, []).get(d)!).push(i);
  });

  const pairs: DuplicatePair[] = [];
  const common = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const touched: number[] = [];
    for (const g of a.name) {
      for (const j of byBigram.get(g)!) {
        if (j <= i) continue;
        if (common[j] === 0) touched.push(j);
        common[j]!++;
      }
    }
    const sharing = new Set<number>();
    for (const d of a.datasets.keys()) for (const j of byDataset.get(d)!) if (j > i) sharing.add(j);
    const candidates = new Set<number>(sharing);
    for (const j of touched) {
      const nameSim = (2 * common[j]!) / (a.name.size + items[j]!.name.size);
      if (nameSim >= t.name) candidates.add(j);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const b = items[j]!;
      const nameSim = (2 * common[j]!) / (a.name.size + b.name.size || 1);
      const purposeSim = diceOfSets(a.purpose, b.purpose);
      const shared = sharing.has(j)
        ? [...a.datasets.entries()].filter(([k]) => b.datasets.has(k)).map(([, n]) => n)
        : [];
      let reason: DuplicateReason | null = null;
      if (nameSim >= t.name && purposeSim >= t.purpose) reason = 'similar_name_and_purpose';
      else if (shared.length > 0 && (nameSim >= t.sharedDatasetName || purposeSim >= t.sharedDatasetPurpose))
        reason = 'shared_dataset';
      if (!reason) continue;
      pairs.push({
        systemId: a.id,
        otherSystemId: b.id,
        evidence: {
          nameSimilarity: round2(nameSim),
          purposeSimilarity: round2(purposeSim),
          sharedDatasets: shared.sort(),
          reason,
        },
      });
    }
    for (const j of touched) common[j] = 0;
  }
  return pairs;
}
