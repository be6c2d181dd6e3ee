import type { ModuleDeps } from '../deps.ts';

/** Cases (办件): intake, actions on the event log, clocks, flags. */
export class CaseService {
  constructor(private readonly deps: ModuleDeps) {}
}
