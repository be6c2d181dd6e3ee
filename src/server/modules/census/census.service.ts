import type { ModuleDeps } from '../deps.ts';

/** The census module's decisions. */
export class CensusService {
  constructor(private readonly deps: ModuleDeps) {}
}
