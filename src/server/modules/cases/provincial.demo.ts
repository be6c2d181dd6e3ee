// The demo district's provincial case library: a simulator on a free local port, loaded with the
// copies of the seeded cases and one planted mismatch for reconciliation to find.
import {
  comparableValue,
  exchangeTime,
  parseExchangeTime,
  type ExchangeRecord,
} from '../../../domain/exchange.ts';
import { randomToken } from '../../crypto/index.ts';
import { startProvinceSimulator } from '../../../simulator/province-library.ts';
import type { ProvincialService } from './provincial.service.ts';

/** A copy the library holds differently from the district (what the demo generator plants). */
export interface PlantedMismatch {
  caseNo: string;
  /** The library's values for some fields, e.g. { BJJGDM: '2' }. */
  changes: ExchangeRecord;
}

/**
 * Without a plant from the generator: the first completed, approved case (by case number) is, in
 * the library's copy, denied one day later.
 */
export function defaultPlant(records: readonly ExchangeRecord[]): PlantedMismatch | null {
  const target = [...records]
    .filter((r) => r.BJJGDM === '1' && typeof r.BJSJ === 'string')
    .sort((a, b) => String(a.SBLSH).localeCompare(String(b.SBLSH)))[0];
  const completed = target ? parseExchangeTime(comparableValue('BJSJ', target.BJSJ)) : null;
  if (!target || !completed) return null;
  return {
    caseNo: String(target.SBLSH),
    changes: { BJJGDM: '2', BJSJ: exchangeTime(new Date(completed.getTime() + 86_400_000)) },
  };
}

export interface DemoProvince {
  url: string;
  loaded: number;
  planted: PlantedMismatch | null;
  close(): Promise<void>;
}

/**
 * Starts the simulated library, loads it with every case's current record (and marks the outbox
 * rows those records contain as delivered), plants the mismatch and points the adapter at it.
 * Call it before the server listens: nothing may change cases between the load and the marking.
 */
export async function startDemoProvince(
  services: { province: ProvincialService },
  plant?: PlantedMismatch | null,
): Promise<DemoProvince> {
  const token = randomToken(24);
  const sim = await startProvinceSimulator({ token });
  try {
    const { province } = services;
    const records = await province.currentRecords();
    sim.load(records);
    await province.markLoaded();
    const wanted = plant === undefined ? defaultPlant(records) : plant;
    const planted = wanted && sim.alter(wanted.caseNo, wanted.changes) ? wanted : null;
    province.useUpstream({ url: sim.url, token });
    return { url: sim.url, loaded: records.length, planted, close: () => sim.close() };
  } catch (err) {
    await sim.close();
    throw err;
  }
}
